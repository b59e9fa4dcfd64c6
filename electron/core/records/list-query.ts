import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { RecordKind } from '../../../shared/schemas/record';
import { isBlankSearch } from '../../../shared/search-words';
import type { Db } from '../db/open';
import { listCountCap, listSearch, walksIndex, type PageSearch, type SearchTerm } from '../search/list-search';

// What counts and select-alls read back: checked, not assumed.
const Count = z.int().nonnegative();
const Ids = z.array(z.int());

export type Direction = 'asc' | 'desc';

/** One list: its FROM clause, its columns, and the ORDER BY terms that walk one of its indexes. */
export interface ListSource<Sort extends string> {
  kind: RecordKind;
  /** FROM …, with the main table as `alias`. */
  from: string;
  alias: string;
  columns: string;
  /** ORDER BY terms per sort key; a term ending in "IS NULL" stays ascending (blanks last either way). */
  order: Record<Sort, readonly string[]>;
  /** A FROM whose join order walks a sort's indexes in order where `from` would sort (deals by stage: the stages, then each one's cards). */
  walkFrom?: Partial<Record<Sort, string>>;
  /** The sort whose first term is the title's phone-book key (records/sort-key.ts): a search by it may read a run (list-search.ts). */
  titleSort?: Sort;
}

/** WHERE conditions with their named parameters, and what was typed in the list's search box. */
export interface Conditions {
  where: string[];
  params: Record<string, unknown>;
  search?: string;
}

export const noConditions = (): Conditions => ({ where: [], params: {} });

export function orderBy(terms: readonly string[], tieBreaker: string, direction: Direction): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return [...terms, tieBreaker].map((term) => (term.endsWith('IS NULL') ? `${term} ASC` : `${term} ${dir}`)).join(', ');
}

/**
 * Records whose search document holds what the user typed (FTS syntax is
 * only ever text). Blank: no condition. Typed but with nothing to look for
 * ("%", "*", "🚀"): no record, never every record. How each read applies it
 * is the list reader's choice (search/list-search.ts).
 */
export function searchCondition(typed: string, into: Conditions): void {
  if (!isBlankSearch(typed)) into.search = typed;
}

/**
 * True only while every number in the JSON list `param` is a row of `table`.
 * A filter naming a deleted tag or stage no longer means what it said, so it
 * matches nothing rather than whatever its other parts happen to match
 * (a saved view says why: views/problems.ts).
 */
export const everyIdExists = (param: string, table: string): string =>
  `NOT EXISTS (SELECT 1 FROM json_each(@${param}) WHERE value NOT IN (SELECT id FROM ${table}))`;

/** Records carrying any (or all) of the tags; none when one of the tags was deleted. */
export function tagCondition(
  alias: string,
  table: string,
  column: string,
  tagIds: readonly number[],
  match: 'any' | 'all',
  into: Conditions,
): void {
  const ids = [...new Set(tagIds)];
  if (ids.length === 0) return;
  const linked = `SELECT ${column} FROM ${table} WHERE tag_id IN (SELECT value FROM json_each(@tagIds))`;
  into.where.push(everyIdExists('tagIds', 'tags'));
  into.where.push(
    match === 'any' || ids.length === 1
      ? `${alias}.id IN (${linked})`
      : `${alias}.id IN (${linked} GROUP BY ${column} HAVING count(*) = @tagCount)`,
  );
  into.params.tagIds = JSON.stringify(ids);
  into.params.tagCount = ids.length;
}

type PageRequest<Sort extends string> = { offset: number; limit: number; sort: Sort; direction: Direction };

/** A page of a list, and how many rows match: all of them, or while searching up to a cap, `more` saying there are others. */
export interface ListPage<Row> {
  rows: Row[];
  total: number;
  more: boolean;
}

/**
 * Pages of one list. Statements are prepared once per distinct SQL text; a
 * page is the rows (LIMIT/OFFSET over an index walk) and the total.
 *
 * Blanks sort last either way. Ascending, the index (x IS NULL, x, id) is
 * read forwards; descending, it cannot be read backwards (blanks would come
 * first), so the filled rows are read backwards from their part of the index
 * and the blank rows after them from theirs: two index walks, never a sort.
 *
 * A search is read the cheapest of four ways per page (list-search.ts):
 * its matches from the search index, sorted; the list's own index walked,
 * each entry looked up in the set of matches or each row tested; or, in name
 * order, the names that begin with the word typed walked where they are
 * filed, beside the few other matches. Its count
 * stops at 1,000 (or the page's end, if further), read from the search
 * index: exact below, "1,000+" above, and exact on request (count) for a
 * select-all.
 */
