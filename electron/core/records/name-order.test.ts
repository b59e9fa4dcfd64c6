import { describe, expect, it } from 'vitest';
import { call, update } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { IndexWords } from '../search/index-words';
import { sortKey } from './sort-key';

/** The order a phone book gives these names (the list is given to the app shuffled). */
const phoneBook = [
  '2 Pac',
  '10 Downing',
  'Adam',
  'Æsa',
  'Agent 7',
  'Agent 10',
  'Ana María',
  'Ana-María',
  'Ángel',
  'ángel',
  'Anna',
  'Åsa',
  'Bertil',
  'Bob Smith',
  '“Bob” Smith',
  'Çelik',
  'Đorđe',
  'Dorothy',
  'élodie',
  'Émile',
  'Ilgaz',
  'ılgaz',
  'İpek',
  'Łukasz',
  'Mc Donald',
  'McDonald',
  'Müller',
  'Ødegaard',
  'Ödön',
  'Œuvre',
  'Rocket',
  '🚀 Rocket',
  'Søren',
  'Strasse',
  'Straße',
  "'t Hooft",
  'Thomas',
  'Þór',
  'Zed',
  'Zoë',
  'Zoë 🎉 Party',
  'Zoë Party',
  'Ελένη',
  'Борис Годунов',
  'محمد علي',
  '山田 太郎',
];

/**
 * Where the phone book and Intl.Collator('en', base, numeric) differ, and why:
 * a name is filed under its first letter or digit (the collator sorts quotes,
 * brackets and emoji before every digit and letter); þ is "th" and ı is "i"
 * (the collator puts each after z and after i as letters of their own).
 */
const unlikeTheCollator = new Set(['“Bob” Smith', '🚀 Rocket', "'t Hooft", 'Þór', 'ılgaz']);

/** SQLite compares text byte by byte (UTF-8), which is code point order; JavaScript's < compares UTF-16 units. */
const bytewise = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A fixed shuffle, so insertion order (the id) never happens to be the sorted order. */
const shuffled = (names: readonly string[]) =>
  names
    .map((name, index) => ({ name, at: (index * 17) % names.length }))
    .sort((a, b) => a.at - b.at)
    .map(({ name }) => name);

async function namesOf(
  core: Core,
  kind: 'contacts' | 'companies',
  direction: 'asc' | 'desc',
  sort: 'name' | 'company' = 'name',
): Promise<string[]> {
  const page =
    kind === 'contacts'
      ? await call(core, 'contacts.list', { sort, direction, limit: 500 })
      : await call(core, 'companies.list', { sort: 'name', direction, limit: 500 });
  return page.rows.map((row) => (sort === 'company' && 'company' in row ? row.company : row.name));
}

