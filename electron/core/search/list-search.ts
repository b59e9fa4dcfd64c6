import type { RecordKind } from '../../../shared/schemas/record';
import { toPrefixQuery } from './prefix-query';
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
/** A row a watched sift walks past: the sift's own cost and a call counting it (sift_step below). */
const watchedSiftRowCost = 0.3;
/**
 * A read this cheap (about 10 ms) is read, not tried as a watched sift first:
 * a sift that gives up would double it. At 100,000 contacts every read a
 * sift could beat is this cheap ("mich": 4 ms read, 13 ms sift then read).
 */
const quickReadCost = 40_000;
/** A match of the search index a run read's two index reads pass (the run's own, then the others'). */
const runIndexMatchCost = 0.4;
/** A run read is for a word most of whose matches begin a name (below half, the others cost a read of their own). */
const runShare = 0.5;

/**
 * How a search narrows one read of a list: a WHERE term with its parameters,
 * and which of the four reads it makes (below). A run read is two reads
 * whose first rows the list's reader joins (records/list-query.ts): `where`
 * holds for the rows filed under the word typed, `others` for the rest.
 */
export interface SearchTerm {
  where: string;
  params: Record<string, unknown>;
  how: 'read' | 'sift' | 'walk' | 'run';
  others?: string;
}

/** A sift and a text walk walk the list's own sort index (no sort); a read sorts the matches, as a run read's join does. */
export const walksIndex = (term: SearchTerm): boolean => term.how === 'sift' || term.how === 'walk';

/**
 * A page's search: the read to try, and the read to fall back on when it
 * runs too long: a text walk that finds the matches fewer than expected
 * (they cluster in the list's order: "jame" among names sorted by first
 * name) gives way to a sift, a sift that walks past too many rows to a read.
 * `counted`: the matches the search index counted, up to the cap and one more.
 */
export interface PageSearch {
  term: SearchTerm;
  /** What to read when this read gives up (only a read with patience does). */
  fallback: PageSearch | null;
  /** For a text walk or a watched sift: the rows it may pass, and what the walk expects (see Patience). */
  patience: Patience;
  counted: number;
}

/**
 * How long a watched walk goes on: at most `rows` rows; and a text walk,
 * once past the rows it `expected` to need (at the `share` of rows
 * matching), only while finding the `needed` matches at the rate it finds
 * them would cost less than its fallback (`fallbackCost`, in cost units).
 */
export interface Patience {
  rows: number;
  expected: number;
  share: number;
  needed: number;
  fallbackCost: number;
}

/** Thrown by matches_search or sift_step in a walk that went on too long. */
class WalkTooLong extends Error {}

/** The walk under way on a connection: what it may pass, and what it passed and found so far. */
interface WalkWatch extends Patience {
  tested: number;
  found: number;
}

/** The patience of a read that is not watched. */
const unhurried: Patience = { rows: 0, expected: 0, share: 0, needed: 0, fallbackCost: 0 };

const unwatched = (): WalkWatch => ({
  rows: Infinity,
  expected: Infinity,
  share: 0,
  needed: 0,
  fallbackCost: Infinity,
  tested: 0,
  found: 0,
});

/**
 * A text walk past the rows it expected gives up when the rest of it,
 * at the rate it finds matches so far, would cost more than its fallback.
 * (At 1,000,000 contacts a sift of "j" builds a set of 256,000 matches; the
 * walk that finds its matches at a quarter of the rate guessed is still the
 * cheaper read. "jame", its matches clustered later in the order, still
 * gives up after a few thousand rows.)
 */
function walkedTooLong(watch: WalkWatch): boolean {
  if (watch.tested > watch.rows) return true;
  if (watch.tested <= watch.expected) return false;
  const rate = (watch.found + 1) / watch.tested;
  return ((watch.needed - watch.found) / rate) * testedRowCost > watch.fallbackCost;
}
const watches = new WeakMap<Db, { watch: WalkWatch }>();
/** How the index reads text, learned once per thread: every list's walks and run reads ask the same one. */
const words = new IndexWords();

