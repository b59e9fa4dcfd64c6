import { describe, expect, it } from 'vitest';
import { call, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

describe('saved views', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('store a named filter and sort per list, checked with that list’s own schema, and apply as a list request', async () => {
    const core = await openCore(tempDir());
    const view = await call(core, 'views.create', { kind: 'deal', name: 'Open by value', query: { status: 'open', sort: 'value', direction: 'desc' } });
    expect(view).toMatchObject({ kind: 'deal', name: 'Open by value', position: 0, query: { status: 'open', sort: 'value', direction: 'desc', search: '', tagIds: [] } });
    await call(core, 'deals.create', { title: 'Small', valueMinor: 1 });
    await call(core, 'deals.create', { title: 'Large', valueMinor: 100 });
    const page = await call(core, 'deals.list', { ...(view.query as object), offset: 0, limit: 50 });
    expect(page.rows.map((row) => row.title)).toEqual(['Large', 'Small']);

    expect(await failure(core, 'views.create', { kind: 'deal', name: 'Bad', query: { sort: 'shoeSize' } })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'query.sort' }] } });
    expect(await failure(core, 'views.create', { kind: 'deal', name: 'open BY value', query: {} })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'name' }] } });
    expect(await failure(core, 'views.create', { kind: 'contact', name: 'Paged', query: { offset: 100 } })).toMatchObject({ code: 'VALIDATION' });
    await call(core, 'views.create', { kind: 'contact', name: 'Open by value', query: {} });

    expect(await call(core, 'views.update', { id: view.id, name: 'Pipeline' })).toMatchObject({ name: 'Pipeline', query: { sort: 'value' } });
    expect((await call(core, 'views.list', { kind: 'deal' })).views.map((saved) => saved.name)).toEqual(['Pipeline']);
    await call(core, 'views.delete', { id: view.id });
    expect((await call(core, 'views.list', { kind: 'deal' })).views).toEqual([]);
  });
});
