import type { RecordKind } from '../../../../shared/schemas/record';
import type { TrashEntry } from '../../../../shared/schemas/trash';
import { countOf } from '../../lib/format';

const kindNames: Record<RecordKind, [one: string, many: string]> = {
  contact: ['contact', 'contacts'],
  company: ['company', 'companies'],
  deal: ['deal', 'deals'],
  activity: ['activity', 'activities'],
};

const kindOrder: readonly RecordKind[] = ['company', 'contact', 'deal', 'activity'];

/** "2 contacts and 1 activity": the other records that went to the trash with this delete; '' when none did. */
export function wentWith(entry: TrashEntry): string {
  const parts = kindOrder
    .filter((kind) => kind !== entry.kind && entry.counts[kind] > 0)
    .map((kind) => countOf(entry.counts[kind], ...kindNames[kind]));
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The kind in words, capitalised, for the line under the name: "Company", "12 deals" for a bulk delete. */
export function kindInWords(entry: TrashEntry): string {
  const count = entry.counts[entry.kind];
  const [one, many] = kindNames[entry.kind];
  return count > 1 ? countOf(count, one, many) : one[0]!.toUpperCase() + one.slice(1);
}

const calendarDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "27 Dec 2026". */
export function dayOf(iso: string): string {
  return calendarDate.format(new Date(iso));
}
