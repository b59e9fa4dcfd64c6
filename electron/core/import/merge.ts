import type { DuplicateAction, RowOutcome } from '../../../shared/schemas/import';
import { doNotContactStatuses } from '../../../shared/schemas/marketing';
import type { StoredValue } from '../custom-fields/repo';
import type { CheckedRow } from './rows';

/** A record as an import compares it: its typed fields, tag names and custom values. */
export interface RecordState {
  values: Record<string, string>;
  tagNames: string[];
  custom: Record<string, StoredValue>;
}

export interface Merge {
  /** Every typed field after the merge. */
  values: Record<string, string>;
  /** Custom values that change (field number → new value). */
  custom: Record<string, StoredValue>;
  /** Tags the record gets that it does not have. */
  addTags: string[];
  changed: boolean;
  /** The row would change the consent of someone who unsubscribed or asked not to be contacted. */
  optOutChange: boolean;
}

const optedOut = new Set<string>(doNotContactStatuses);

/**
 * A duplicate row merged into the record it matched: 'fill' only sets what
 * the record has blank, 'overwrite' replaces what the row has a value for.
 * A blank cell never erases anything. Tags are added, never taken off.
 * Consent "not asked" counts as blank (record-state.ts); an unsubscribed or
 * do-not-contact person keeps their status unless `overwriteOptOuts`.
 */
export function mergeInto(
  current: RecordState,
  row: CheckedRow,
  action: 'fill' | 'overwrite',
  overwriteOptOuts = false,
): Merge {
  const values = { ...current.values };
  let changed = false;
  let optOutChange = false;
  for (const [field, value] of Object.entries(row.values)) {
    if (value === '' || values[field] === value) continue;
    if (field === 'consent' && action === 'overwrite' && optedOut.has(values[field] ?? '')) {
      optOutChange = true;
      if (!overwriteOptOuts) continue;
    }
    if (action === 'overwrite' || (values[field] ?? '') === '') {
      values[field] = value;
      changed = true;
    }
  }
  const custom: Record<string, StoredValue> = {};
  for (const [id, value] of Object.entries(row.custom)) {
    const before = current.custom[id];
    if (before === value) continue;
    if (action === 'overwrite' || before === undefined) {
      custom[id] = value;
      changed = true;
    }
  }
  const has = new Set(current.tagNames.map((name) => name.toLowerCase()));
  const addTags = row.tags.filter((name) => !has.has(name.toLowerCase()));
  return { values, custom, addTags, changed: changed || addTags.length > 0, optOutChange };
}

/** What happens to a row that passed its checks, given what it matched and the duplicates choice. */
export function outcomeOf(matched: boolean, action: DuplicateAction): Exclude<RowOutcome, 'reject'> {
  if (!matched || action === 'create') return 'create';
  return action === 'skip' ? 'skip' : 'update';
}
