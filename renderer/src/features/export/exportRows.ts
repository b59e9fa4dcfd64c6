import { maxBulkIds } from '../../../../shared/schemas/bulk';
import type { ListSelector } from '../../../../shared/schemas/bulk';
import type { Selection } from '../../lib/useSelection';

/**
 * The ticked rows an export can be narrowed to, as the dialog offers them:
 * none (nothing ticked, or every row ticked, which is the whole list anyway),
 * some that can be named one by one, or a select-all with rows left out that
 * is too big to name (export.list takes at most 10,000 ids).
 */
export type TickedRows = { type: 'none' } | { type: 'some'; count: number; ids(): Promise<number[]> } | { type: 'too-many'; count: number };

/** Reads the ids of a list's rows between two positions, in its order (bulk.range). */
export type ReadRange = (list: ListSelector, from: number, to: number) => Promise<readonly number[]>;

export function tickedRows(selection: Selection, list: ListSelector, readRange: ReadRange): TickedRows {
  const { ticks, count } = selection;
  if (count === 0 || selection.all) return { type: 'none' };
  if (ticks.type === 'rows') {
    const ids = [...ticks.ids];
    return { type: 'some', count, ids: () => Promise.resolve(ids) };
  }
  // A select-all less a few: named by reading the whole list's ids, which bulk.range can do up to 10,000 rows.
  if (selection.more || selection.total > maxBulkIds) return { type: 'too-many', count };
  const { except, total } = { except: ticks.except, total: selection.total };
  return {
    type: 'some',
    count,
    ids: async () => (await readRange(list, 0, total - 1)).filter((id) => !except.has(id)),
  };
}
