import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

describe('tags', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('are created, renamed and deleted, each name once ignoring case', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP', color: 'red' });
    expect(vip).toEqual({ id: vip.id, name: 'VIP', color: 'red', counts: { contact: 0, company: 0, deal: 0 } });
    expect(await failure(core, 'tags.create', { name: 'vip' })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'name' }] },
    });
    expect(await call(core, 'tags.update', { id: vip.id, name: 'Key account' })).toMatchObject({
      name: 'Key account',
      color: 'red',
    });
    const anna = await call(core, 'contacts.create', { name: 'Anna', tagIds: [vip.id] });
    expect(anna.tagIds).toEqual([vip.id]);
    expect((await call(core, 'tags.list', {})).tags).toEqual([
      expect.objectContaining({ name: 'Key account', counts: { contact: 1, company: 0, deal: 0 } }),
    ]);
    await call(core, 'tags.delete', { id: vip.id });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({ tagIds: [] });
    expect(await failure(core, 'tags.delete', { id: vip.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('go on and off contacts, companies and deals, and every list filters by any or all of them', async () => {
    const core = await openCore(tempDir());
    const [vip, hot, cold] = [
      await call(core, 'tags.create', { name: 'VIP' }),
      await call(core, 'tags.create', { name: 'Hot' }),
      await call(core, 'tags.create', { name: 'Cold' }),
    ];
    const anna = await call(core, 'contacts.create', { name: 'Anna', tagIds: [vip.id, hot.id] });
    await call(core, 'contacts.create', { name: 'Bob', tagIds: [vip.id] });
    await call(core, 'contacts.create', { name: 'Carl', tagIds: [hot.id] });
    await call(core, 'contacts.create', { name: 'Dina' });
    const names = async (tagIds: number[], tagMatch: 'any' | 'all') =>
      (await call(core, 'contacts.list', { tagIds, tagMatch })).rows.map((row) => row.name);
    expect(await names([vip.id, hot.id], 'any')).toEqual(['Anna', 'Bob', 'Carl']);
    expect(await names([vip.id, hot.id], 'all')).toEqual(['Anna']);
    expect(await names([cold.id], 'any')).toEqual([]);
    expect((await call(core, 'contacts.list', { tagIds: [vip.id, hot.id], tagMatch: 'all' })).total).toBe(1);

    const acme = await call(core, 'companies.create', { name: 'Acme' });
    expect(await call(core, 'tags.link', { record: { kind: 'company', id: acme.id }, tagId: hot.id })).toEqual({
      record: { kind: 'company', id: acme.id },
      tagIds: [hot.id],
    });
    expect((await call(core, 'companies.list', { tagIds: [hot.id] })).rows.map((row) => row.name)).toEqual(['Acme']);
    const deal = await call(core, 'deals.create', { title: 'Deal', tagIds: [cold.id] });
    expect((await call(core, 'deals.list', { tagIds: [cold.id] })).rows.map((row) => row.id)).toEqual([deal.id]);
    const board = await call(core, 'deals.board', { tagIds: [vip.id] });
    expect(board.columns.every((column) => column.count === 0)).toBe(true);

    await call(core, 'tags.unlink', { record: { kind: 'contact', id: anna.id }, tagId: vip.id });
    expect(await names([vip.id], 'any')).toEqual(['Bob']);
    expect(await failure(core, 'tags.link', { record: { kind: 'contact', id: anna.id }, tagId: 999 })).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Tags given on create are part of the new record; later ones are history.
    expect(count(core, "SELECT count(*) FROM record_history WHERE action IN ('tagged', 'untagged')")).toBe(2);
  });

  it('a saved view that filtered by a deleted tag keeps its filter and says which tag is missing', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const view = await call(core, 'views.create', {
      kind: 'contact',
      name: 'VIPs',
      query: { tagIds: [vip.id], sort: 'company' },
    });
    await call(core, 'tags.delete', { id: vip.id });
    const [kept] = (await call(core, 'views.list', { kind: 'contact' })).views;
    expect(kept).toMatchObject({
      id: view.id,
      query: { tagIds: [vip.id], sort: 'company' },
      problems: [{ message: 'This view filters by the tag “VIP”, which was deleted.' }],
    });
  });
});
