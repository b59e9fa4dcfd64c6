import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure, update, fromCurrent } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { anyNumber, stringMatching } from '../../../tests/support/matchers';

describe('companies', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('creates, reads, updates and lists a company, checking its fields', async () => {
    const core = await openCore(tempDir(), { clock: fixedClock('2026-03-01T09:00:00.000Z') });
    const acme = await call(core, 'companies.create', {
      name: ' Acme Ltd ',
      website: 'https://acme.example/about',
      phone: '+44 20 1234 5678',
      address: '1 High St',
      industry: 'Engineering',
    });
    expect(acme).toMatchObject({
      name: 'Acme Ltd',
      website: 'https://acme.example/about',
      notes: '',
      contactCount: 0,
      dealCount: 0,
      tagIds: [],
      custom: {},
    });
    const renamed = await update(core, 'companies.update', { id: acme.id, notes: 'Big client' });
    expect(renamed).toMatchObject({ name: 'Acme Ltd', industry: 'Engineering', notes: 'Big client' });
    expect(await failure(core, 'companies.create', { name: '  ', website: 'not a site' })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'name' }, { field: 'website' }] },
    });
    const page = await call(core, 'companies.list', { sort: 'name' });
    expect(page).toMatchObject({ total: 1, rows: [{ id: acme.id, name: 'Acme Ltd', industry: 'Engineering' }] });
    expect(await failure(core, 'companies.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('contacts belong to a company, and the free-text company keeps working', () => {
    it('keeps the text of a contact saved with a company name and no companyId, linking it only to the one company of that name', async () => {
      const core = await openCore(tempDir());
      const typed = await call(core, 'contacts.create', { name: 'Anna', company: 'Nowhere Inc' });
      expect(typed).toMatchObject({ company: 'Nowhere Inc', companyId: null });
      const acme = await call(core, 'companies.create', { name: 'Acme' });
      const linked = await call(core, 'contacts.create', { name: 'Bob', company: 'ACME' });
      expect(linked).toMatchObject({ company: 'ACME', companyId: acme.id });
      await call(core, 'companies.create', { name: 'Twin' });
      await call(core, 'companies.create', { name: 'twin' });
      expect(await call(core, 'contacts.create', { name: 'Carl', company: 'Twin' })).toMatchObject({
        company: 'Twin',
        companyId: null,
      });
    });

    it('an update from the existing contact form (no companyId) keeps the link while the text names the company, and drops it when it does not', async () => {
      const core = await openCore(tempDir());
      const acme = await call(core, 'companies.create', { name: 'Acme' });
      const anna = await call(core, 'contacts.create', { name: 'Anna', companyId: acme.id });
      expect(anna).toMatchObject({ company: 'Acme', companyId: acme.id });
      const form = { id: anna.id, name: 'Anna', email: 'anna@acme.example', phone: '', company: 'Acme', notes: '' };
      expect(await update(core, 'contacts.update', form)).toMatchObject({
        email: 'anna@acme.example',
        companyId: acme.id,
      });
      expect(await update(core, 'contacts.update', { ...form, company: 'Other Co' })).toMatchObject({
        company: 'Other Co',
        companyId: null,
      });
      expect(await update(core, 'contacts.update', { ...form, company: 'Other Co', companyId: acme.id })).toMatchObject(
        { company: 'Acme', companyId: acme.id },
      );
      expect(await update(core, 'contacts.update', { ...form, companyId: null })).toMatchObject({
        company: 'Acme',
        companyId: null,
      });
      expect(
        await failure(core, 'contacts.update', fromCurrent(core, 'contacts.update', { ...form, companyId: 999 })),
      ).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ field: 'companyId' }] } });
    });

    it('renaming a company renames it on its people, who show in its page and list', async () => {
      const core = await openCore(tempDir());
      const acme = await call(core, 'companies.create', { name: 'Acme' });
      const anna = await call(core, 'contacts.create', { name: 'Anna', companyId: acme.id });
      await call(core, 'contacts.create', { name: 'Bob', companyId: acme.id });
      await call(core, 'contacts.create', { name: 'Carl' });
      await update(core, 'companies.update', { id: acme.id, name: 'Acme Group' });
      expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
        company: 'Acme Group',
        companyId: acme.id,
      });
      const people = await call(core, 'contacts.list', { companyId: acme.id });
      expect(people.rows.map((row) => row.name)).toEqual(['Anna', 'Bob']);
      expect(await call(core, 'companies.get', { id: acme.id })).toMatchObject({ contactCount: 2 });
      expect(await call(core, 'contacts.list', { search: 'group' })).toMatchObject({ total: 2 });
    });
  });

  describe('deleting a company with people asks what to do', () => {
    async function withPeople() {
      const core = await openCore(tempDir());
      const acme = await call(core, 'companies.create', { name: 'Acme' });
      const anna = await call(core, 'contacts.create', { name: 'Anna', companyId: acme.id });
      const bob = await call(core, 'contacts.create', { name: 'Bob', companyId: acme.id });
      const deal = await call(core, 'deals.create', { title: 'Acme deal', companyId: acme.id });
      return { core, acme, anna, bob, deal };
    }

    it('refuses without a choice, with a VALIDATION error on `contacts`, and changes nothing', async () => {
      const { core, acme } = await withPeople();
      const error = await failure(core, 'companies.delete', { id: acme.id });
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'contacts', message: stringMatching(/2 contacts.*detach.*trash/) }] },
      });
      expect(await call(core, 'companies.get', { id: acme.id })).toMatchObject({ contactCount: 2 });
      expect(count(core, 'SELECT count(*) FROM trash')).toBe(0);
    });

    it('a company without people needs no choice', async () => {
      const core = await openCore(tempDir());
      const empty = await call(core, 'companies.create', { name: 'Empty' });
      expect(await call(core, 'companies.delete', { id: empty.id })).toEqual({
        id: empty.id,
        trashId: anyNumber(),
      });
    });

    it('detach: the people stay, without the company; a restore links them again', async () => {
      const { core, acme, anna, bob, deal } = await withPeople();
      const { trashId } = await call(core, 'companies.delete', { id: acme.id, contacts: 'detach' });
      expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({ companyId: null, company: 'Acme' });
      expect((await call(core, 'contacts.list', {})).total).toBe(2);
      expect((await call(core, 'companies.list', {})).total).toBe(0);
      // The deal keeps pointing at the company in the trash, but shows no company.
      expect(await call(core, 'deals.get', { id: deal.id })).toMatchObject({ companyId: acme.id, companyName: '' });
      expect(danglingKeys(core)).toEqual([]);

      await call(core, 'trash.restore', { trashId });
      expect(await call(core, 'companies.get', { id: acme.id })).toMatchObject({ contactCount: 2, dealCount: 1 });
      expect(await call(core, 'contacts.get', { id: bob.id })).toMatchObject({ companyId: acme.id });
    });

    it('trash: the people go to the trash with it, still pointing at it, and come back with it', async () => {
      const { core, acme, anna } = await withPeople();
      const { trashId } = await call(core, 'companies.delete', { id: acme.id, contacts: 'trash' });
      expect((await call(core, 'contacts.list', {})).total).toBe(0);
      expect(count(core, 'SELECT count(*) FROM contacts WHERE company_id = ? AND trash_id = ?', acme.id, trashId)).toBe(
        2,
      );
      expect(await call(core, 'trash.list', {})).toMatchObject({
        total: 1,
        rows: [{ kind: 'company', label: 'Acme', counts: { company: 1, contact: 2 } }],
      });
      await call(core, 'trash.restore', { trashId });
      expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({ companyId: acme.id });
      expect(danglingKeys(core)).toEqual([]);
    });
  });
});
