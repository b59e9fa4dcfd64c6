import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure, smallCrm } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';
import type { Core } from '../core';

const day = 24 * 60 * 60 * 1000;

/** Ids of the activities on a record's timeline (what the user sees of its history). */
async function timelineActivities(core: Core, kind: 'contact' | 'company' | 'deal', id: number): Promise<number[]> {
  const page = await call(core, 'timeline.list', { record: { kind, id } });
  return page.entries.flatMap((entry) => (entry.type === 'activity' ? [entry.activity.id] : []));
}

async function entryCounts(core: Core, trashId: number) {
  return (await call(core, 'trash.list', {})).rows.find((row) => row.id === trashId)?.counts;
}

describe('a trash entry owns only what it took', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('her call, swept in with her company, comes back with her, and Delete forever on the company leaves it on her timeline', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    // "Intro call" belongs to Anna and (filed under her company) to Acme.
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    expect(await entryCounts(core, acme.trashId)).toMatchObject({ company: 1, activity: 1 });

    await call(core, 'trash.restore', { trashId: anna.trashId });
    expect(await timelineActivities(core, 'contact', crm.anna.id)).toContain(crm.call1.id);
    // Acme's entry now holds only Acme, and says so.
    expect(await entryCounts(core, acme.trashId)).toEqual({ contact: 0, company: 1, deal: 0, activity: 0 });

    await call(core, 'trash.deleteForever', { trashId: acme.trashId });
    expect(await call(core, 'activities.get', { id: crm.call1.id })).toMatchObject({
      subject: 'Intro call',
      contact: { id: crm.anna.id },
      company: null,
    });
    expect(await timelineActivities(core, 'contact', crm.anna.id)).toContain(crm.call1.id);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('the restore names what came back, the activity from the other entry included', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    expect(await call(core, 'trash.restore', { trashId: anna.trashId })).toMatchObject({
      counts: { contact: 1, activity: 1 },
    });
  });

  it('Delete forever on the company while she is still in the trash hands her call to her entry: restoring her later brings it back', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    await call(core, 'trash.deleteForever', { trashId: acme.trashId });
    expect(count(core, 'SELECT count(*) FROM activities WHERE id = ?', crm.call1.id)).toBe(1);
    expect(await entryCounts(core, anna.trashId)).toMatchObject({ contact: 1, activity: 1 });

    await call(core, 'trash.restore', { trashId: anna.trashId });
    expect(await call(core, 'activities.get', { id: crm.call1.id })).toMatchObject({
      contact: { id: crm.anna.id },
      company: null,
    });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('a deal’s activity, swept in with the deal, comes back with its contact; the deal deleted for good leaves it (either order)', async () => {
    const core = await openCore(tempDir());
    const dina = await call(core, 'contacts.create', { name: 'Dina Lowe' });
    const deal = await call(core, 'deals.create', {
      title: 'Dina’s order',
      contactId: dina.id,
      valueMinor: 1_000,
      currency: 'EUR',
    });
    // Filed under the deal and, through it, under Dina.
    const demo = await call(core, 'activities.create', { kind: 'meeting', subject: 'Demo', dealId: deal.id });
    expect(demo).toMatchObject({ contact: { id: dina.id }, deal: { id: deal.id } });

    const dinaGone = await call(core, 'contacts.delete', { id: dina.id });
    const dealGone = await call(core, 'deals.delete', { id: deal.id });
    await call(core, 'trash.restore', { trashId: dinaGone.trashId });
    expect(await timelineActivities(core, 'contact', dina.id)).toEqual([demo.id]);
    await call(core, 'trash.deleteForever', { trashId: dealGone.trashId });
    expect(await call(core, 'activities.get', { id: demo.id })).toMatchObject({ contact: { id: dina.id }, deal: null });

    // The other way round: the deal comes back, Dina goes for good; the meeting stays on the deal.
    const deal2 = await call(core, 'deals.create', {
      title: 'Dina’s second order',
      contactId: dina.id,
      valueMinor: 1_000,
      currency: 'EUR',
    });
    const call2 = await call(core, 'activities.create', { kind: 'call', subject: 'Follow-up', dealId: deal2.id });
    const deal2Gone = await call(core, 'deals.delete', { id: deal2.id });
    const dinaAgain = await call(core, 'contacts.delete', { id: dina.id });
    await call(core, 'trash.restore', { trashId: deal2Gone.trashId });
    expect(await timelineActivities(core, 'deal', deal2.id)).toEqual([call2.id]);
    await call(core, 'trash.deleteForever', { trashId: dinaAgain.trashId });
    expect(await call(core, 'activities.get', { id: call2.id })).toMatchObject({
      contact: null,
      deal: { id: deal2.id },
    });
    // Dina's own meeting went with her, as it belonged to no one else.
    expect(count(core, 'SELECT count(*) FROM activities WHERE id = ?', demo.id)).toBe(0);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('a bulk delete restored takes back the activities a later delete swept up', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const bulk = await call(core, 'bulk.apply', {
      kind: 'contact',
      ids: [crm.anna.id, crm.bob.id],
      action: { type: 'delete' },
    });
    if (bulk.undo?.type !== 'trash') throw new Error('expected a trash undo');
    // Anna's call and Bob's note are both filed under Acme too: they go with Acme now.
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    expect(await entryCounts(core, acme.trashId)).toMatchObject({ activity: 2 });

    expect(await call(core, 'trash.restore', { trashId: bulk.undo.trashId })).toMatchObject({
      counts: { contact: 2, activity: 2 },
    });
    await call(core, 'trash.deleteForever', { trashId: acme.trashId });
    expect(await timelineActivities(core, 'contact', crm.anna.id)).toEqual([crm.call1.id]);
    expect(await timelineActivities(core, 'contact', crm.bob.id)).toEqual([crm.note.id]);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('a company trashed with its people comes back with the activity its deal’s delete swept up meanwhile', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    // Filed under Anna (in the trash with Acme) and the renewal deal (still live) only.
    core.db
      .prepare(
        'INSERT INTO activities (kind, subject, occurred_at, contact_id, deal_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        'call',
        'Renewal terms',
        '2026-01-05T10:00:00.000Z',
        crm.anna.id,
        crm.renewal.id,
        '2026-01-05T10:00:00.000Z',
        '2026-01-05T10:00:00.000Z',
      );
    const terms = count(core, "SELECT id FROM activities WHERE subject = 'Renewal terms'");
    const renewal = await call(core, 'deals.delete', { id: crm.renewal.id });
    expect(await entryCounts(core, renewal.trashId)).toMatchObject({ deal: 1, activity: 1 });
    await call(core, 'trash.restore', { trashId: acme.trashId });
    expect(await timelineActivities(core, 'contact', crm.anna.id)).toContain(terms);
    await call(core, 'trash.deleteForever', { trashId: renewal.trashId });
    expect(await call(core, 'activities.get', { id: terms })).toMatchObject({
      contact: { id: crm.anna.id },
      deal: null,
    });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('the 30-day expiry of the company keeps the call of the contact restored meanwhile', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const crm = await smallCrm(core);
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    clock.advance(day);
    await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    clock.advance(day);
    await call(core, 'trash.restore', { trashId: anna.trashId });
    clock.advance(29 * day);
    expect(await core.purgeTrash()).toBe(1);
    expect(count(core, 'SELECT count(*) FROM companies WHERE id = ?', crm.acme.id)).toBe(0);
    expect(await call(core, 'activities.get', { id: crm.call1.id })).toMatchObject({
      contact: { id: crm.anna.id },
      company: null,
    });
    expect(danglingKeys(core)).toEqual([]);
  });

  it('the 30-day expiry of the company while she is still in the trash hands her call to her entry', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const crm = await smallCrm(core);
    await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    clock.advance(10 * day);
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    clock.advance(20 * day);
    expect(await core.purgeTrash()).toBe(1);
    expect(await entryCounts(core, anna.trashId)).toMatchObject({ contact: 1, activity: 1 });
    await call(core, 'trash.restore', { trashId: anna.trashId });
    expect(await timelineActivities(core, 'contact', crm.anna.id)).toEqual([crm.call1.id]);
    expect(danglingKeys(core)).toEqual([]);
  });
});

describe('Delete forever says exactly what goes, and deletes exactly that', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  const tables = ['contacts', 'companies', 'deals', 'activities', 'attachments', 'record_history', 'trash'] as const;
  const idsOf = (core: Core) =>
    Object.fromEntries(
      tables.map((table) => [table, new Set(core.db.prepare(`SELECT id FROM ${table}`).pluck().all() as number[])]),
    );

  async function attach(
    core: Core,
    record: { kind: 'contact' | 'company' | 'deal' | 'activity'; id: number },
    fileName: string,
  ) {
    const done = await upload(core, record, fileName, Buffer.from(`${fileName} of ${record.kind} ${record.id}`));
    if (!done.ok) throw new Error(done.error.message);
  }

  it('a company with its people: the preview lists the records, activities, files and history that go, and what stays; the purge removes exactly those rows', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const task = await call(core, 'activities.create', {
      kind: 'task',
      subject: 'Send the quote',
      dueAt: '2026-05-01T09:00:00.000Z',
      companyId: crm.acme.id,
    });
    // Filed under Anna, Acme (her company) and the Globex pilot: it stays, with the pilot.
    const demo = await call(core, 'activities.create', {
      kind: 'meeting',
      subject: 'Pilot demo',
      contactId: crm.anna.id,
      dealId: crm.pilot.id,
    });
    await attach(core, { kind: 'contact', id: crm.anna.id }, 'anna.txt');
    await attach(core, { kind: 'contact', id: crm.bob.id }, 'bob.txt');
    await attach(core, { kind: 'company', id: crm.acme.id }, 'acme.txt');
    await attach(core, { kind: 'activity', id: crm.call1.id }, 'call.txt');
    await attach(core, { kind: 'activity', id: demo.id }, 'demo.txt');
    // The call deleted on its own first: it belongs only to Anna and Acme, so it cannot outlive them.
    const callEntry = await call(core, 'activities.delete', { id: crm.call1.id });
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });

    const preview = await call(core, 'trash.preview', { trashId: acme.trashId });
    expect(preview.goes).toEqual({
      records: [
        { kind: 'company', name: 'Acme Ltd' },
        { kind: 'contact', name: 'Anna Berg' },
        { kind: 'contact', name: 'Bob Stone' },
      ],
      counts: { contact: 2, company: 1, deal: 0 },
      activities: { note: 1, call: 1, meeting: 0, email: 0, task: 1 },
      files: 4,
      historyEntries: count(
        core,
        'SELECT count(*) FROM record_history WHERE company_id = ? OR contact_id IN (?, ?)',
        crm.acme.id,
        crm.anna.id,
        crm.bob.id,
      ),
      otherEntries: [{ id: callEntry.trashId, label: 'Intro call' }],
    });
    expect(preview.stays).toEqual({
      total: 2,
      items: [
        { kind: 'deal', name: 'Acme renewal', inTrash: false, keeps: [], loses: ['Anna Berg', 'Acme Ltd'] },
        {
          kind: 'activity',
          name: 'Pilot demo',
          inTrash: false,
          keeps: ['Globex pilot'],
          loses: ['Anna Berg', 'Acme Ltd'],
        },
      ],
    });

    const before = idsOf(core);
    const kindsBefore = new Map(
      core.db
        .prepare('SELECT id, kind FROM activities')
        .all()
        .map((row) => [(row as { id: number }).id, (row as { kind: string }).kind]),
    );
    expect(await call(core, 'trash.deleteForever', { trashId: acme.trashId, planKey: preview.planKey })).toEqual({
      purged: 2,
    });
    const after = idsOf(core);
    const gone = Object.fromEntries(
      tables.map((table) => [table, [...before[table]!].filter((id) => !after[table]!.has(id))]),
    );

    expect(gone.companies).toEqual([crm.acme.id]);
    expect(gone.contacts).toEqual([crm.anna.id, crm.bob.id]);
    expect(gone.deals).toEqual([]);
    const goneKinds = gone.activities!.map((id) => kindsBefore.get(id)).sort();
    expect(goneKinds).toEqual(['call', 'note', 'task']);
    expect(gone.activities).toContain(task.id);
    expect(gone.attachments).toHaveLength(preview.goes.files);
    expect(gone.record_history).toHaveLength(preview.goes.historyEntries);
    expect(gone.trash!.sort()).toEqual([callEntry.trashId, acme.trashId].sort());
    expect(await call(core, 'deals.get', { id: crm.renewal.id })).toMatchObject({ companyId: null, contactId: null });
    expect(await call(core, 'activities.get', { id: demo.id })).toMatchObject({
      contact: null,
      company: null,
      deal: { id: crm.pilot.id },
    });
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'activity', id: demo.id } })).attachments,
    ).toHaveLength(1);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('her call restored meanwhile stays: the preview says it also belongs to her', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    await call(core, 'trash.restore', { trashId: anna.trashId });
    const preview = await call(core, 'trash.preview', { trashId: acme.trashId });
    expect(preview.goes).toMatchObject({
      records: [{ kind: 'company', name: 'Acme Ltd' }],
      activities: { note: 0, call: 0, meeting: 0, email: 0, task: 0 },
      files: 0,
      otherEntries: [],
    });
    expect(preview.stays.items).toEqual([
      // Bob was taken off Acme when it was deleted; Anna, in the trash then, was not.
      { kind: 'contact', name: 'Anna Berg', inTrash: false, keeps: [], loses: ['Acme Ltd'] },
      { kind: 'deal', name: 'Acme renewal', inTrash: false, keeps: ['Anna Berg'], loses: ['Acme Ltd'] },
      { kind: 'activity', name: 'Intro call', inTrash: false, keeps: ['Anna Berg'], loses: ['Acme Ltd'] },
      { kind: 'activity', name: 'Bob prefers email', inTrash: false, keeps: ['Bob Stone'], loses: ['Acme Ltd'] },
    ]);
  });

  it('refuses to delete when what would go changed since the preview, and deletes nothing', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const anna = await call(core, 'contacts.delete', { id: crm.anna.id });
    const acme = await call(core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    const preview = await call(core, 'trash.preview', { trashId: acme.trashId });
    expect(preview.goes.activities.call).toBe(0);
    await call(core, 'trash.deleteForever', { trashId: anna.trashId });
    // Anna is gone for good now, so her call would go with Acme: not what the user was shown.
    expect(
      await failure(core, 'trash.deleteForever', { trashId: acme.trashId, planKey: preview.planKey }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(count(core, 'SELECT count(*) FROM companies WHERE id = ?', crm.acme.id)).toBe(1);
    const again = await call(core, 'trash.preview', { trashId: acme.trashId });
    expect(again.goes.activities.call).toBe(1);
    expect(await call(core, 'trash.deleteForever', { trashId: acme.trashId, planKey: again.planKey })).toEqual({
      purged: 1,
    });
    expect(count(core, 'SELECT count(*) FROM activities WHERE id = ?', crm.call1.id)).toBe(0);
  });

  it('an entry gone meanwhile has no preview', async () => {
    const core = await openCore(tempDir());
    const crm = await smallCrm(core);
    const bob = await call(core, 'contacts.delete', { id: crm.bob.id });
    await call(core, 'trash.restore', { trashId: bob.trashId });
    expect(await failure(core, 'trash.preview', { trashId: bob.trashId })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