describe('names sort as in a phone book', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('the phone book is Intl.Collator’s order, tie broken by the exact name, but for the differences it explains', () => {
    const byCollator = [...phoneBook].sort((a, b) => collator.compare(a, b) || bytewise(a, b));
    expect(phoneBook.filter((name) => !unlikeTheCollator.has(name))).toEqual(
      byCollator.filter((name) => !unlikeTheCollator.has(name)),
    );
    expect([...phoneBook].sort((a, b) => bytewise(sortKey(a), sortKey(b)) || bytewise(a, b))).toEqual(phoneBook);
  });

  it('sort keys fold case, accents and letters of their own, read numbers by value, and file a name under its first letter or digit', () => {
    expect(
      [
        'Ángel',
        'ÅSA',
        'Ødegaard',
        'Straße',
        'ẞTRASSE',
        'Æsa',
        'Œuvre',
        'Łukasz',
        'Đorđe',
        'Þór',
        'İpek',
        'ılgaz',
        'ﬁona',
        'Ｆｕｌｌ',
      ].map(sortKey),
    ).toEqual([
      'angel',
      'asa',
      'odegaard',
      'strasse',
      'sstrasse',
      'aesa',
      'oeuvre',
      'lukasz',
      'dorde',
      'thor',
      'ipek',
      'ilgaz',
      'fiona',
      'full',
    ]);
    expect(bytewise(sortKey('Item 2'), sortKey('Item 10'))).toBeLessThan(0);
    expect(sortKey('Agent 007')).toBe(sortKey('Agent 7'));
    expect(['“Bob” Smith', '  (Bob) Smith', '🚀🚀 Bob Smith'].map(sortKey)).toEqual([
      'bob! smith',
      'bob! smith',
      'bob smith',
    ]);
    expect(['🚀', '???', ''].map(sortKey)).toEqual(['', '', '']);
  });

  it('a name whose first word, as the search index reads it, starts with letters a–z is filed under them, whatever comes before or within it', () => {
    // A list's run read (search/list-search.ts) finds such names only under those letters. Every character up to
    // plane 3 and the tags, but one in 64 of the large blocks of one kind (CJK, Hangul, private use).
    const uniform = [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
      [0xe000, 0xf8ff],
      [0x20000, 0x3ffff],
    ];
    const words = new IndexWords();
    const misfiled: string[] = [];
    for (let codePoint = 0; codePoint <= 0xe01ef; codePoint++) {
      if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || (codePoint > 0x3ffff && codePoint < 0xe0000)) continue;
      if (codePoint % 64 !== 0 && uniform.some(([from, to]) => codePoint >= from! && codePoint <= to!)) continue;
      const character = String.fromCodePoint(codePoint);
      for (const name of [`${character}am Smith`, `${character} Jam Smith`, `J${character}am`]) {
        const letters = /^[a-z]*/.exec(words.words(name).trim())![0];
        if (!sortKey(name).startsWith(letters)) misfiled.push(`U+${codePoint.toString(16)} ${JSON.stringify(name)}`);
      }
    }
    expect(misfiled).toEqual([]);
    expect(['™ James', '\u0903James', 'ⓙam', '℡ Jam'].map(sortKey)).toEqual(['james', 'james', 'am', 'jam']);
  });

  it('contacts and companies come back from their lists in phone-book order, either way', async () => {
    const core = await openCore(tempDir());
    for (const name of shuffled(phoneBook)) {
      await call(core, 'contacts.create', { name });
      await call(core, 'companies.create', { name });
    }
    expect(await namesOf(core, 'contacts', 'asc')).toEqual(phoneBook);
    expect(await namesOf(core, 'contacts', 'desc')).toEqual([...phoneBook].reverse());
    expect(await namesOf(core, 'companies', 'asc')).toEqual(phoneBook);
    expect(await namesOf(core, 'companies', 'desc')).toEqual([...phoneBook].reverse());
    // A picker asks the same lists with a search: the matches keep the order.
    expect(
      (await call(core, 'contacts.list', { search: 'an', sort: 'name', limit: 10 })).rows.map((row) => row.name),
    ).toEqual(['Ana María', 'Ana-María', 'Ángel', 'ángel', 'Anna']);
  });

  it('the contact list’s Company column sorts the same way, blanks last either way', async () => {
    const core = await openCore(tempDir());
    for (const company of shuffled(phoneBook))
      await call(core, 'contacts.create', { name: `Someone at ${company}`, company });
    await call(core, 'contacts.create', { name: 'Nobody’s employee' });
    expect(await namesOf(core, 'contacts', 'asc', 'company')).toEqual([...phoneBook, '']);
    expect(await namesOf(core, 'contacts', 'desc', 'company')).toEqual([...[...phoneBook].reverse(), '']);
  });

  it('every write keeps the keys: create, update, bulk edits, a company renamed or merged, the trash and back', async () => {
    const core = await openCore(tempDir());
    const adam = await call(core, 'contacts.create', { name: 'Adam' });
    const zed = await call(core, 'contacts.create', { name: 'Zed' });
    const bertil = await call(core, 'contacts.create', { name: 'Bertil' });
    expect(await namesOf(core, 'contacts', 'asc')).toEqual(['Adam', 'Bertil', 'Zed']);

    await update(core, 'contacts.update', { id: zed.id, name: 'Ángela' });
    expect(await namesOf(core, 'contacts', 'asc')).toEqual(['Adam', 'Ángela', 'Bertil']);

    // The Company column, through a bulk edit of the company text and a company record linked, renamed and merged.
    const zulu = await call(core, 'companies.create', { name: 'Zulu' });
    const omega = await call(core, 'companies.create', { name: 'Omega' });
    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: [adam.id],
      action: { type: 'set', field: 'company', value: 'Éclair' },
    });
    await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: [bertil.id],
      action: { type: 'set', field: 'companyId', value: zulu.id },
    });
    await update(core, 'contacts.update', { id: zed.id, name: 'Ángela', companyId: omega.id });
    expect(await namesOf(core, 'contacts', 'asc', 'company')).toEqual(['Éclair', 'Omega', 'Zulu']);
    await update(core, 'companies.update', { id: zulu.id, name: 'Ábaco' });
    expect(await namesOf(core, 'contacts', 'asc', 'company')).toEqual(['Ábaco', 'Éclair', 'Omega']);
    await call(core, 'duplicates.merge', { kind: 'company', keepId: zulu.id, mergeId: omega.id });
    expect(await namesOf(core, 'contacts', 'asc', 'company')).toEqual(['Ábaco', 'Ábaco', 'Éclair']);
    const sortColumns = core.db.prepare('SELECT name_sort AS name, company_sort AS company FROM contacts WHERE id = ?');
    expect(sortColumns.get(zed.id)).toEqual({ name: 'angela', company: 'abaco' });

    const { trashId } = await call(core, 'contacts.delete', { id: bertil.id });
    expect(await namesOf(core, 'contacts', 'asc')).toEqual(['Adam', 'Ángela']);
    await call(core, 'trash.restore', { trashId });
    expect(await namesOf(core, 'contacts', 'asc')).toEqual(['Adam', 'Ángela', 'Bertil']);
    expect(core.db.prepare('SELECT count(*) FROM contacts WHERE name_sort IS NULL').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM companies WHERE name_sort IS NULL').pluck().get()).toBe(0);
  });

  it('duplicate groups of the same name come in phone-book order too', async () => {
    const core = await openCore(tempDir());
    for (const name of ['Agent 10', 'Agent 7', 'Agent 10', 'Agent 7', 'Émile', 'emile'])
      await call(core, 'contacts.create', { name });
    const page = await call(core, 'duplicates.find', { kind: 'contact' });
    expect(page.groups.filter((group) => group.reason === 'name').map((group) => group.records[0]!.name)).toEqual([
      'Agent 7',
      'Agent 10',
      'Émile',
    ]);
  });
});
