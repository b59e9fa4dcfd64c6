import type { Statement } from 'better-sqlite3';
import type { RecordKind } from '../../../shared/schemas/record';
import { isBlankSearch } from '../../../shared/search-words';
import { toPrefixQuery } from '../contacts/search-query';
import type { Db } from '../db/open';
import { idBase, kindBase } from '../search/documents';

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
}

/** WHERE conditions with their named parameters. */
export interface Conditions {
  where: string[];
  params: Record<string, unknown>;
}

export const noConditions = (): Conditions => ({ where: [], params: {} });

export function orderBy(terms: readonly string[], tieBreaker: string, direction: Direction): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return [...terms, tieBreaker].map((term) => (term.endsWith('IS NULL') ? `${term} ASC` : `${term} ${dir}`)).join(', ');
}

/**
 * Records of `kind` whose search document matches what the user typed (FTS
 * syntax is only ever text). Blank: no condition. Typed but with nothing to
 * look for ("%", "*", "🚀"): no record, never every record.
 */
export function searchCondition(kind: RecordKind, alias: string, typed: string, into: Conditions): void {
  if (isBlankSearch(typed)) return;
  const match = toPrefixQuery(typed);
  if (match === '') {
    into.where.push('0');
    return;
  }
  // CAST: FTS5 only uses an INTEGER rowid bound, and a bound JS number is a REAL (see search/repo.ts).
  into.where.push(
    `${alias}.id IN (SELECT @searchEnd - rowid FROM search_fts WHERE search_fts MATCH @searchMatch AND rowid > CAST(@searchBase AS INTEGER) AND rowid < CAST(@searchEnd AS INTEGER))`,
  );
  into.params.searchMatch = match;
  into.params.searchBase = kindBase[kind];
  into.params.searchEnd = idBase(kind);
}

/**
 * True only while every number in the JSON list `param` is a row of `table`.
 * A filter naming a deleted tag or stage no longer means what it said, so it
 * matches nothing rather than whatever its other parts happen to match
 * (a saved view says why: views/problems.ts).
 */
export const everyIdExists = (param: string, table: string): string => `NOT EXISTS (SELECT 1 FROM json_each(@${param}) WHERE value NOT IN (SELECT id FROM ${table}))`;

/** Records carrying any (or all) of the tags; none when one of the tags was deleted. */
export function tagCondition(alias: string, table: string, column: string, tagIds: readonly number[], match: 'any' | 'all', into: Conditions): void {
  const ids = [...new Set(tagIds)];
  if (ids.length === 0) return;
  const linked = `SELECT ${column} FROM ${table} WHERE tag_id IN (SELECT value FROM json_each(@tagIds))`;
  into.where.push(everyIdExists('tagIds', 'tags'));
  into.where.push(match === 'any' || ids.length === 1 ? `${alias}.id IN (${linked})` : `${alias}.id IN (${linked} GROUP BY ${column} HAVING count(*) = @tagCount)`);
  into.params.tagIds = JSON.stringify(ids);
  into.params.tagCount = ids.length;
}