/**
 * `matches_search(typed, title, detail, body)` on this connection: 1 when the
 * row's document holds every word typed as the search index reads it
 * (index-words.ts), without asking the index. A watched walk gives up as
 * walkedTooLong says.
 */
function watchOf(db: Db): { watch: WalkWatch } {
  const known = watches.get(db);
  if (known) return known;
  const state = { watch: unwatched() };
  let last = { typed: '', phrases: words.phrases('') };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  db.function('matches_search', (typed: unknown, title: unknown, detail: unknown, body: unknown) => {
    const watch = state.watch;
    watch.tested += 1;
    if (walkedTooLong(watch)) throw new WalkTooLong();
    if (typeof typed !== 'string') return 0;
    if (typed !== last.typed) last = { typed, phrases: words.phrases(typed) };
    const matches = words.matches(last.phrases, [text(title), text(detail), text(body)]);
    if (matches) watch.found += 1;
    return matches ? 1 : 0;
  });
  // `sift_step(id)`: counts the rows a watched sift walks past (the id ties it to the list's own loop) and gives up past its budget.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- better-sqlite3 takes the SQL function's arity from this parameter
  db.function('sift_step', (_id: unknown) => {
    const watch = state.watch;
    watch.tested += 1;
    if (watch.tested > watch.rows) throw new WalkTooLong();
    return 1;
  });
  watches.set(db, state);
  return state;
}

/** What a list's search needs to know of the list: `titleKey`, the phone-book key of its title (records/sort-key.ts), for its run reads. */
export interface ListSearchOptions {
  titleKey?: string;
  /** The cost under which a read is not tried as a watched sift (tests lower it). */
  quickRead?: number;
}

/**
 * A list's search, read one of four ways per page, whichever costs least.
 *
 * - Read: few matches come from the search index (FTS5) and are fetched
 *   and sorted. Cost: matches × 7.
 * - Sift: the matches' ids go in a set and the list's own sort index is
 *   walked, each entry checked against it (no row fetched until it matches).
 *   Cost: matches × 1 + rows walked × 0.2. Matches can cluster anywhere in
 *   the list's order, so a sift could walk every row; where a read costs
 *   less than that, the sift is watched (each row counted: × 0.3) and gives
 *   way to the read past the rows the read would cost; a quick read is
 *   read. (At 1,000,000 contacts "berg" matches 26,000: read, 70 ms; sift,
 *   10 ms.)
 * - Text walk: the list's own sort index is walked and each row fetched and
 *   tested in JavaScript, until the page is full. Cost: rows walked × 6;
 *   cheapest when most rows match (one letter typed), and tried then, with a
 *   budget: matches that cluster later in the order make it give way to a sift.
 * - Run read, for a list in its title's phone-book order and one word typed
 *   (letters a–z): most matches of a first name ("jam": 66,600 of 67,500 at
 *   1,000,000 contacts) are names that begin with the word, all filed in one
 *   run of the list's index (sort-key.ts makes it so), which matches cluster
 *   in, defeating the other reads' guesses. The run is walked and each row
 *   tested, as a text walk does; the other matches, few, are read from the
 *   search index (its `^`: a title's first word) and sorted; the page is the
 *   first rows of the two. Cost: matches × 0.4 + others × 7 + the page × 6.
 *
 * The newest matches, read from the index as the palette reads them, give
 * the count up to the cap, the share of rows that match and the share that
 * begin a name.
 */
