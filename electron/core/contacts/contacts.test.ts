import { describe, expect, it } from 'vitest';
import type { Contact, ContactPage } from '../../../shared/schemas/contact';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

async function ok<T>(promise: Promise<{ ok: true; data: unknown } | { ok: false; error: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.data as T;
}

describe('contacts', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('creates, reads, updates and deletes a contact, stamping times from the clock', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const created = await ok<Contact>(
      core.dispatch('contacts.create', { name: '  Anna Berg ', email: 'anna@example.com', company: 'Berg AB' }),
    );
    expect(created).toMatchObject({
      name: 'Anna Berg',
      email: 'anna@example.com',
      phone: '',
      company: 'Berg AB',
      notes: '',
    });
    expect(created.createdAt).toBe('2026-03-01T09:00:00.000Z');

    clock.advance(60_000);
    const updated = await ok<Contact>(
      core.dispatch('contacts.update', {
        id: created.id,
        version: created.version,
        name: 'Anna Lind',
        email: '',
        phone: '070 123',
        company: '',
        notes: 'Married',
      }),
    );
    expect(updated).toMatchObject({ id: created.id, name: 'Anna Lind', email: '', phone: '070 123', notes: 'Married' });
    expect(updated.createdAt).toBe('2026-03-01T09:00:00.000Z');
    expect(updated.updatedAt).toBe('2026-03-01T09:01:00.000Z');
    expect(await ok<Contact>(core.dispatch('contacts.get', { id: created.id }))).toEqual(updated);

    const deleted = await ok<{ id: number; trashId: number }>(core.dispatch('contacts.delete', { id: created.id }));
    expect(deleted.id).toBe(created.id);
    expect(deleted.trashId).toBeGreaterThan(0);
    expect(await core.dispatch('contacts.get', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('answers NOT_FOUND in words for a contact that is gone, and changes nothing', async () => {
    const core = await openCore(tempDir());
    for (const [channel, input] of [
      ['contacts.get', { id: 999 }],
      ['contacts.update', { id: 999, version: 1, name: 'Ghost' }],
      ['contacts.delete', { id: 999 }],
    ] as const) {
      const result = await core.dispatch(channel, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(result.ok ? '' : result.error.message).toMatch(/no longer exists/);
    }
    expect(core.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
  });

  it('keeps saved contacts across a close and reopen of the same directory', async () => {
    const dataDir = tempDir();
    const first = await openCore(dataDir);
    for (const name of ['Anna', 'Bertil', 'Cecilia']) await ok(first.dispatch('contacts.create', { name }));
    await first.close();
    const again = await openCore(dataDir);
    const page = await ok<ContactPage>(again.dispatch('contacts.list', {}));
    expect(page.rows.map((row) => row.name)).toEqual(['Anna', 'Bertil', 'Cecilia']);
  });

  describe('listing', () => {
    async function seeded() {
      const core = await openCore(tempDir(), { clock: fixedClock() });
      const people = [
        { name: 'José Álvarez', email: 'jose@alvarez.es', company: 'Álvarez SL', phone: '+34 91 000' },
        { name: 'anna berg', email: 'anna@berg.se', company: '' },
        { name: 'Zoë Smith', email: '', company: 'Acme' },
        { name: 'Bob Stone', email: 'bob@stone.com', company: 'Stone & Co' },
        { name: 'Smithers', email: 'smithers@plant.com', company: 'Acme' },
      ];
      for (const person of people) await ok(core.dispatch('contacts.create', person));
      return core;
    }
    const names = (page: ContactPage) => page.rows.map((row) => row.name);

    it('sorts by name ignoring case, either way, with the total', async () => {
      const core = await seeded();
      const ascending = await ok<ContactPage>(core.dispatch('contacts.list', { sort: 'name' }));
      expect(names(ascending)).toEqual(['anna berg', 'Bob Stone', 'José Álvarez', 'Smithers', 'Zoë Smith']);
      expect(ascending.total).toBe(5);
      const descending = await ok<ContactPage>(core.dispatch('contacts.list', { sort: 'name', direction: 'desc' }));
      expect(names(descending)).toEqual([...names(ascending)].reverse());
    });

    it('puts blank companies and emails last whichever way they are sorted', async () => {
      const core = await seeded();
      const byCompany = await ok<ContactPage>(core.dispatch('contacts.list', { sort: 'company' }));
      expect(byCompany.rows.at(-1)?.name).toBe('anna berg');
      const byCompanyDesc = await ok<ContactPage>(
        core.dispatch('contacts.list', { sort: 'company', direction: 'desc' }),
      );
      expect(byCompanyDesc.rows.at(-1)?.name).toBe('anna berg');
      expect(names(byCompanyDesc).slice(0, -1)).toEqual(names(byCompany).slice(0, -1).reverse());
      const byEmail = await ok<ContactPage>(core.dispatch('contacts.list', { sort: 'email' }));
      expect(byEmail.rows.at(-1)?.name).toBe('Zoë Smith');
    });

    it('reads one page at a time', async () => {
      const core = await seeded();
      const second = await ok<ContactPage>(core.dispatch('contacts.list', { offset: 2, limit: 2, sort: 'name' }));
      expect(second).toMatchObject({ total: 5, offset: 2 });
      expect(names(second)).toEqual(['José Álvarez', 'Smithers']);
    });

    it('finds word prefixes in name, email and company, ignoring case and accents', async () => {
      const core = await seeded();
      const search = async (text: string) =>
        names(await ok<ContactPage>(core.dispatch('contacts.list', { search: text })));
      expect(await search('jose')).toEqual(['José Álvarez']);
      expect(await search('ALVA')).toEqual(['José Álvarez']);
      expect(await search('smi')).toEqual(['Smithers', 'Zoë Smith']);
      expect(await search('zoe sm')).toEqual(['Zoë Smith']);
      expect(await search('acme')).toEqual(['Smithers', 'Zoë Smith']);
      expect(await search('bob@stone')).toEqual(['Bob Stone']);
      expect(await search('nobody')).toEqual([]);
      const counted = await ok<ContactPage>(core.dispatch('contacts.list', { search: 'smi' }));
      expect(counted.total).toBe(2);
    });

    it('treats search syntax a user types as plain text, never as an error', async () => {
      const core = await seeded();
      for (const typed of [
        '"',
        '"smi',
        'smi*',
        'NEAR(',
        'NEAR(smi bob)',
        '-smi',
        'smi OR bob',
        'AND',
        '(',
        ')',
        '*',
        ':',
        '^smi',
        'x'.repeat(200),
        "O'Brien",
      ]) {
        const result = await core.dispatch('contacts.list', { search: typed });
        expect({ typed, ok: result.ok }).toEqual({ typed, ok: true });
      }
      const quoted = await ok<ContactPage>(core.dispatch('contacts.list', { search: '"smi' }));
      expect(names(quoted)).toEqual(['Smithers', 'Zoë Smith']);
    });
  });
});