/**
 * Pages of one list. Statements are prepared once per distinct SQL text; a
 * page is the rows (LIMIT/OFFSET over an index walk) and the total.
 *
 * Blanks sort last either way. Ascending, the index (x IS NULL, x, id) is
 * read forwards; descending, it cannot be read backwards (blanks would come
 * first), so the filled rows are read backwards from their part of the index
 * and the blank rows after them from theirs: two index walks, never a sort.
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
  const { alias } = source;
  // A count needs no joins: every condition is on the main table.
  const table = source.from.trim().split(/\s+/)[0];
  const whereOf = (conditions: Conditions, extra: readonly string[] = []) => [`${alias}.deleted_at IS NULL`, ...conditions.where, ...extra].join(' AND ');
  const selectSql = (columns: string, where: string, terms: readonly string[], direction: Direction) =>
    `SELECT ${columns} FROM ${source.from} WHERE ${where} ORDER BY ${orderBy(terms, `${alias}.id`, direction)} LIMIT @limit OFFSET @offset`;
  const idColumn = `${alias}.id AS id`;

  /** The statements one page may run: one, or for a descending sort on a column with blanks, filled rows then blank rows. */
  function plan(columns: string, sort: Sort, direction: Direction, conditions: Conditions): Array<{ sql: string; blanks: boolean }> {
    const terms = source.order[sort];
    const nullable = direction === 'desc' && terms[0]?.endsWith(' IS NULL') ? terms[0] : undefined;
    if (!nullable) return [{ sql: selectSql(columns, whereOf(conditions), terms, direction), blanks: false }];
    const rest = terms.slice(1);
    return [
      { sql: selectSql(columns, whereOf(conditions, [`(${nullable}) = 0`]), rest, direction), blanks: false },
      { sql: selectSql(columns, whereOf(conditions, [`(${nullable}) = 1`]), rest, direction), blanks: true },
    ];
  }

  function count(conditions: Conditions, extra: readonly string[] = []): number {
    // Unfiltered: every row less those in the trash. SQLite counts a whole table without reading it,
    // and the trash is a small index; a scan of 100,000 index entries would cost 2 ms a page.
    if (conditions.where.length === 0 && extra.length === 0) {
      return prepared(`SELECT (SELECT count(*) FROM ${table}) - (SELECT count(*) FROM ${table} WHERE trash_id IS NOT NULL) AS n`).pluck().get() as number;
    }
    return (prepared(`SELECT count(*) AS n FROM ${table} ${alias} WHERE ${whereOf(conditions, extra)}`).get(conditions.params) as { n: number }).n;
  }

  /** Rows offset..offset+limit-1 of the list in its order, as `columns`. */
  function rowsOf<R>(columns: string, request: { offset: number; limit: number; sort: Sort; direction: Direction }, conditions: Conditions): R[] {
    const [filled, blanks] = plan(columns, request.sort, request.direction, conditions);
    const read = (sql: string, limit: number, offset: number) => prepared(sql).all({ ...conditions.params, limit, offset }) as R[];
    const rows = read(filled!.sql, request.limit, request.offset);
    if (blanks && rows.length < request.limit) {
      const nullable = source.order[request.sort][0]!;
      const filledCount = rows.length > 0 || request.offset === 0 ? request.offset + rows.length : count(conditions, [`(${nullable}) = 0`]);
      rows.push(...read(blanks.sql, request.limit - rows.length, Math.max(0, request.offset - filledCount)));
    }
    return rows;
  }

  return {
    page(request: { offset: number; limit: number; sort: Sort; direction: Direction }, conditions: Conditions): { rows: Row[]; total: number } {
      return { rows: rowsOf<Row>(source.columns, request, conditions), total: count(conditions) };
    },
    /** The ids of the rows a page would hold, by the same index walks: a selection's range. */
    ids(request: { offset: number; limit: number; sort: Sort; direction: Direction }, conditions: Conditions): number[] {
      return rowsOf<{ id: number }>(idColumn, request, conditions).map((row) => row.id);
    },
    /** Every id the conditions match, in no particular order: a select-all. */
    matchingIds(conditions: Conditions): number[] {
      return (prepared(`SELECT ${idColumn} FROM ${table} ${alias} WHERE ${whereOf(conditions)}`).all(conditions.params) as Array<{ id: number }>).map((row) => row.id);
    },
    /** Rows of one query shape, for lists that walk their own way (the deals list by stage). */
    select(conditions: Conditions, terms: readonly string[], direction: Direction, limit: number, offset: number): Row[] {
      return prepared(selectSql(source.columns, whereOf(conditions), terms, direction)).all({ ...conditions.params, limit, offset }) as Row[];
    },
    /** The ids `select` would give. */
    selectIds(conditions: Conditions, terms: readonly string[], direction: Direction, limit: number, offset: number): number[] {
      return (prepared(selectSql(idColumn, whereOf(conditions), terms, direction)).all({ ...conditions.params, limit, offset }) as Array<{ id: number }>).map((row) => row.id);
    },
    /** Matching rows per value of a column of the main table. */
    countBy(column: string, conditions: Conditions): Map<number, number> {
      const rows = prepared(`SELECT ${alias}.${column} AS value, count(*) AS n FROM ${table} ${alias} WHERE ${whereOf(conditions)} GROUP BY ${alias}.${column}`).all(conditions.params) as Array<{ value: number; n: number }>;
      return new Map(rows.map((row) => [row.value, row.n]));
    },
    /** The SQL a page runs, for EXPLAIN QUERY PLAN in tests. */
    pageSql(sort: Sort, direction: Direction, conditions: Conditions = noConditions()): string[] {
      return plan(source.columns, sort, direction, conditions).map((step) => step.sql);
    },
  };
}
