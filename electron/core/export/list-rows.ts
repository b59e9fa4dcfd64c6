import type { ParsedInput } from '../../../shared/contract';
import { listSelections } from '../bulk/selection';
import type { Db } from '../db/open';

/** A list as the export request names it (after parsing: every filter present). */
export type ExportedList = ParsedInput<'export.list'>['list'];

/**
 * How many ids a page reads: under half a megabyte, so memory stays flat at
 * any list size, and large because each page walks the list from its start
 * (100,000 matches of a search read 1,000 at a time took 15 s, 10,000 at a
 * time a tenth of that; every contact 10,000 at a time, twice as long as 50,000).
 */
export const idsPerPage = 50_000;

/** Which of a list's rows: `only` the ticked ones, or all `except` the unticked ones (a select-all less some). */
export interface TickedRows {
  only?: readonly number[] | undefined;
  except?: readonly number[] | undefined;
}

/**
 * The ids of a list's rows in its own order (search, filters, sort), a page
 * at a time, so a list of any length is read in bounded memory, narrowed to
 * the ticked rows, still in the list's order (a ticked row the list no
 * longer holds is not written). `total` is how many rows to expect, for progress.
 */
export function listRows(
  db: Db,
  list: ExportedList,
  ticked: TickedRows = {},
  pageSize = idsPerPage,
): { total: number; pages: Iterable<number[]> } {
  const selections = listSelections(db);
  const listed = selections.count(list);
  const wanted = ticked.only && new Set(ticked.only);
  const unwanted = new Set(ticked.except);

  function* pages(): Generator<number[]> {
    let left = wanted?.size ?? Infinity;
    for (let from = 0; left > 0; from += pageSize) {
      const ids = selections.range(list, from, from + pageSize - 1);
      const kept = wanted
        ? ids.filter((id) => wanted.has(id))
        : unwanted.size > 0
          ? ids.filter((id) => !unwanted.has(id))
          : ids;
      left -= kept.length;
      if (kept.length > 0) yield kept;
      if (ids.length < pageSize) return;
    }
  }

  return { total: wanted ? Math.min(wanted.size, listed) : Math.max(0, listed - unwanted.size), pages: pages() };
}
