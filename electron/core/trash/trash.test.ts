import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure, smallCrm, update } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';
import type { Core } from '../core';

const day = 24 * 60 * 60 * 1000;

function storedFileCount(core: Core): number {
  return readdirSync(core.paths.attachments, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .length;
}

describe('trash and undo', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('a deleted contact leaves every list and search, and a restore brings it back with all its links', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    await update(core, 'contacts.update', {
      id: crm.bob.id,
      name: 'Bob Stone',
      email: 'bob@acme.example',
      companyId: crm.acme.id,
      tagIds: [vip.id],
      custom: { [budget.id]: 10 },
    });
    const dina = await call(core, 'contacts.create', { name: 'Dina Lowe' });
    const task = await call(core, 'activities.create', {
      kind: 'task',
      subject: 'Call Dina',
      dueAt: '2026-01-01T00:00:00.000Z',
      contactId: dina.id,
    });
    const file = await upload(core, crm.bob.id, 'notes.txt', samples.text);
    expect(file.ok).toBe(true);
    const deal = await call(core, 'deals.create', { title: 'Bob’s deal', contactId: crm.bob.id });

    const deleted = await call(core, 'contacts.delete', { id: crm.bob.id });
    const dinaDeleted = await call(core, 'contacts.delete', { id: dina.id });
    expect(await failure(core, 'contacts.get', { id: crm.bob.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(core, 'contacts.list', {})).rows.map((row) => row.name)).toEqual(['Anna Berg', 'Carl Grey']);
    expect((await call(core, 'contacts.list', { tagIds: [vip.id] })).total).toBe(0);
    expect((await call(core, 'search.all', { text: 'bob stone' })).groups).toEqual([]);
    // Dina's task went with her (it belonged to her only); Bob's note, filed under Acme too, stays.
    expect((await call(core, 'activities.today', { endOfDay: '2026-01-03T00:00:00.000Z' })).overdue.total).toBe(0);
    expect(await call(core, 'activities.get', { id: crm.note.id })).toMatchObject({
      contact: null,
      company: { id: crm.acme.id },
    });
    expect(await call(core, 'companies.get', { id: crm.acme.id })).toMatchObject({ contactCount: 1 });
    expect(await call(core, 'deals.get', { id: deal.id })).toMatchObject({ contactId: crm.bob.id, contactName: '' });
    expect(await call(core, 'trash.list', {})).toMatchObject({
      total: 2,
      rows: [
        { id: dinaDeleted.trashId, kind: 'contact', label: 'Dina Lowe', counts: { contact: 1, activity: 1 } },
        { id: deleted.trashId, kind: 'contact', label: 'Bob Stone', counts: { contact: 1, activity: 0 } },
      ],
    });

    expect(await call(core, 'trash.restore', { trashId: deleted.trashId })).toEqual({
      trashId: deleted.trashId,
      counts: { contact: 1, company: 0, deal: 0, activity: 0 },
      record: { kind: 'contact', id: crm.bob.id },
      mergedInto: null,
    });
    expect(await call(core, 'trash.restore', { trashId: dinaDeleted.trashId })).toMatchObject({
      counts: { contact: 1, activity: 1 },
    });
    const back = await call(core, 'contacts.get', { id: crm.bob.id });
    expect(back).toMatchObject({ companyId: crm.acme.id, tagIds: [vip.id], custom: { [budget.id]: 10 } });
    expect(await call(core, 'activities.get', { id: task.id })).toMatchObject({ contact: { id: dina.id } });
    expect(await call(core, 'activities.get', { id: crm.note.id })).toMatchObject({ contact: { id: crm.bob.id } });
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'contact', id: crm.bob.id } })).attachments,
    ).toHaveLength(1);
    expect(await call(core, 'deals.get', { id: deal.id })).toMatchObject({ contactName: 'Bob Stone' });
    const actions = (
      await call(core, 'timeline.list', { record: { kind: 'contact', id: crm.bob.id } })
    ).entries.flatMap((entry) => (entry.type === 'change' ? [entry.change.action] : []));
    expect(actions.slice(0, 2)).toEqual(['restored', 'trashed']);
    expect(await failure(core, 'trash.restore', { trashId: deleted.trashId })).toMatchObject({ code: 'NOT_FOUND' });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('deals and activities go to the trash and come back too', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const deal = await call(core, 'deals.delete', { id: crm.renewal.id });
    const activity = await call(core, 'activities.delete', { id: crm.call1.id });
    expect((await call(core, 'deals.list', {})).rows.map((row) => row.title)).toEqual(['Globex pilot']);
    expect((await call(core, 'deals.board', {})).columns[0]?.count).toBe(1);
    expect((await call(core, 'activities.list', {})).total).toBe(1);
    await call(core, 'trash.restore', { trashId: activity.trashId });
    await call(core, 'trash.restore', { trashId: deal.trashId });
    expect((await call(core, 'deals.list', {})).total).toBe(2);
    expect((await call(core, 'activities.list', {})).total).toBe(2);
  });

  it('a restore names the one record it brought back, so the user can open it; a delete of several names none', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const company = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    expect(await call(core, 'trash.restore', { trashId: company.trashId })).toMatchObject({
      counts: { company: 1, contact: 2 },
      record: { kind: 'company', id: crm.acme.id },
    });
    const activity = await call(core, 'activities.delete', { id: crm.note.id });
    expect(await call(core, 'trash.restore', { trashId: activity.trashId })).toMatchObject({
      record: { kind: 'activity', id: crm.note.id },
    });
    const bulk = await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: [crm.renewal.id, crm.pilot.id],
      action: { type: 'delete' },
    });
    if (bulk.undo?.type !== 'trash') throw new Error('expected a trash undo');
    expect(await call(core, 'trash.restore', { trashId: bulk.undo.trashId })).toMatchObject({
      counts: { deal: 2 },
      record: null,
    });
  });

  it('lists the deletes of one kind when asked, a company with its people counting as a company', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    await call(core, 'contacts.delete', { id: crm.carl.id });
    await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    await call(core, 'deals.delete', { id: crm.pilot.id });
    expect(await call(core, 'trash.list', { kind: 'company' })).toMatchObject({
      total: 1,
      rows: [{ label: 'Acme Ltd', counts: { company: 1, contact: 2 } }],
    });
    expect(await call(core, 'trash.list', { kind: 'contact' })).toMatchObject({
      total: 1,
      rows: [{ label: 'Carl Grey' }],
    });
    expect(await call(core, 'trash.list', { kind: 'activity' })).toEqual({ total: 0, offset: 0, rows: [] });
    expect((await call(core, 'trash.list', {})).total).toBe(3);
  });

  it('after 30 days the trash is emptied for good (rows, links, history and the files only they used), at start-up or when main asks', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const dataDir = tempDir();
    const core = await openCore(dataDir, { clock });
    const crm = await smallCrm(core);
    const shared = await upload(core, crm.anna.id, 'shared.pdf', samples.pdf);
    const own = await upload(core, crm.bob.id, 'own.txt', samples.text);
    await upload(core, crm.bob.id, 'shared.pdf', samples.pdf);
    expect(shared.ok && own.ok).toBe(true);
    await update(core, 'contacts.update', { id: crm.bob.id, name: 'Bob', email: '' });
    const bob = await call(core, 'contacts.delete', { id: crm.bob.id });
    clock.advance(10 * day);
    const carl = await call(core, 'contacts.delete', { id: crm.carl.id });

    clock.advance(20 * day - 1);
    expect(await core.purgeTrash()).toBe(0);
    clock.advance(1);
    expect(await core.purgeTrash()).toBe(1);
    expect(count(core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.bob.id)).toBe(0);
    expect(count(core, 'SELECT count(*) FROM record_history WHERE contact_id = ?', crm.bob.id)).toBe(0);
    expect(count(core, 'SELECT count(*) FROM attachments')).toBe(1);
    expect(storedFileCount(core)).toBe(1);
    // Bob's note was filed under Acme too: it stays, without him.
    expect(await call(core, 'activities.get', { id: crm.note.id })).toMatchObject({
      contact: null,
      company: { id: crm.acme.id },
    });
    expect(await failure(core, 'trash.restore', { trashId: bob.trashId })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(core, 'trash.list', {})).rows.map((row) => row.id)).toEqual([carl.trashId]);
    expect(danglingKeys(core)).toEqual([]);
    await core.close();

    clock.advance(10 * day);
    const reopened = await openCore(dataDir, { clock });
    expect((await call(reopened, 'trash.list', {})).total).toBe(0);
    expect(count(reopened, 'SELECT count(*) FROM contacts')).toBe(1);
    expect(existsSync(join(reopened.paths.attachments))).toBe(true);
    expect(danglingKeys(reopened)).toEqual([]);
  });

  it('a company trashed with its people is deleted for good with them; deals and activities of other records stay', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const crm = await smallCrm(core);
    const logged = await call(core, 'activities.create', {
      kind: 'meeting',
      subject: 'Both',
      contactId: crm.anna.id,
      dealId: crm.pilot.id,
      companyId: null,
    });
    const { trashId } = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    expect(await call(core, 'trash.deleteForever', { trashId })).toEqual({ purged: 1 });
    expect(count(core, 'SELECT count(*) FROM companies')).toBe(1);
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(1);
    expect(await call(core, 'deals.get', { id: crm.renewal.id })).toMatchObject({ companyId: null, contactId: null });
    expect(await call(core, 'activities.get', { id: logged.id })).toMatchObject({
      contact: null,
      deal: { id: crm.pilot.id },
    });
    expect(count(core, 'SELECT count(*) FROM activities WHERE id IN (?, ?)', crm.call1.id, crm.note.id)).toBe(0);
    expect(danglingKeys(core)).toEqual([]);
  });
});
