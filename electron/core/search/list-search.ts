import type { RecordKind } from '../../../shared/schemas/record';
import { toPrefixQuery } from '../contacts/search-query';
import type { Db } from '../db/open';
import { detailSql, documentSources, idBase, kindBase } from './documents';
import { IndexWords } from './index-words';
import { newestMatches } from './newest-matches';

/** While a list searches, its count stops here ("1,000+"), as the palette's stops at 100. */
export const listCountCap = 1_000;

/**
 * What reading a search costs, in units of one match put in a sift's set
 * (about 0.25 µs at 100,000 contacts): a row a sift walks past, a row a text
 * walk fetches and tests in JavaScript, and a match a read fetches and sorts
 * (measured at 100,000 contacts; tests/bench/rows/search.ts).
 */
const siftedRowCost = 0.2;
const testedRowCost = 6;
const readMatchCost = 7;

/** How a search narrows one read of a list: a WHERE term with its parameters, and which of the three reads it makes (below). */
export interface SearchTerm {
  where: string;
  params: Record<string, unknown>;
  how: 'read' | 'sift' | 'walk';
}

/** A sift and a text walk walk the list's own sort index (no sort); a read sorts the matches. */
export const walksIndex = (term: SearchTerm): boolean => term.how !== 'read';

/**
 * A page's search: the read to try, and if it is a text walk the read to fall
 * back on when the walk finds the matches fewer than expected (they cluster
 * in the list's order: "jame" among names sorted by first name). `counted`:
 * the matches the search index counted, up to the cap and one more.
 */
export interface PageSearch {
  term: SearchTerm;
  fallback: SearchTerm | null;
  /** For a text walk: the rows it may test, the rows it expects to need, and the share of rows it expects to match. */
  patience: Patience;
  counted: number;
}

export interface Patience {
  rows: number;
  expected: number;
  share: number;
}

/** Thrown by matches_search in a walk that found too few matches for the rows it tested. */
class WalkTooLong extends Error {}

/** The text walk under way on a connection: what it may test, and what it found so far. */
interface WalkWatch extends Patience {
  tested: number;
  found: number;
}

const unwatched = (): WalkWatch => ({ rows: Infinity, expected: Infinity, share: 0, tested: 0, found: 0 });
const watches = new WeakMap<Db, { watch: WalkWatch }>();

/**
 * `matches_search(typed, title, detail, body)` on this connection: 1 when the
 * row's document holds every word typed as the search index reads it
 * (index-words.ts), without asking the index. A watched walk gives up past
 * its budget, or once it has tested twice the rows it expected to need and
 * found under a quarter of the matches it expected there.
 */
function watchOf(db: Db): { watch: WalkWatch } {
  const known = watches.get(db);
  if (known) return known;
  const state = { watch: unwatched() };
  const words = new IndexWords();
  let last = { typed: '', phrases: words.phrases('') };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  db.function('matches_search', (typed: unknown, title: unknown, detail: unknown, body: unknown) => {
    const watch = state.watch;
    watch.tested += 1;
    if (watch.tested > watch.rows || (watch.tested > 2 * watch.expected && watch.found < (watch.tested * watch.share) / 4)) throw new WalkTooLong();
    if (typeof typed !== 'string') return 0;
    if (typed !== last.typed) last = { typed, phrases: words.phrases(typed) };
    const matches = words.matches(last.phrases, [text(title), text(detail), text(body)]);
    if (matches) watch.found += 1;
    return matches ? 1 : 0;
  });
  watches.set(db, state);
  return state;
}

/**
 * A list's search, read one of three ways per page, whichever costs least.
 *
 * - Read: few matches come from the search index (FTS5) and are fetched
 *   and sorted. Cost: matches × 7.
 * - Sift: the matches' ids go in a set and the list's own sort index is
 *   walked, each entry checked against it (no row fetched until it matches).
 *   Cost: matches × 1 + rows walked × 0.2.
 * - Text walk: the list's own sort index is walked and each row fetched and
 *   tested in JavaScript, until the page is full. Cost: rows walked × 6;
 *   cheapest when most rows match (one letter typed), and tried then, with a
 *   budget: matches that cluster later in the order make it give way to a sift.
 *
 * The newest matches, read from the index as the palette reads them, give
 * the count up to the cap and the share of rows that match.
 */
