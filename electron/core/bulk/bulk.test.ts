import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure, update } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { seedContacts } from '../../../tests/support/seed-contacts';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';

async function deals(core: Core, howMany: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < howMany; i++)
    ids.push((await call(core, 'deals.create', { title: `Deal ${i}`, owner: i % 2 === 0 ? 'Amy' : 'Ben' })).id);
  return ids;
}

describe('bulk edits', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('set one field on many records in one transaction, with history, and undo puts every value back', async () => {
    const core = await openCore(tempDir());
    const ids = await deals(core, 20);
    const { stages } = await call(core, 'stages.list', {});
    const proposal = stages.find((stage) => stage.name === 'Proposal')!.id;
    const result = await call(core, 'bulk.apply', {
      kind: 'deal',
      ids,
      action: { type: 'set', field: 'owner', value: 'Cleo' },
    });
    // The output's schema already holds its shape; the undo's id is used (as a number) below.
    expect(result).toMatchObject({ changed: 20, skipped: 0, keptOptOuts: 0, undo: { type: 'edit' } });
    expect((await call(core, 'deals.list', { owner: 'Cleo' })).total).toBe(20);
    expect(count(core, "SELECT count(*) FROM record_history WHERE field = 'owner'")).toBe(20);
    await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: ids.slice(0, 5),
      action: { type: 'set', field: 'stageId', value: proposal },
    });

    if (result.undo?.type !== 'edit') throw new Error('expected an edit undo');
    expect(await call(core, 'bulk.undo', { undoId: result.undo.undoId })).toEqual({ reverted: 20, skipped: 0 });
    expect((await call(core, 'deals.list', { owner: 'Amy' })).total).toBe(10);
    expect((await call(core, 'deals.list', { owner: 'Ben' })).total).toBe(10);
    expect((await call(core, 'deals.list', { stageIds: [proposal] })).total).toBe(5);
    expect(await failure(core, 'bulk.undo', { undoId: result.undo.undoId })).toMatchObject({ code: 'VALIDATION' });
  });

  it('undo leaves a record that was changed again since as it is now', async () => {
    const core = await openCore(tempDir());
    const [first, second] = await deals(core, 2);
    const result = await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: [first!, second!],
      action: { type: 'set', field: 'probability', value: 50 },
    });
    await update(core, 'deals.update', { id: second!, probability: 90 });
    if (result.undo?.type !== 'edit') throw new Error('expected an edit undo');
    expect(await call(core, 'bulk.undo', { undoId: result.undo.undoId })).toEqual({ reverted: 1, skipped: 1 });
    expect((await call(core, 'deals.get', { id: first! })).probability).toBeNull();
    expect((await call(core, 'deals.get', { id: second! })).probability).toBe(90);
  });

  it('adds and removes a tag on many records, undoably, skipping those already as asked', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const ids: number[] = [];
    for (const name of ['Anna', 'Bob', 'Carl'])
      ids.push((await call(core, 'contacts.create', { name, tagIds: name === 'Bob' ? [vip.id] : [] })).id);
    const added = await call(core, 'bulk.apply', { kind: 'contact', ids, action: { type: 'addTag', tagId: vip.id } });
    expect(added).toMatchObject({ changed: 2, skipped: 1 });
    expect((await call(core, 'contacts.list', { tagIds: [vip.id] })).total).toBe(3);
    if (added.undo?.type !== 'edit') throw new Error('expected an edit undo');
    await call(core, 'bulk.undo', { undoId: added.undo.undoId });
    expect((await call(core, 'contacts.list', { tagIds: [vip.id] })).rows.map((row) => row.name)).toEqual(['Bob']);
    const removed = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids,
      action: { type: 'removeTag', tagId: vip.id },
    });
    expect(removed).toMatchObject({ changed: 1, skipped: 2 });
    if (removed.undo?.type !== 'edit') throw new Error('expected an edit undo');
    await call(core, 'bulk.undo', { undoId: removed.undo.undoId });
    expect((await call(core, 'contacts.list', { tagIds: [vip.id] })).rows.map((row) => row.name)).toEqual(['Bob']);
  });

  it('sets a custom field, a contact’s company and a task’s done mark, checking the value as the form does', async () => {
    const core = await openCore(tempDir());
    const tier = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    const anna = await call(core, 'contacts.create', { name: 'Anna', company: 'Free text' });
    const bob = await call(core, 'contacts.create', { name: 'Bob' });
    expect(
      await call(core, 'bulk.apply', {
        kind: 'contact',
        ids: [anna.id, bob.id],
        action: { type: 'set', field: `custom.${tier.id}`, value: 'gold' },
      }),
    ).toMatchObject({ changed: 2 });
    expect((await call(core, 'contacts.get', { id: anna.id })).custom).toEqual({ [tier.id]: 'Gold' });
    expect(
      await failure(core, 'bulk.apply', {
        kind: 'contact',
        ids: [anna.id],
        action: { type: 'set', field: `custom.${tier.id}`, value: 'Bronze' },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'action.value' }] },
    });
    const linked = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: [anna.id, bob.id],
      action: { type: 'set', field: 'companyId', value: acme.id },
    });
    expect((await call(core, 'contacts.list', { companyId: acme.id })).total).toBe(2);
    if (linked.undo?.type !== 'edit') throw new Error('expected an edit undo');
    await call(core, 'bulk.undo', { undoId: linked.undo.undoId });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({ company: 'Free text', companyId: null });

    const task = await call(core, 'activities.create', { kind: 'task', subject: 'Do it', contactId: anna.id });
    const note = await call(core, 'activities.create', { kind: 'note', subject: 'Said hi', contactId: anna.id });
    expect(
      await call(core, 'bulk.apply', {
        kind: 'activity',
        ids: [task.id, note.id],
        action: { type: 'set', field: 'done', value: true },
      }),
    ).toMatchObject({ changed: 1, skipped: 1 });
    expect(
      await failure(core, 'bulk.apply', {
        kind: 'contact',
        ids: [anna.id],
        action: { type: 'set', field: 'name', value: 'Everyone' },
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'action.field' }] },
    });
    expect(
      await failure(core, 'bulk.apply', {
        kind: 'contact',
        ids: [anna.id],
        action: { type: 'set', field: 'constructor', value: 'x' },
      }),
    ).toMatchObject({ code: 'VALIDATION' });
  });

  it('deletes many records as one trash entry that one restore brings back', async () => {
    const core = await openCore(tempDir());
    const ids = await deals(core, 12);
    const deleted = await call(core, 'bulk.apply', { kind: 'deal', ids, action: { type: 'delete' } });
    expect(deleted).toMatchObject({ changed: 12, skipped: 0, keptOptOuts: 0, undo: { type: 'trash' } });
    expect(await call(core, 'trash.list', {})).toMatchObject({ rows: [{ label: '12 deals', counts: { deal: 12 } }] });
    if (deleted.undo?.type !== 'trash') throw new Error('expected a trash undo');
    await call(core, 'trash.restore', { trashId: deleted.undo.trashId });
    expect((await call(core, 'deals.list', {})).total).toBe(12);
  });

  it('is all or nothing: a record that fails leaves every other one unchanged', async () => {
    const core = await openCore(tempDir());
    const ids = await deals(core, 5);
    core.db.exec(
      `CREATE TEMP TRIGGER fourth_fails BEFORE UPDATE OF owner ON deals WHEN new.id = ${ids[3]} BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
    );
    expect(
      await failure(core, 'bulk.apply', { kind: 'deal', ids, action: { type: 'set', field: 'owner', value: 'Cleo' } }),
    ).toMatchObject({ code: 'INTERNAL' });
    expect((await call(core, 'deals.list', { owner: 'Cleo' })).total).toBe(0);
    expect(count(core, 'SELECT count(*) FROM undo_records')).toBe(0);
    expect(count(core, 'SELECT count(*) FROM record_history')).toBe(0);
  });

  it('takes at most 10,000 distinct ticked records', async () => {
    const core = await openCore(tempDir());
    seedContacts(core, 10_001);
    const many = Array.from({ length: 10_001 }, (_, index) => index + 1);
    expect(await failure(core, 'bulk.apply', { kind: 'contact', ids: many, action: { type: 'delete' } })).toMatchObject(
      { code: 'VALIDATION', details: { fields: [{ field: 'ids' }] } },
    );
    expect(
      await failure(core, 'bulk.apply', { kind: 'contact', ids: [1, 1], action: { type: 'delete' } }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(
      await call(core, 'bulk.apply', { kind: 'contact', ids: many.slice(0, 10_000), action: { type: 'delete' } }),
    ).toMatchObject({ changed: 10_000, skipped: 0 });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('a damaged undo record is refused in plain words and changes nothing', async () => {
    const core = await openCore(tempDir());
    const ids = await deals(core, 3);
    const result = await call(core, 'bulk.apply', {
      kind: 'deal',
      ids,
      action: { type: 'set', field: 'owner', value: 'Cleo' },
    });
    if (result.undo?.type !== 'edit') throw new Error('expected an edit undo');
    const damage = core.db.prepare<[string, number]>('UPDATE undo_records SET payload = ? WHERE id = ?');
    const sentence =
      'That change can no longer be undone: what Rolodesk kept about it is damaged. Nothing was changed.';
    // Cut short (not JSON: only damage gets past the table's json_valid check), then JSON of the wrong shape.
    core.db.pragma('ignore_check_constraints = ON');
    for (const payload of [
      '{"type":"set","kind":"deal","fie',
      '{"type":"set","kind":"deal","field":"owner","rows":"oops"}',
    ]) {
      damage.run(payload, result.undo.undoId);
      expect(await failure(core, 'bulk.undo', { undoId: result.undo.undoId })).toEqual({
        code: 'NOT_FOUND',
        message: sentence,
      });
    }
    expect((await call(core, 'deals.list', { owner: 'Cleo' })).total).toBe(3);
    expect(count(core, 'SELECT count(*) FROM undo_records WHERE undone_at IS NULL')).toBe(1);
  });
});
