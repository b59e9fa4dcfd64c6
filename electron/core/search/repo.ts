import type { RecordKind } from '../../../shared/schemas/record';
import type { SearchGroup, SearchHit } from '../../../shared/schemas/search';
import { toPrefixQuery } from './prefix-query';
import type { Db } from '../db/open';
import { nameKey } from '../duplicates/keys';
import { idOf, kindBase, kindOf, rowidSpan } from './documents';
import { newestMatches } from './newest-matches';

/** Counts stop here ("100+"); a kind with more matches than this makes the search broad. */
export const countCap = 100;

// Column weights for bm25: the name counts most, short fields next, long text least.
const weights = '10.0, 4.0, 1.0';
const allKinds = ['contact', 'company', 'deal', 'activity'] as const;

const activityWords: Record<string, string> = {
  note: 'Note',
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  task: 'Task',
};

function money(valueMinor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(valueMinor / 10 ** digits);
  } catch {
    return `${valueMinor} ${currency}`;
  }
}

/** Words as the index sees them (unicode61, diacritics removed): no case, no accents, split at anything but letters and digits. */
const tokens = (text: string) =>
  nameKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/** The words of a prefix query ('"anna"* "b"*' → anna, b), as tokens. */
const wantedWords = (match: string) => [...match.matchAll(/"([^"]*)"/g)].flatMap((quoted) => tokens(quoted[1]!));

const joined = (...parts: Array<string | null | undefined>) =>
  parts.filter((part) => part !== null && part !== undefined && part !== '').join(' · ');

interface Ranked {
  id: number;
  /** Lower is better: bm25, or for a broad search 0 for a match in the name and 1 for any other. */
  score: number;
}

/**
 * Search across every kind with the one FTS5 index, in two steps.
 *
 * 1. Per kind, the newest 101 matches (a forward read of the kind's rowid
 *    range: cheap even for one letter). This counts up to "100+".
 * 2. When every kind has at most 100 matches, all of them are ranked with
 *    bm25 in one query (bm25 first counts every hit of every word in the
 *    whole index, about 3 ms for a common prefix, so it runs once, not per
 *    kind). When some kind has more (one or two letters typed), bm25 would
 *    cost that per keystroke for little meaning; matches in the name (from
 *    the whole kind, newest first) come first, then the newest of the rest.
 */
