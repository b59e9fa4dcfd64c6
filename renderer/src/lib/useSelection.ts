import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { maxBulkIds } from '../../../shared/schemas/bulk';
import { toCrmError } from '../api';
import { queryKey, type ListQuery, type PagesSnapshot } from './pagedRows';

/**
 * Which rows of a list are ticked: some, one by one; or every row its query
 * matches, less some unticked since (with the exact count when the list's
 * own was capped, "1,000+", as a search's is).
 */
export type Ticks =
  { type: 'rows'; ids: ReadonlySet<number> } | { type: 'all'; except: ReadonlySet<number>; total?: number };

/** The ids of a list's rows between two positions (both included), in its order, as the core reads them. */
export type FetchRange<Sort extends string> = (
  query: ListQuery<Sort>,
  from: number,
  to: number,
) => Promise<readonly number[]>;

/** How many rows a list's query matches, counted exactly by the core. */
export type FetchCount<Sort extends string> = (query: ListQuery<Sort>) => Promise<number>;

/** The rows ticked in a list for a bulk change. */
export interface Selection<Sort extends string = string> {
  /** The list query the ticks belong to: a new search, filter or sort starts again with none. */
  query: ListQuery<Sort>;
  /** How many rows the query matches; with `more`, at least that many (a search counts to 1,000). */
  total: number;
  more: boolean;
  ticks: Ticks;
  /** How many rows are ticked: what the bar and the dialogs say, and what a change acts on. */
  count: number;
  /** Every row the query matches is ticked. */
  all: boolean;
  isTicked: (id: number) => boolean;
  tick: (ids: readonly number[], on: boolean) => void;
  /** Ticks (or unticks) every row from position `from` to `to`, loaded or not, as the core reads the list. */
  tickRange: (from: number, to: number, on: boolean) => void;
  /** Ticks every row the query matches; a capped count is first counted exactly, so what is said and done is the true number. */
  tickAll: () => void;
  /** Records that are gone (deleted from their panel): no longer counted either way. */
  forget: (ids: readonly number[]) => void;
  clear: () => void;
  /** Why the last ticking did nothing, until the next one. */
  problem: string | null;
}

const none: Ticks = { type: 'rows', ids: new Set() };

interface State {
  /** The query key the ticks were made in. */
  key: string;
  ticks: Ticks;
  problem: string | null;
}

const tooMany = `At most ${maxBulkIds.toLocaleString()} rows can be ticked one by one. To change more, select all of them.`;
const tooManyLeftOut = `At most ${maxBulkIds.toLocaleString()} rows can be left out of a select-all.`;

/** The ticks after ticking or unticking some rows, or why not. */
function ticked(ticks: Ticks, ids: readonly number[], on: boolean): Ticks | string {
  const changed = new Set(ticks.type === 'rows' ? ticks.ids : ticks.except);
  // Ticking a row adds it to the rows, or takes it out of the exceptions; unticking does the opposite.
  const add = ticks.type === 'rows' ? on : !on;
  for (const id of ids) {
    if (add) changed.add(id);
    else changed.delete(id);
  }
  if (changed.size > maxBulkIds) return ticks.type === 'rows' ? tooMany : tooManyLeftOut;
  return ticks.type === 'rows' ? { type: 'rows', ids: changed } : { ...ticks, except: changed };
}

/**
 * The ticks of one list. They belong to the query shown: once another
 * search, filter or sort is on screen they are gone. A Shift range is read by
 * the core from the list itself, so it covers rows whose pages never loaded.
 */
export function useSelection<Row, Sort extends string>(
  snapshot: PagesSnapshot<Row, Sort>,
  fetchRange: FetchRange<Sort>,
  fetchCount: FetchCount<Sort>,
): Selection<Sort> {
  const { query } = snapshot;
  const key = queryKey(query);
  const [state, setState] = useState<State>({ key, ticks: none, problem: null });
  // Another query on screen: its ticks start empty, and the old ones are dropped (not kept for a return to it).
  const current = state.key === key ? state : { key, ticks: none, problem: null };
  if (current !== state) setState(current);

  const shownKey = useRef(key);
  const fetchRangeRef = useRef(fetchRange);
  const fetchCountRef = useRef(fetchCount);
  useLayoutEffect(() => {
    shownKey.current = key;
    fetchRangeRef.current = fetchRange;
    fetchCountRef.current = fetchCount;
  });
  // Ranges land in the order they were asked for.
  const ranges = useRef<Promise<void>>(Promise.resolve());

  const change = useCallback((madeIn: string, next: (ticks: Ticks) => Ticks | string) => {
    setState((previous) => {
      const ticks = previous.key === madeIn ? previous.ticks : none;
      const result = next(ticks);
      return typeof result === 'string'
        ? { key: madeIn, ticks, problem: result }
        : { key: madeIn, ticks: result, problem: null };
    });
  }, []);

  const tick = useCallback(
    (ids: readonly number[], on: boolean) => change(key, (ticks) => ticked(ticks, ids, on)),
    [change, key],
  );

  const tickRange = useCallback(
    (from: number, to: number, on: boolean) => {
      ranges.current = ranges.current.then(() =>
        fetchRangeRef.current(query, Math.min(from, to), Math.max(from, to)).then(
          (ids) => {
            if (shownKey.current === key) change(key, (ticks) => ticked(ticks, ids, on));
          },
          (error: unknown) => {
            const problem = toCrmError(error);
            if (shownKey.current === key) change(key, () => problem.fields[0]?.message ?? problem.message);
          },
        ),
      );
    },
    [change, key, query],
  );

  const capped = snapshot.more;
  const tickAll = useCallback(() => {
    if (!capped) {
      change(key, () => ({ type: 'all', except: new Set() }));
      return;
    }
    fetchCountRef.current(query).then(
      (total) => {
        if (shownKey.current === key) change(key, () => ({ type: 'all', except: new Set(), total }));
      },
      (error: unknown) => {
        const problem = toCrmError(error);
        if (shownKey.current === key) change(key, () => problem.message);
      },
    );
  }, [capped, change, key, query]);
  const forget = useCallback(
    (ids: readonly number[]) =>
      change(key, (ticks) => {
        const kept = new Set(ticks.type === 'rows' ? ticks.ids : ticks.except);
        for (const id of ids) kept.delete(id);
        if (ticks.type === 'rows') return { type: 'rows', ids: kept };
        // Gone from the list: no longer in an exact count either.
        return ticks.total === undefined
          ? { type: 'all', except: kept }
          : { type: 'all', except: kept, total: Math.max(0, ticks.total - ids.length) };
      }),
    [change, key],
  );
  const clear = useCallback(() => change(key, () => none), [change, key]);

  const { ticks, problem } = current;
  // A select-all counted exactly knows the total; otherwise the list's count, capped or not.
  const counted = ticks.type === 'all' && ticks.total !== undefined;
  const total = counted ? ticks.total! : (snapshot.total ?? 0);
  const more = !counted && snapshot.more;
  return useMemo(() => {
    const count = ticks.type === 'rows' ? ticks.ids.size : Math.max(0, total - ticks.except.size);
    return {
      query,
      total,
      more,
      ticks,
      count,
      all: ticks.type === 'all' && ticks.except.size === 0,
      isTicked: (id: number) => (ticks.type === 'rows' ? ticks.ids.has(id) : !ticks.except.has(id)),
      tick,
      tickRange,
      tickAll,
      forget,
      clear,
      problem,
    };
  }, [query, total, more, ticks, problem, tick, tickRange, tickAll, forget, clear]);
}