export function listReader<Sort extends string, Row>(db: Db, source: ListSource<Sort>) {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const pluckedStatements = new Map<string, Statement>();
  const plucked = (sql: string) => {
    let statement = pluckedStatements.get(sql);
    if (!statement) {
      statement = db.prepare(sql).pluck();
      pluckedStatements.set(sql, statement);
    }
    return statement;
  };
  const { alias } = source;
  // A count needs no joins: every condition is on the main table.
  const table = source.from.trim().split(/\s+/)[0]!;
  const titleKey = source.titleSort === undefined ? undefined : source.order[source.titleSort][0];
  const search = listSearch(db, source.kind, alias, titleKey === undefined ? {} : { titleKey });
  const whereOf = (conditions: Conditions, extra: readonly string[] = []) =>
    [`${alias}.deleted_at IS NULL`, ...conditions.where, ...extra].join(' AND ');
  const selectSql = (from: string, columns: string, where: string, terms: readonly string[], direction: Direction) =>
    `SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${orderBy(terms, `${alias}.id`, direction)} LIMIT @limit OFFSET @offset`;
  const idColumn = `${alias}.id AS id`;
  /** The conditions with a search term in place of the typed search. */
  const narrowed = (conditions: Conditions, term: SearchTerm): Conditions => ({
    where: [...conditions.where, term.where],
    params: { ...conditions.params, ...term.params },
  });

  /** A run read (list-search.ts) as one read: the ids of its two reads' first rows to the page's end, each in the list's order. */
  function joinedRun(term: SearchTerm, request: PageRequest<Sort>, conditions: Conditions): SearchTerm {
    const order = orderBy(source.order[request.sort], `${alias}.id`, request.direction);
    const firstRows = (condition: string) =>
      `SELECT id FROM (SELECT ${alias}.id AS id FROM ${source.from} WHERE ${whereOf(conditions, [condition])} ORDER BY ${order} LIMIT @runReach)`;
    return {
      where: `${alias}.id IN (${firstRows(term.where)} UNION ALL ${firstRows(term.others!)})`,
      params: { ...term.params, runReach: request.offset + request.limit },
      how: 'read',
    };
  }

  /** The statements one page may run: one, or for a descending sort on a column with blanks, filled rows then blank rows. */
  function plan(
    columns: string,
    sort: Sort,
    direction: Direction,
    conditions: Conditions,
    walks: boolean,
  ): Array<{ sql: string; blanks: boolean }> {
    const from = (walks && source.walkFrom?.[sort]) || source.from;
    const terms = source.order[sort];
    const nullable = direction === 'desc' && terms[0]?.endsWith(' IS NULL') ? terms[0] : undefined;
    if (!nullable) return [{ sql: selectSql(from, columns, whereOf(conditions), terms, direction), blanks: false }];
    const rest = terms.slice(1);
    return [
      { sql: selectSql(from, columns, whereOf(conditions, [`(${nullable}) = 0`]), rest, direction), blanks: false },
      { sql: selectSql(from, columns, whereOf(conditions, [`(${nullable}) = 1`]), rest, direction), blanks: true },
    ];
  }

  function count(conditions: Conditions, extra: readonly string[] = []): number {
    // Unfiltered: every row less those in the trash. SQLite counts a whole table without reading it,
    // and the trash is a small index; a scan of 100,000 index entries would cost 2 ms a page.
    if (conditions.where.length === 0 && extra.length === 0) {
      return Count.parse(
        plucked(
          `SELECT (SELECT count(*) FROM ${table}) - (SELECT count(*) FROM ${table} WHERE trash_id IS NOT NULL) AS n`,
        ).get(),
      );
    }
    return Count.parse(
      plucked(`SELECT count(*) AS n FROM ${table} ${alias} WHERE ${whereOf(conditions, extra)}`).get(conditions.params),
    );
  }

  /** Rows offset..offset+limit-1 of the list in its order, as `columns` (any search in the conditions already a term). */
  function rowsOf<R>(columns: string, request: PageRequest<Sort>, conditions: Conditions, walks: boolean): R[] {
    const [filled, blanks] = plan(columns, request.sort, request.direction, conditions, walks);
    const read = (sql: string, limit: number, offset: number) =>
      (columns === idColumn ? plucked(sql) : prepared(sql)).all({ ...conditions.params, limit, offset }) as R[];
    const rows = read(filled!.sql, request.limit, request.offset);
    if (blanks && rows.length < request.limit) {
      const nullable = source.order[request.sort][0]!;
      const filledCount =
        rows.length > 0 || request.offset === 0
          ? request.offset + rows.length
          : count(conditions, [`(${nullable}) = 0`]);
      rows.push(...read(blanks.sql, request.limit - rows.length, Math.max(0, request.offset - filledCount)));
    }
    return rows;
  }

  /**
   * A page's rows with the conditions' search applied the cheapest way (a
   * text walk that finds too little gives way to a sift), and the matches
   * the search index counted, up to `countCap` + 1 (null without a search).
   * Null: a search with nothing to look for, which matches nothing.
   */
  function searchedRows<R>(
    columns: string,
    request: PageRequest<Sort>,
    conditions: Conditions,
    countCap: number,
  ): { rows: R[]; counted: number | null } | null {
    const typed = conditions.search;
    if (typed === undefined) return { rows: rowsOf<R>(columns, request, conditions, true), counted: null };
    const found = search.forPage(typed, request.offset + request.limit, countCap, request.sort === source.titleSort);
    if (!found) return null;
    const read = (term: SearchTerm) => {
      const asRead = term.how === 'run' ? joinedRun(term, request, conditions) : term;
      return rowsOf<R>(columns, request, narrowed(conditions, asRead), walksIndex(asRead));
    };
    let rows: R[] | null = null;
    for (let at: PageSearch | null = found; rows === null && at; at = at.fallback) {
      const { term } = at;
      rows = at.fallback ? search.within(at.patience, () => read(term)) : read(term);
    }
    return { rows: rows!, counted: found.counted };
  }

  return {
    page(request: PageRequest<Sort>, conditions: Conditions): ListPage<Row> {
      const countCap = Math.max(listCountCap, request.offset + request.limit);
      const read = searchedRows<Row>(source.columns, request, conditions, countCap);
      if (!read) return { rows: [], total: 0, more: false };
      if (read.counted === null) return { rows: read.rows, total: count(conditions), more: false };
      // The search index counted the matches; other conditions need the rows too: the matches, newest first, until one past the cap.
      const counted =
        conditions.where.length === 0
          ? read.counted
          : (prepared(search.countedSql(table, whereOf(conditions)))
              .pluck()
              .get({
                ...conditions.params,
                ...search.read(conditions.search!).params,
                countLimit: countCap + 1,
              }) as number);
      return { rows: read.rows, total: Math.min(counted, countCap), more: counted > countCap };
    },
    /** The ids of the rows a page would hold, by the same reads: a selection's range. */
    ids: (request: PageRequest<Sort>, conditions: Conditions): number[] =>
      searchedRows<number>(idColumn, request, conditions, listCountCap)?.rows ?? [],
    /** How many rows the conditions match, exactly (the count a select-all acts on). */
    count(conditions: Conditions): number {
      if (conditions.search === undefined) return count(conditions);
      if (conditions.where.length === 0) return search.count(conditions.search);
      return count(narrowed(conditions, search.read(conditions.search)));
    },
    /** Every id the conditions match, in no particular order: a select-all. */
    matchingIds(conditions: Conditions): number[] {
      const all = conditions.search === undefined ? conditions : narrowed(conditions, search.read(conditions.search));
      return Ids.parse(plucked(`SELECT ${idColumn} FROM ${table} ${alias} WHERE ${whereOf(all)}`).all(all.params));
    },
    /** The SQL a page runs, for EXPLAIN QUERY PLAN in tests: without a search, or with one read each way (list-search.ts). */
    pageSql: (
      sort: Sort,
      direction: Direction,
      conditions: Conditions = noConditions(),
      searched?: 'read' | 'sift' | 'watchedSift' | 'walk' | 'run',
    ): string[] => {
      const typed = searched && search[searched]('x');
      const term =
        typed && typed.how === 'run' ? joinedRun(typed, { sort, direction, offset: 0, limit: 100 }, conditions) : typed;
      return plan(
        source.columns,
        sort,
        direction,
        term ? narrowed(conditions, term) : conditions,
        term ? walksIndex(term) : true,
      ).map((step) => step.sql);
    },
  };
}
