import type { RecordKind } from '../../../shared/schemas/record';
import { toPrefixQuery } from '../contacts/search-query';
import type { Db } from '../db/open';
import { detailSql, documentSources, idBase, kindBase } from './documents';
import { IndexWords } from './index-words';

/** While a list searches, its count stops here ("1,000+"), as the palette's stops at 100. */
export const listCountCap = 1_000;

/**
 * Walking one row of a list's index and testing it in JavaScript costs about
 * as much as reading this many matches from the search index, fetching and
 * sorting them (measured at 100,000 contacts: tests/bench/rows/search.ts).
 */
const walkedRowCost = 2.5;

/** How a search narrows one read of a list: a WHERE term with its parameters. */
export interface SearchTerm {
  where: string;
  params: Record<string, unknown>;
  /** The term tests rows as the list's own index walks them (no sort); otherwise the matches come from the search index and are sorted. */
  walks: boolean;
}

/** A page's search: how its rows are read, and the matches the search index counted (up to the cap, and one more). */
export interface PageSearch {
  term: SearchTerm;
  counted: number;
  /** Rows a walk may test before reading the matches is cheaper after all (matches cluster in the list's order: "jame" among names). */
  walkBudget: number;
}

/** Thrown by matches_search in a walk that has tested all the rows it was given. */
class WalkTooLong extends Error {}

/** matches_search on one connection, and the rows the walk under way may still test. */
interface Matcher {
  remaining: number;
}

const matchers = new WeakMap<Db, Matcher>();

/**
 * `matches_search(typed, title, detail, body)` on this connection: 1 when the
 * row's document holds every word typed as the search index reads it
 * (index-words.ts), without asking the index.
 */
function matcherOf(db: Db): Matcher {
  const known = matchers.get(db);
  if (known) return known;
  const matcher: Matcher = { remaining: Infinity };
  const words = new IndexWords();
  let last = { typed: '', phrases: words.phrases('') };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  db.function('matches_search', { deterministic: true }, (typed: unknown, title: unknown, detail: unknown, body: unknown) => {
    if ((matcher.remaining -= 1) < 0) throw new WalkTooLong();
    if (typeof typed !== 'string') return 0;
    if (typed !== last.typed) last = { typed, phrases: words.phrases(typed) };
    return words.matches(last.phrases, [text(title), text(detail), text(body)]) ? 1 : 0;
  });
  matchers.set(db, matcher);
  return matcher;
}

/**
 * A list's search, read the cheaper of two ways for each page.
 *
 * Few matches: read them from the search index (FTS5), fetch and sort them:
 * cost grows with the matches (one letter typed: half of 100,000 contacts,
 * 30 ms; at 1,000,000, 300 ms). Many matches: walk the list's own sort
 * index and test each row in JavaScript until the page is full: cost grows
 * with rows walked, page end ÷ share of rows that match (a tenth match: 1,000
 * rows for the first page). The newest matches, read from the index as the
 * palette reads them, give the count up to the cap and the share that matches.
 */
export function listSearch(db: Db, kind: RecordKind, alias: string) {
  const matcher = matcherOf(db);
  const source = documentSources.find((candidate) => candidate.kind === kind)!;
  const low = kindBase[kind];
  const high = idBase(kind);
  // CAST: FTS5 only uses an INTEGER rowid bound, and a bound JS number is a REAL (see documents.ts).
  const inKindOf = (rowid: string) => `${rowid} > CAST(@searchBase AS INTEGER) AND ${rowid} < CAST(@searchEnd AS INTEGER)`;
  const inKind = inKindOf('rowid');
  const newest = db.prepare<[{ searchMatch: string; searchBase: number; searchEnd: number; limit: number }], number>(
    `SELECT rowid FROM search_fts WHERE search_fts MATCH @searchMatch AND ${inKind} ORDER BY rowid LIMIT @limit`,
  ).pluck();
  const matchCount = db.prepare<[{ searchMatch: string; searchBase: number; searchEnd: number }], number>(
    `SELECT count(*) FROM search_fts WHERE search_fts MATCH @searchMatch AND ${inKind}`,
  ).pluck();
  const newestId = db.prepare<[], number | null>(`SELECT max(id) FROM ${source.table}`).pluck();

  const nothing: SearchTerm = { where: '0', params: {}, walks: false };
  /** The matches read from the search index. */
  const read = (typed: string): SearchTerm => {
    const searchMatch = toPrefixQuery(typed);
    if (searchMatch === '') return nothing;
    return { where: `${alias}.id IN (SELECT @searchEnd - rowid FROM search_fts WHERE search_fts MATCH @searchMatch AND ${inKind})`, params: { searchMatch, searchBase: low, searchEnd: high }, walks: false };
  };
  /** Each row tested as the list's index walks it. */
  const walk = (typed: string): SearchTerm => ({
    where: `matches_search(@searchText, ${alias}.${source.title}, ${detailSql(source, alias)}, ${alias}.${source.body}) = 1`,
    params: { searchText: typed },
    walks: true,
  });

  /**
   * How many rows a walk may test before reading the matches (share × rows,
   * each worth walkedRowCost rows) would have been cheaper, or 0 when a walk
   * is not expected to fill the page by then (reach ÷ share rows). The share
   * matching is the sample's matches over the ids they span (ids count up as
   * records are made), the newest ones: a guess, hence the budget.
   */
  function walkBudget(sample: readonly number[], reach: number): number {
    const span = sample[sample.length - 1]! - sample[0]! + 1;
    const share = sample.length / span;
    const budget = (share * (newestId.get() ?? 0)) / walkedRowCost;
    return reach / share < budget ? Math.ceil(budget) : 0;
  }

  return {
    read,
    walk,
    /**
     * The search for a page ending `reach` rows into the list, and its
     * matches counted up to `countCap` + 1 (null: typed, but with nothing to
     * look for, so nothing matches).
     */
    forPage(typed: string, reach: number, countCap: number): PageSearch | null {
      const searchMatch = toPrefixQuery(typed);
      if (searchMatch === '') return null;
      const sample = newest.all({ searchMatch, searchBase: low, searchEnd: high, limit: countCap + 1 });
      const budget = sample.length > countCap ? walkBudget(sample, reach) : 0;
      return { term: budget > 0 ? walk(typed) : read(typed), counted: sample.length, walkBudget: budget };
    },
    /** What `walk` returns, or null when it tested more than `budget` rows on the way. */
    within<T>(budget: number, walk: () => T): T | null {
      matcher.remaining = budget;
      try {
        return walk();
      } catch (error) {
        if (error instanceof WalkTooLong) return null;
        throw error;
      } finally {
        matcher.remaining = Infinity;
      }
    },
    /** Every match, counted by the search index alone (the list's other conditions must be none). */
    count(typed: string): number {
      const searchMatch = toPrefixQuery(typed);
      return searchMatch === '' ? 0 : matchCount.get({ searchMatch, searchBase: low, searchEnd: high })!;
    },
    /** Up to `limit` matches that also meet the list's other conditions, the newest first: the search index drives. */
    countedSql: (table: string, where: string) =>
      `SELECT count(*) FROM (SELECT 1 FROM search_fts CROSS JOIN ${table} ${alias} ON ${alias}.id = @searchEnd - search_fts.rowid
        WHERE search_fts MATCH @searchMatch AND ${inKindOf('search_fts.rowid')} AND ${where} LIMIT @countLimit)`,
  };
}

export type ListSearch = ReturnType<typeof listSearch>;