export function searchRepo(db: Db) {
  const newest = newestMatches(db);
  const ranked = db.prepare<[{ match: string; limit: number }], { rowid: number; score: number }>(
    `SELECT rowid, bm25(search_fts, ${weights}) AS score FROM search_fts WHERE search_fts MATCH @match ORDER BY rowid LIMIT @limit`,
  );
  const titles: Record<RecordKind, ReturnType<typeof db.prepare<[string], { id: number; title: string }>>> = {
    contact: db.prepare('SELECT id, name AS title FROM contacts WHERE id IN (SELECT value FROM json_each(?))'),
    company: db.prepare('SELECT id, name AS title FROM companies WHERE id IN (SELECT value FROM json_each(?))'),
    deal: db.prepare('SELECT id, title FROM deals WHERE id IN (SELECT value FROM json_each(?))'),
    activity: db.prepare(
      `SELECT id, coalesce(subject, '') AS title FROM activities WHERE id IN (SELECT value FROM json_each(?))`,
    ),
  };
  const describe: Record<
    RecordKind,
    ReturnType<typeof db.prepare<[string], { id: number; title: string; subtitle: string }>>
  > = {
    contact: db.prepare(
      `SELECT id, name AS title, coalesce(email, '') || char(31) || coalesce(company, '') AS subtitle FROM contacts WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    company: db.prepare(
      `SELECT id, name AS title, coalesce(industry, '') || char(31) || coalesce(website, '') AS subtitle FROM companies WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    deal: db.prepare(`
      SELECT d.id, d.title, s.name || char(31) || d.value_minor || char(31) || d.currency || char(31) || coalesce(co.name, '') AS subtitle
      FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id LEFT JOIN companies co ON co.id = d.company_id
      WHERE d.id IN (SELECT value FROM json_each(?))`),
    activity: db.prepare(`
      SELECT a.id, coalesce(a.subject, substr(a.body, 1, 120)) AS title,
             a.kind || char(31) || coalesce(ct.name, co.name, dl.title, '') AS subtitle
      FROM activities a LEFT JOIN contacts ct ON ct.id = a.contact_id LEFT JOIN companies co ON co.id = a.company_id LEFT JOIN deals dl ON dl.id = a.deal_id
      WHERE a.id IN (SELECT value FROM json_each(?))`),
  };

  function subtitleOf(kind: RecordKind, packed: string): string {
    const parts = packed.split('\u001f');
    switch (kind) {
      case 'deal':
        return joined(parts[0], money(Number(parts[1]), parts[2] ?? ''), parts[3]);
      case 'activity':
        return joined(activityWords[parts[0] ?? ''] ?? parts[0], parts[1]);
      default:
        return joined(...parts);
    }
  }

  /**
   * Broad search: records with every typed word at the start of a word of
   * their name first (newest first), then the newest of the rest. The
   * newest matches are checked here; only when fewer than `perKind` of them
   * match by name is the index asked for older name matches.
   */
  function byName(kind: RecordKind, ids: readonly number[], match: string, perKind: number): Ranked[] {
    const words = wantedWords(match);
    const names = new Map(titles[kind].all(JSON.stringify(ids)).map((row) => [row.id, tokens(row.title)]));
    const inName = (id: number) =>
      words.every((word) => names.get(id)?.some((token) => token.startsWith(word)) ?? false);
    let first = ids.filter(inName);
    if (first.length < perKind) {
      const low = kindBase[kind];
      const older = newest
        .all({ match: `{title} : (${match})`, low, high: low + rowidSpan, limit: perKind })
        .map((rowid) => idOf(kind, rowid));
      first = [...new Set([...first, ...older])];
    }
    const named = new Set(first);
    return [
      ...first.map((id) => ({ id, score: 0 })),
      ...ids.filter((id) => !named.has(id)).map((id) => ({ id, score: 1 })),
    ];
  }

  return {
    /** Groups with hits, the group holding the best hit first; FTS syntax in `typed` is only ever text. */
    search(typed: string, perKind: number, kinds: readonly RecordKind[]): SearchGroup[] {
      const match = toPrefixQuery(typed);
      if (match === '') return [];
      const found = new Map<RecordKind, number[]>();
      for (const kind of allKinds) {
        const low = kindBase[kind];
        found.set(
          kind,
          newest.all({ match, low, high: low + rowidSpan, limit: countCap + 1 }).map((rowid) => idOf(kind, rowid)),
        );
      }
      const broad = [...found.values()].some((ids) => ids.length > countCap);
      const scores = new Map<RecordKind, Ranked[]>();
      if (broad) {
        for (const kind of new Set(kinds)) {
          const ids = found.get(kind)!;
          if (ids.length > 0) scores.set(kind, byName(kind, ids, match, perKind));
        }
      } else {
        for (const row of ranked.all({ match, limit: allKinds.length * countCap })) {
          const kind = kindOf(row.rowid);
          if (!kinds.includes(kind)) continue;
          scores.set(kind, [...(scores.get(kind) ?? []), { id: idOf(kind, row.rowid), score: row.score }]);
        }
      }
      const groups: Array<SearchGroup & { best: number }> = [];
      for (const [kind, candidates] of scores) {
        // Best score first; among equals, the newest (candidates arrive newest first, and the sort is stable).
        const best = [...candidates].sort((a, b) => a.score - b.score).slice(0, perKind);
        const named = new Map(
          describe[kind].all(JSON.stringify(best.map((hit) => hit.id))).map((row) => [row.id, row]),
        );
        const hits = best.flatMap((hit): SearchHit[] => {
          const row = named.get(hit.id);
          return row ? [{ kind, id: hit.id, title: row.title, subtitle: subtitleOf(kind, row.subtitle) }] : [];
        });
        const count = found.get(kind)!.length;
        groups.push({ kind, total: Math.min(count, countCap), more: count > countCap, hits, best: best[0]!.score });
      }
      return groups
        .sort((a, b) => a.best - b.best || allKinds.indexOf(a.kind) - allKinds.indexOf(b.kind))
        .map(({ kind, total, more, hits }) => ({ kind, total, more, hits }));
    },
  };
}
