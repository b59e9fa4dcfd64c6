import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { toPrefixQuery } from './prefix-query';

async function seeded(core: Core) {
  const alvarez = await call(core, 'companies.create', { name: 'Álvarez Logística', industry: 'Logistics' });
  const jose = await call(core, 'contacts.create', {
    name: 'José Álvarez',
    email: 'jose@alvarez.es',
    companyId: alvarez.id,
  });
  await call(core, 'contacts.create', { name: 'Josephine Baker', notes: 'Knows José from school' });
  await call(core, 'contacts.create', { name: 'Anna Berg', email: 'anna@berg.se' });
  const deal = await call(core, 'deals.create', {
    title: 'Álvarez warehouse',
    companyId: alvarez.id,
    valueMinor: 1_500_000,
    currency: 'EUR',
  });
  await call(core, 'activities.create', {
    kind: 'call',
    subject: 'Pricing',
    body: 'José wants a discount on the warehouse',
    contactId: jose.id,
  });
  return { alvarez, jose, deal };
}

describe('search across everything', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('finds prefixes ignoring case and accents (jose finds José), grouped by kind, the best group first', async () => {
    const core = await openCore(tempDir());
    const { jose, alvarez, deal } = await seeded(core);
    const { groups } = await call(core, 'search.all', { text: 'jose' });
    expect(groups.map((group) => group.kind)).toEqual(['contact', 'activity']);
    const contacts = groups[0]!;
    // The name match ranks above the match in someone's notes.
    expect(contacts.hits.map((hit) => hit.title)).toEqual(['José Álvarez', 'Josephine Baker']);
    expect(contacts.hits[0]).toEqual({
      kind: 'contact',
      id: jose.id,
      title: 'José Álvarez',
      subtitle: 'jose@alvarez.es · Álvarez Logística',
    });
    expect(groups[1]!.hits[0]).toMatchObject({ kind: 'activity', title: 'Pricing', subtitle: 'Call · José Álvarez' });

    const alva = await call(core, 'search.all', { text: 'ALVA' });
    expect(alva.groups.map((group) => [group.kind, group.total])).toEqual(
      expect.arrayContaining([
        ['company', 1],
        ['deal', 1],
        ['contact', 1],
      ]),
    );
    expect(alva.groups.find((group) => group.kind === 'deal')!.hits[0]).toEqual({
      kind: 'deal',
      id: deal.id,
      title: 'Álvarez warehouse',
      subtitle: 'Lead · €15,000.00 · Álvarez Logística',
    });
    expect(alva.groups.find((group) => group.kind === 'company')!.hits[0]).toMatchObject({
      id: alvarez.id,
      subtitle: 'Logistics',
    });
    expect((await call(core, 'search.all', { text: 'jose ware' })).groups.map((group) => group.kind)).toEqual([
      'activity',
    ]);
    expect((await call(core, 'search.all', { text: 'nobody' })).groups).toEqual([]);
    expect(
      (await call(core, 'search.all', { text: 'jose', kinds: ['activity'] })).groups.map((group) => group.kind),
    ).toEqual(['activity']);
  });

  it('limits hits per kind and counts up to 100 ("100+")', async () => {
    const core = await openCore(tempDir());
    for (let i = 0; i < 130; i++) await call(core, 'companies.create', { name: `Northwind ${i}` });
    for (let i = 0; i < 3; i++) await call(core, 'contacts.create', { name: `Nora ${i}` });
    const { groups } = await call(core, 'search.all', { text: 'nor', perKind: 3 });
    expect(groups.find((group) => group.kind === 'company')).toMatchObject({ total: 100, more: true });
    expect(groups.find((group) => group.kind === 'company')!.hits).toHaveLength(3);
    expect(groups.find((group) => group.kind === 'contact')).toMatchObject({ total: 3, more: false });
  });

  it('with more than 100 matches in a kind (a letter or two typed), names that match come first (however old), then the newest', async () => {
    const core = await openCore(tempDir());
    const early = await call(core, 'contacts.create', { name: 'Tea Lindqvist' });
    for (let i = 0; i < 110; i++)
      await call(core, 'contacts.create', { name: `Person ${i}`, notes: 'Drinks tea every day' });
    const late = await call(core, 'contacts.create', { name: 'Teodor Tea' });
    const [contacts] = (await call(core, 'search.all', { text: 'tea', perKind: 3 })).groups;
    expect(contacts).toMatchObject({ kind: 'contact', total: 100, more: true });
    expect(contacts!.hits.map((hit) => hit.id)).toEqual([late.id, early.id, late.id - 1]);
  });

  it('leaves out what is in the trash, and finds it again after a restore', async () => {
    const core = await openCore(tempDir());
    const { jose } = await seeded(core);
    const { trashId } = await call(core, 'contacts.delete', { id: jose.id });
    const hits = (await call(core, 'search.all', { text: 'jose', kinds: ['contact'] })).groups.flatMap((group) =>
      group.hits.map((hit) => hit.title),
    );
    expect(hits).toEqual(['Josephine Baker']);
    expect((await call(core, 'contacts.list', { search: 'jose' })).rows.map((row) => row.name)).toEqual([
      'Josephine Baker',
    ]);
    await call(core, 'trash.restore', { trashId });
    // Sorted by name as a phone book is (é with e: "jose alvarez" before "josephine").
    expect((await call(core, 'contacts.list', { search: 'jose' })).rows.map((row) => row.name)).toEqual([
      'José Álvarez',
      'Josephine Baker',
    ]);
  });

  it('never throws on search syntax a user types: quotes, *, NEAR(, -, column filters, 10,000 characters', async () => {
    const core = await openCore(tempDir());
    await seeded(core);
    const typed = [
      '"',
      '""',
      '"jose',
      'jose"',
      'jo*',
      '*',
      '**',
      'NEAR(',
      'NEAR(jose anna',
      'NEAR(jose anna, 2)',
      '-jose',
      'jose -anna',
      'jose OR anna',
      'AND',
      'OR',
      'NOT',
      '(',
      ')',
      '(jose',
      'title:jose',
      '{title}: jose',
      '^jose',
      'jose^',
      ':',
      '+',
      '@',
      "O'Brien",
      "'",
      '\\',
      '%',
      '_',
      '\u0000',
      '\u200b',
      '🙂',
      'x'.repeat(10_000),
      'jose '.repeat(2_000),
      '"'.repeat(10_000),
      'a"b"c"d*e(f)g',
      'Ω≈ç√∫',
      'ﬁ',
      'İstanbul',
    ];
    for (const text of typed) {
      const result = await core.dispatch('search.all', { text });
      expect({ text: text.slice(0, 40), ok: result.ok }).toEqual({ text: text.slice(0, 40), ok: true });
      const list = await core.dispatch('contacts.list', { search: text.slice(0, 200) });
      expect({ text: text.slice(0, 40), ok: list.ok }).toEqual({ text: text.slice(0, 40), ok: true });
    }
    expect((await call(core, 'search.all', { text: '"jose' })).groups[0]?.hits[0]?.title).toBe('José Álvarez');
  });

  it('a search with no letters or digits in it finds nothing in any list or in the palette; a blank one is no search at all', async () => {
    const core = await openCore(tempDir());
    await seeded(core);
    const found = async (search: string) => ({
      search,
      contacts: (await call(core, 'contacts.list', { search })).total,
      companies: (await call(core, 'companies.list', { search })).total,
      deals: (await call(core, 'deals.list', { search })).total,
      activities: (await call(core, 'activities.list', { search })).total,
      palette: (await call(core, 'search.all', { text: search })).groups.length,
    });
    for (const search of ['%', '*', '🚀', '""', '%_*', '- * "', '👩‍💻🇸🇪', '\u200b', '…']) {
      expect(await found(search)).toEqual({ search, contacts: 0, companies: 0, deals: 0, activities: 0, palette: 0 });
    }
    for (const search of ['', '  ']) {
      expect(await found(search)).toEqual({ search, contacts: 3, companies: 1, deals: 1, activities: 1, palette: 0 });
    }
    // Symbols beside a word do not stop it being found.
    expect(await found('%jose*')).toMatchObject({ contacts: 2, activities: 1 });
  });

  it('turns typed text into quoted prefix terms, at most 8 words of at most 64 characters', () => {
    expect(toPrefixQuery('jose "alva')).toBe('"jose"* "alva"*');
    expect(toPrefixQuery('NEAR(a b)')).toBe('"NEARa"* "b"*');
    expect(toPrefixQuery('- * "')).toBe('');
    expect(toPrefixQuery('a b c d e f g h i j')).toBe('"a"* "b"* "c"* "d"* "e"* "f"* "g"* "h"*');
    expect(toPrefixQuery('y'.repeat(10_000))).toBe(`"${'y'.repeat(64)}"*`);
  });
});