export function listSearch(db: Db, kind: RecordKind, alias: string) {
  const watching = watchOf(db);
  const source = documentSources.find((candidate) => candidate.kind === kind)!;
  const low = kindBase[kind];
  const high = idBase(kind);
  // CAST: FTS5 only uses an INTEGER rowid bound, and a bound JS number is a REAL (see newest-matches.ts).
  const inKindOf = (rowid: string) => `${rowid} > CAST(@searchBase AS INTEGER) AND ${rowid} < CAST(@searchEnd AS INTEGER)`;
  const matchIds = `SELECT @searchEnd - rowid FROM search_fts WHERE search_fts MATCH @searchMatch AND ${inKindOf('rowid')}`;
  const newest = newestMatches(db);
  const matchCount = db.prepare<[{ searchMatch: string; searchBase: number; searchEnd: number }], number>(`SELECT count(*) FROM (${matchIds})`).pluck();
  const newestId = db.prepare<[], number | null>(`SELECT max(id) FROM ${source.table}`).pluck();

  const matching = (typed: string, how: 'read' | 'sift'): SearchTerm => {
    const searchMatch = toPrefixQuery(typed);
    // "+": in a sift the set of matches must not drive the read, the list's index must.
    if (searchMatch === '') return { where: '0', params: {}, how };
    return { where: `${how === 'sift' ? '+' : ''}${alias}.id IN (${matchIds})`, params: { searchMatch, searchBase: low, searchEnd: high }, how };
  };
  /** The matches read from the search index (then sorted). */
  const read = (typed: string): SearchTerm => matching(typed, 'read');
  /** The list's index walked, each entry looked up in the set of matches. */
  const sift = (typed: string): SearchTerm => matching(typed, 'sift');
  /** The list's index walked, each row tested in JavaScript. */
  const walk = (typed: string): SearchTerm => ({
    where: `matches_search(@searchText, ${alias}.${source.title}, ${detailSql(source, alias)}, ${alias}.${source.body}) = 1`,
    params: { searchText: typed },
    how: 'walk',
  });

  /**
   * The share of rows that match, as the sample of newest matches shows it
   * (its matches over the ids they span; ids count up as records are made),
   * and how many match in all, so guessed.
   */
  function guess(sample: readonly number[]): { share: number; matches: number; rows: number } {
    const share = sample.length / (sample[sample.length - 1]! - sample[0]! + 1);
    const rows = newestId.get() ?? 0;
    return { share, matches: share * rows, rows };
  }

  return {
    read,
    sift,
    walk,
    /**
     * The reads for a page ending `reach` rows into the list, and its matches
     * counted up to `countCap` + 1 (null: typed, but with nothing to look
     * for, so nothing matches).
     */
    forPage(typed: string, reach: number, countCap: number): PageSearch | null {
      const searchMatch = toPrefixQuery(typed);
      if (searchMatch === '') return null;
      const sample = newest.all({ match: searchMatch, low, high, limit: countCap + 1 });
      const none = { rows: 0, expected: 0, share: 0 };
      if (sample.length <= countCap) return { term: read(typed), fallback: null, patience: none, counted: sample.length };
      const { share, matches, rows } = guess(sample);
      // Matches can cluster anywhere in the list's order, so a sift may walk every row: read when that would cost more.
      if (matches * readMatchCost <= matches + rows * siftedRowCost) return { term: read(typed), fallback: null, patience: none, counted: sample.length };
      const walked = reach / share;
      const sifting = matches + walked * siftedRowCost;
      if (walked * testedRowCost >= sifting) return { term: sift(typed), fallback: null, patience: none, counted: sample.length };
      return { term: walk(typed), fallback: sift(typed), patience: { rows: Math.ceil(sifting / testedRowCost), expected: walked, share }, counted: sample.length };
    },
    /** What `walk` returns, or null when the text walk in it gave up (see watchOf). */
    within<T>(patience: Patience, walk: () => T): T | null {
      watching.watch = { ...patience, tested: 0, found: 0 };
      try {
        return walk();
      } catch (error) {
        if (error instanceof WalkTooLong) return null;
        throw error;
      } finally {
        watching.watch = unwatched();
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
