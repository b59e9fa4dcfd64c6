import type { Selection } from '../../lib/useSelection';

/**
 * The ticked rows an export can be narrowed to, as the dialog offers them:
 * none (nothing ticked, or every row ticked, which is the whole list anyway),
 * or some, named as the ticked ids or, for a select-all with rows unticked
 * since, as the list less those ids (a list of any size).
 */
export type TickedRows =
  { type: 'none' } | { type: 'some'; count: number; ids: number[] } | { type: 'some'; count: number; except: number[] };

export function tickedRows(selection: Selection): TickedRows {
  const { ticks, count } = selection;
  if (count === 0 || selection.all) return { type: 'none' };
  return ticks.type === 'rows'
    ? { type: 'some', count, ids: [...ticks.ids] }
    : { type: 'some', count, except: [...ticks.except] };
}
