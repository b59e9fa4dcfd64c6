import type { FieldedKind, FieldedRef } from '../../../shared/schemas/record';
import type { Db } from '../db/open';
import { ownerColumn } from './kinds';

export type HistoryAction = 'changed' | 'trashed' | 'restored' | 'merged' | 'tagged' | 'untagged';
export type HistoryValue = string | number | null;

export interface HistoryEntry {
  action: HistoryAction;
  field?: string;
  oldValue?: HistoryValue;
  newValue?: HistoryValue;
}

/** A record's fields as people read them ("Stage": "Proposal"), compared before and after a change. */
export type DisplayValues = Record<string, HistoryValue>;

/**
 * Writes a record's history. Always called inside the transaction of the
 * change it describes, so the two are saved together or not at all.
 */
export function historyRepo(db: Db) {
  const inserts = Object.fromEntries(
    (['contact', 'company', 'deal'] as const).map((kind) => [
      kind,
      db.prepare<[{ id: number; action: string; field: string; old: HistoryValue; new: HistoryValue; at: string }]>(
        `INSERT INTO record_history (${ownerColumn[kind]}, action, field, old_value, new_value, changed_at)
         VALUES (@id, @action, @field, @old, @new, @at)`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare>>;

  function add(record: FieldedRef, entries: readonly HistoryEntry[], at: string): void {
    for (const entry of entries) {
      inserts[record.kind].run({
        id: record.id,
        action: entry.action,
        field: entry.field ?? '',
        old: entry.oldValue ?? null,
        new: entry.newValue ?? null,
        at,
      });
    }
  }

  return {
    add,
    /** One 'changed' entry per field whose value differs. Returns how many. */
    changes(record: FieldedRef, before: DisplayValues, after: DisplayValues, at: string): number {
      const entries: HistoryEntry[] = [];
      for (const field of Object.keys(after)) {
        const oldValue = before[field] ?? null;
        const newValue = after[field] ?? null;
        if (oldValue !== newValue) entries.push({ action: 'changed', field, oldValue, newValue });
      }
      add(record, entries, at);
      return entries.length;
    },
  };
}

export type HistoryRepo = ReturnType<typeof historyRepo>;