export function listSearch(
  db: Db,
  kind: RecordKind,
  alias: string,
  { titleKey, quickRead = quickReadCost }: ListSearchOptions = {},
) {
  const watching = watchOf(db);
  const source = documentSources.find((candidate) => candidate.kind === kind)!;
  const low = kindBase[kind];
  const high = idBase(kind);
  // CAST: FTS5 only uses an INTEGER rowid bound, and a bound JS number is a REAL (see newest-matches.ts).
  const inKindOf = (rowid: string) =>
    `${rowid} > CAST(@searchBase AS INTEGER) AND ${rowid} < CAST(@searchEnd AS INTEGER)`;
  const matchIdsOf = (param: string) =>
    `SELECT @searchEnd - rowid FROM search_fts WHERE search_fts MATCH @${param} AND ${inKindOf('rowid')}`;
  const matchIds = matchIdsOf('searchMatch');
  const newest = newestMatches(db);
  // How many of a sample's matches (rowids first..last) also match a narrower query.
  const matchesBetween = db
    .prepare<[{ match: string; first: number; last: number }], number>(
      'SELECT count(*) FROM search_fts WHERE search_fts MATCH @match AND rowid >= CAST(@first AS INTEGER) AND rowid <= CAST(@last AS INTEGER)',
    )
    .pluck();
  const matchCount = db
    .prepare<[{ searchMatch: string; searchBase: number; searchEnd: number }], number>(
      `SELECT count(*) FROM (${matchIds})`,
    )
    .pluck();
  const newestId = db.prepare<[], number | null>(`SELECT max(id) FROM ${source.table}`).pluck();

  const matching = (typed: string, how: 'read' | 'sift', watched = false): SearchTerm => {
    const searchMatch = toPrefixQuery(typed);
    // "+": in a sift the set of matches must not drive the read, the list's index must.
    if (searchMatch === '') return { where: '0', params: {}, how };
    // A watched sift counts every entry it walks past, before the set is asked.
    const counted = watched ? `sift_step(${alias}.id) AND ` : '';
    return {
      where: `${counted}${how === 'sift' ? '+' : ''}${alias}.id IN (${matchIds})`,
      params: { searchMatch, searchBase: low, searchEnd: high },
      how,
    };
  };
  /** The matches read from the search index (then sorted). */
  const read = (typed: string): SearchTerm => matching(typed, 'read');
  /** The list's index walked, each entry looked up in the set of matches. */
  const sift = (typed: string): SearchTerm => matching(typed, 'sift');
  /** A sift that counts the rows it walks past, so that it can give up (within). */
  const watchedSift = (typed: string): SearchTerm => matching(typed, 'sift', true);
  const tested = `matches_search(@searchText, ${alias}.${source.title}, ${detailSql(source, alias)}, ${alias}.${source.body}) = 1`;
  /** The list's index walked, each row tested in JavaScript. */
  const walk = (typed: string): SearchTerm => ({ where: tested, params: { searchText: typed }, how: 'walk' });

  /**
   * The one word typed as the index reads it ("Jam", "jam-" and "🚀 jam" are
   * "jam"), when a run read can read it: letters a–z only, whose phone-book
   * key is the word itself.
   */
  function runWord(typed: string): string | null {
    const { phrases } = words.phrases(typed);
    const [word] = phrases;
    return phrases.length === 1 && word !== undefined && /^[a-z]+$/.test(word) ? word : null;
  }
  /** The index's queries for the matches whose title's first word starts with `word`, and for the others. */
  const runQueries = (word: string) => ({
    first: `title : ^ "${word}"*`,
    others: `"${word}"* NOT title : ^ "${word}"*`,
  });
  /**
   * The run of the list's index filed under `word` (every key that starts
   * with it), walked and tested; and the other matches, outside the run.
   */
  function run(typed: string, word: string, key: string): SearchTerm {
    const inRun = `${key} >= @runLow AND ${key} < @runHigh`;
    const runHigh = word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) + 1);
    return {
      where: `${inRun} AND ${tested}`,
      others: `${alias}.id IN (${matchIdsOf('runOthers')}) AND NOT (${inRun})`,
      params: {
        searchText: typed,
        runLow: word,
        runHigh,
        runOthers: runQueries(word).others,
        searchBase: low,
        searchEnd: high,
      },
      how: 'run',
    };
  }

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

  /**
   * The read, sift or text walk for a page ending `reach` rows into the list,
   * of a search with more matches than the sample of the newest holds.
   */
  function plannedPage(typed: string, reach: number, sample: readonly number[]): PageSearch {
    const counted = sample.length;
    const { share, matches, rows } = guess(sample);
    const walked = reach / share;
    const reading = matches * readMatchCost;
    const only = (term: SearchTerm): PageSearch => ({ term, fallback: null, patience: unhurried, counted });
    // Matches can cluster anywhere in the list's order, so a sift may walk every row. Where a read costs less
    // than that, the sift is watched and gives way to the read past the rows the read would cost.
    let sifted: PageSearch;
    let sifting: number;
    if (matches + rows * siftedRowCost <= reading) {
      sifted = only(sift(typed));
      sifting = matches + walked * siftedRowCost;
    } else if (reading <= quickRead || matches + walked * watchedSiftRowCost >= reading) {
      // As cheap as any sift could be: no text walk first either ("thom" at 100,000: a walk that gave up doubled it).
      return only(read(typed));
    } else {
      const budget = Math.ceil((reading - matches) / watchedSiftRowCost);
      sifted = {
        term: watchedSift(typed),
        fallback: only(read(typed)),
        patience: { ...unhurried, rows: budget },
        counted,
      };
      sifting = matches + walked * watchedSiftRowCost;
    }
    if (walked * testedRowCost >= sifting) return sifted;
    return {
      term: walk(typed),
      fallback: sifted,
      patience: {
        rows: Math.ceil(sifting / testedRowCost),
        expected: walked,
        share,
        needed: reach,
        fallbackCost: sifting,
      },
      counted,
    };
  }

  return {
    read,
    sift,
    watchedSift,
    walk,
    /** The run read of what was typed, when the list and the word allow one (null: they do not). */
    run(typed: string): SearchTerm | null {
      const word = runWord(typed);
      return word === null || titleKey === undefined ? null : run(typed, word, titleKey);
    },
    /**
     * The reads for a page ending `reach` rows into the list, and its matches
     * counted up to `countCap` + 1 (null: typed, but with nothing to look
     * for, so nothing matches).
     */
    forPage(typed: string, reach: number, countCap: number, sortedByTitle = false): PageSearch | null {
      const searchMatch = toPrefixQuery(typed);
      if (searchMatch === '') return null;
      const sample = newest.all({ match: searchMatch, low, high, limit: countCap + 1 });
      if (sample.length <= countCap)
        return { term: read(typed), fallback: null, patience: unhurried, counted: sample.length };
      const planned = plannedPage(typed, reach, sample);
      const word = sortedByTitle && titleKey ? runWord(typed) : null;
      if (word === null || titleKey === undefined) return planned;
      // The share of the sample whose title begins with the word: the rest are read by the run read's second read.
      const beginning =
        matchesBetween.get({ match: runQueries(word).first, first: sample[0]!, last: sample[sample.length - 1]! })! /
        sample.length;
      const { matches, share } = guess(sample);
      const running = matches * runIndexMatchCost + matches * (1 - beginning) * readMatchCost + reach * testedRowCost;
      // Before the run, a walk or a sift finds only the others ("j" at 100,000: so many that a walk is cheaper).
      const walkedToOthers = reach / (share * (1 - beginning));
      const cheapest = Math.min(
        matches * readMatchCost,
        walkedToOthers * testedRowCost,
        matches + walkedToOthers * siftedRowCost,
      );
      if (beginning < runShare || running >= cheapest) return planned;
      // A run that tests many rows that do not match (keys that fold to the word, names the index reads otherwise) gives way.
      const rows = Math.ceil(Math.max(running, quickRead) / testedRowCost);
      return {
        term: run(typed, word, titleKey),
        fallback: planned,
        patience: { ...unhurried, rows, expected: rows },
        counted: sample.length,
      };
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
