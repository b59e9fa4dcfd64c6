import type { ActivityKind } from '../../../../shared/schemas/activity';
import type { LinkedRecord, RecordKind } from '../../../../shared/schemas/record';
import type { KindCounts, StayingRecord, TrashEntry, TrashPreview } from '../../../../shared/schemas/trash';
import { countOf } from '../../lib/format';
import { wordList } from '../../lib/wordList';

const kindNames: Record<RecordKind, [one: string, many: string]> = {
  contact: ['contact', 'contacts'],
  company: ['company', 'companies'],
  deal: ['deal', 'deals'],
  activity: ['activity', 'activities'],
};

const activityNames: Record<ActivityKind, [one: string, many: string]> = {
  note: ['note', 'notes'],
  call: ['call', 'calls'],
  meeting: ['meeting', 'meetings'],
  email: ['email', 'emails'],
  task: ['task', 'tasks'],
};

const kindOrder: readonly RecordKind[] = ['company', 'contact', 'deal', 'activity'];

/** "2 contacts and 1 activity": the records of kinds other than `main`; '' when none. */
function otherKinds(main: RecordKind, counts: KindCounts): string {
  return wordList(
    kindOrder
      .filter((kind) => kind !== main && counts[kind] > 0)
      .map((kind) => countOf(counts[kind], ...kindNames[kind])),
  );
}

/** "2 contacts and 1 activity": the other records this delete holds now; '' when none. */
export function wentWith(entry: TrashEntry): string {
  return otherKinds(entry.kind, entry.counts);
}

/** The kind in words, capitalised, for the line under the name: "Company", "12 deals" for a bulk delete. */
export function kindInWords(entry: TrashEntry): string {
  const count = entry.counts[entry.kind];
  const [one, many] = kindNames[entry.kind];
  return count > 1 ? countOf(count, one, many) : one[0]!.toUpperCase() + one.slice(1);
}

/** Why a merged-away record comes back bare. */
export function mergedWords(mergedInto: LinkedRecord): string {
  return `Its activities, deals and files stay with ${mergedInto.name}`;
}

/** The toast after a restore: what came back (a merged-away record alone). */
export function restoredWords(
  entry: TrashEntry,
  restored: { counts: KindCounts; mergedInto: LinkedRecord | null },
): string {
  if (restored.mergedInto)
    return `Restored “${entry.label}” as a separate ${kindNames[entry.kind][0]}. ${mergedWords(restored.mergedInto)}.`;
  const others = otherKinds(entry.kind, restored.counts);
  return others ? `Restored “${entry.label}” with ${others}` : `Restored “${entry.label}”`;
}

/** "Acme Ltd (company)", "2 contacts: Anna Berg and Bob Stone". */
function recordsLine(kind: 'company' | 'contact' | 'deal', count: number, names: readonly string[]): string {
  const [one, many] = kindNames[kind];
  if (count === 1 && names.length === 1) return `${names[0]} (${one})`;
  if (names.length === 0) return countOf(count, one, many);
  const more = count > names.length ? [countOf(count - names.length, 'more', 'more')] : [];
  return `${countOf(count, one, many)}: ${wordList([...names, ...more])}`;
}

/** What Delete forever removes, one line per kind of thing. */
export function goesLines(preview: TrashPreview): string[] {
  const { goes } = preview;
  const records = (['company', 'contact', 'deal'] as const)
    .filter((kind) => goes.counts[kind] > 0)
    .map((kind) =>
      recordsLine(
        kind,
        goes.counts[kind],
        goes.records.filter((record) => record.kind === kind).map((record) => record.name),
      ),
    );
  const activities = wordList(
    (Object.keys(activityNames) as ActivityKind[])
      .filter((kind) => goes.activities[kind] > 0)
      .map((kind) => countOf(goes.activities[kind], ...activityNames[kind])),
  );
  const recordCount = goes.counts.company + goes.counts.contact + goes.counts.deal;
  return [
    ...records,
    ...(activities ? [activities] : []),
    ...(goes.files > 0 ? [countOf(goes.files, 'file', 'files')] : []),
    ...(goes.historyEntries > 0
      ? [`${recordCount === 1 ? 'Its' : 'Their'} change history (${countOf(goes.historyEntries, 'entry', 'entries')})`]
      : []),
    ...goes.otherEntries.map((other) => `“${other.label}”, deleted on its own earlier: it belongs only to what goes`),
  ];
}

function stayingLine(item: StayingRecord): string {
  const name = item.kind === 'contact' ? item.name : `“${item.name}”`;
  const who = `${item.kind === 'deal' ? `Deal ${name}` : name}${item.inTrash ? ' (in the trash)' : ''}`;
  if (item.kind === 'activity' && item.keeps.length > 0)
    return `${who} stays: it also belongs to ${wordList(item.keeps)}.`;
  return `${who} stays, no longer linked to ${wordList(item.loses)}.`;
}

/** What Delete forever leaves, losing only its link to what goes. */
export function staysLines(preview: TrashPreview): string[] {
  const { total, items } = preview.stays;
  const more = total - items.length;
  return [
    ...items.map(stayingLine),
    ...(more > 0 ? [`${countOf(more, 'more record stays', 'more records stay')}, no longer linked to what goes.`] : []),
  ];
}

const calendarDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "27 Dec 2026". */
export function dayOf(iso: string): string {
  return calendarDate.format(new Date(iso));
}
