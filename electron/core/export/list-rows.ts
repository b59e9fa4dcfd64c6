import type { ParsedInput } from '../../../shared/contract';
import { listSelections } from '../bulk/selection';
import type { Db } from '../db/open';

/** A list as the export request names it (after parsing: every filter present). */
export type ExportedList = ParsedInput<'export.list'>['list'];

/**
 * How many ids a page reads: a few kilobytes, so memory stays flat at any
 * list size, and large because each page of a searched list walks the list
 * from its start (100,000 matches read 1,000 at a time took 15 s; 10,000 at a time, a tenth of that).
 */
export const idsPerPage = 10_000;

/**
 * The ids of a list's rows in its own order (search, filters, sort), a page
 * at a time, so a list of any length is read in bounded memory. `ticked`:
 * only those, still in the list's order (a ticked row the list no longer
 * holds is not written). `total` is how many rows to expect, for progress.
 */
export function listRows(db: Db, list: ExportedList, ticked?: readonly number[], pageSize = idsPerPage): { total: number; pages: Iterable<number[]> } {
  const selections = listSelections(db);
  const listed = selections.count(list);
  const wanted = ticked && new Set(ticked);

  function* pages(): Generator<number[]> {
    let left = wanted?.size ?? Infinity;
    for (let from = 0; left > 0; from += pageSize) {
      const ids = selections.range(list, from, from + pageSize - 1);
      const kept = wanted ? ids.filter((id) => wanted.has(id)) : ids;
      left -= kept.length;
      if (kept.length > 0) yield kept;
      if (ids.length < pageSize) return;
    }
  }

  return { total: wanted ? Math.min(wanted.size, listed) : listed, pages: pages() };
}
