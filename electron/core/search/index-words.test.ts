import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/bench/random';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { toPrefixQuery } from './prefix-query';
import { IndexWords, searchTokenizer } from './index-words';

// Letters, accents (precomposed and combining), letters unicode61 folds its own way (Ø, ł, ı, İ, ß, ſ, ǅ, µ),
// other scripts, digits, separators of every kind (€, ’, –, @, emoji, zero-width space) and ligatures.
const pieces = [
  'anna',
  'Anna',
  'ANNA',
  'an',
  'berg',
  'Bergström',
  'josé',
  'JOSÉ',
  'jose\u0301',
  'Ørsted',
  'øre',
  'Łódź',
  'lodz',
  'ılık',
  'İstanbul',
  'istanbul',
  'straße',
  'strasse',
  'ſun',
  'ǅemal',
  'µs',
  'μs',
  'Ǿ',
  'Ǡa',
  'Дмитрий',
  'дми',
  'Ἀθῆναι',
  '東京',
  '東',
  'ﬁsh',
  'fish',
  'Ａｎｎａ',
  '42',
  '4 2',
  'o',
  "o'brien",
  'O’Brien',
  'jean-luc',
  'x@y.com',
  '+1 555',
  '€5',
  '5€',
  '🚀',
  'a\u200bb',
  '\u0301',
  '_',
  'co-op',
  'Ĳssel',
  'ĳ',
  'ǉ',
  'Ǉ',
  'ﬀ',
  'ff',
  'ℌ',
  'ⓐ',
  'ǀ',
  '²',
  '2',
];
const separators = [' ', '  ', '-', '.', ', ', '\n', '’', '/', '·', '\u00a0', ''];

function text(random: ReturnType<typeof seededRandom>, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += random.pick(pieces) + random.pick(separators);
  return out;
}

/** What a user might type for a document: a word or two of it, cut short, or a piece from elsewhere. */
function typed(random: ReturnType<typeof seededRandom>, document: string): string {
  const words = document.split(/[\s.,/·\u00a0]+/u).filter(Boolean);
  const one = () => {
    const word = random.chance(0.8) && words.length > 0 ? random.pick(words) : random.pick(pieces);
    return [...word].slice(0, random.int(1, Math.max(1, [...word].length))).join('');
  };
  return random.chance(0.3) ? `${one()} ${one()}` : one();
}

describe('words as the search index reads them', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('agree with the index on every document and search: case, accents, scripts, separators, phrases, prefixes', () => {
    const index = new Database(':memory:');
    index.exec(
      `CREATE VIRTUAL TABLE docs USING fts5(title, detail, body, content = '', tokenize = '${searchTokenizer}', prefix = '1 2 3 4')`,
    );
    const random = seededRandom(7);
    const documents = Array.from(
      { length: 400 },
      () =>
        [
          text(random, random.int(1, 4)),
          random.chance(0.2) ? null : text(random, random.int(0, 5)),
          text(random, random.int(0, 3)),
        ] as const,
    );
    const insert = index.prepare('INSERT INTO docs (rowid, title, detail, body) VALUES (?, ?, ?, ?)');
    documents.forEach((columns, i) => insert.run(i + 1, ...columns));
    const indexFinds = index
      .prepare<[string], number>('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid')
      .pluck();

    const words = new IndexWords();
    const searches = new Set<string>();
    for (let i = 0; i < 600; i++) searches.add(typed(random, random.pick(documents).join(' ')));
    let compared = 0;
    let withHits = 0;
    for (const search of searches) {
      const match = toPrefixQuery(search);
      if (match === '') continue;
      const phrases = words.phrases(search);
      const found = documents.flatMap((columns, i) => (words.matches(phrases, columns) ? [i + 1] : []));
      expect({ search, found }).toEqual({ search, found: indexFinds.all(match) });
      compared += 1;
      if (found.length > 0) withHits += 1;
    }
    expect(compared).toBeGreaterThan(300);
    expect(withHits).toBeGreaterThan(compared / 2);
    index.close();
  });

  it('a search with nothing the index reads as a word finds nothing, and such a word beside others is left out', () => {
    const words = new IndexWords();
    expect(words.phrases('€ ’').phrases).toEqual([]);
    expect(words.matches(words.phrases('€'), ['anything €'])).toBe(false);
    expect(words.phrases("anna € o'brien").phrases).toEqual(['anna', 'o brien']);
  });

  it('is the tokenizer the search index was made with', async () => {
    const core = await openCore(tempDir());
    const sql = core.db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").pluck().get()!;
    expect(sql).toContain(`tokenize = '${searchTokenizer}'`);
  });
});
