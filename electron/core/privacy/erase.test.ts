import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, count, danglingKeys, failure, update } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { seedContacts } from '../../../tests/support/seed-contacts';
import { upload } from '../../../tests/support/upload';
import type { Core } from '../core';

/** Text that appears nowhere but in this person's data, each in a different place. */
const traces = {
  name: 'Quixotic',
  oldName: 'Quixotik',
  email: 'vexmail',
  note: 'xylophone',
  fileName: 'passport-scan-zq',
  activity: 'marimba',
};

/** Every trace found in the database's bytes (the file, and its WAL), in any case SQLite may keep it in. */
function tracesIn(core: Core): string[] {
  const bytes = Buffer.concat(
    [core.paths.database, `${core.paths.database}-wal`].filter(existsSync).map((file) => readFileSync(file)),
  );
  return Object.values(traces).filter(
    (trace) => bytes.includes(Buffer.from(trace)) || bytes.includes(Buffer.from(trace.toLowerCase())),
  );
}

const storedFile = (core: Core, sha256: string) => join(core.paths.attachments, sha256.slice(0, 2), sha256);

/** A person with some of everything: renamed once, notes, tags, a custom field, files, activities of their own and shared, a deal, campaigns, a bulk edit. */
async function personWithEverything(core: Core) {
  const company = await call(core, 'companies.create', { name: 'Acme Ltd' });
  const other = await call(core, 'contacts.create', {
    name: 'Bob Stone',
    email: 'bob@acme.example',
    companyId: company.id,
  });
  const tag = await call(core, 'tags.create', { name: 'VIP' });
  const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
  const person = await call(core, 'contacts.create', {
    name: `Zelda ${traces.oldName}`,
    email: `zelda@${traces.email}.example`,
    companyId: company.id,
    notes: `Plays the ${traces.note}`,
  });
  await update(core, 'contacts.update', {
    id: person.id,
    name: `Zelda ${traces.name}`,
    email: `zelda@${traces.email}.example`,
    companyId: company.id,
    notes: `Plays the ${traces.note}`,
    tagIds: [tag.id],
    custom: { [budget.id]: 5000 },
  });
  const own = await call(core, 'activities.create', {
    kind: 'note',
    body: `Asked about the ${traces.activity}`,
    contactId: person.id,
  });
  const deal = await call(core, 'deals.create', {
    title: 'Acme renewal',
    companyId: company.id,
    contactId: person.id,
    valueMinor: 10_000,
    currency: 'EUR',
  });
  const shared = await call(core, 'activities.create', {
    kind: 'call',
    subject: 'Renewal call',
    contactId: person.id,
    dealId: deal.id,
  });
  const onlyTheirs = await upload(core, person.id, `${traces.fileName}.txt`, samples.text);
  const alsoBobs = await upload(core, person.id, 'price-list.pdf', samples.pdf);
  await upload(core, other.id, 'price-list.pdf', samples.pdf);
  const onActivity = await upload(core, { kind: 'activity', id: own.id }, 'sketch.png', samples.png);
  const campaign = await call(core, 'campaigns.create', { name: 'Spring offer' });
  await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [person.id, other.id] });
  await call(core, 'campaigns.setStatus', { campaignId: campaign.id, status: 'sent', contactIds: [person.id] });
  core.db
    .prepare(
      "INSERT INTO outbox (campaign_id, contact_id, to_address, subject, text_body, message_id, queued_at) VALUES (?, ?, ?, 'Hello', 'Our offer', '<m1@rolodesk.test>', ?)",
    )
    .run(campaign.id, person.id, `zelda@${traces.email}.example`, '2026-01-02T03:04:05.000Z');
  await call(core, 'leadSources.create', { name: 'Trade fair' });
  await call(core, 'bulk.apply', {
    kind: 'contact',
    ids: [person.id, other.id],
    action: { type: 'set', field: 'leadSource', value: 'Trade fair' },
  });
  expect([onlyTheirs.ok, alsoBobs.ok, onActivity.ok]).toEqual([true, true, true]);
  return { company, other, person, own, shared, deal, campaign };
}

describe('erasing a person for good', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('the preview counts what goes and what stays, and the backups note names the day the last backup expires', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-06-30T12:00:00.000Z') });
    const { person } = await personWithEverything(core);
    await call(core, 'backups.create', {});

    const preview = await call(core, 'privacy.erasePreview', { contactId: person.id });
    expect(preview).toMatchObject({
      contactId: person.id,
      name: `Zelda ${traces.name}`,
      inTrash: false,
      goes: { activities: 1, campaignMemberships: 1, messages: 1, files: 2, tags: 1, customValues: 1 },
      stays: { company: 'Acme Ltd', deals: 1, sharedActivities: 1, sharedFiles: 1 },
      backups: { snapshots: 1, lastExpiresOn: '2026-07-03' },
    });
    expect(preview.goes.historyEntries).toBeGreaterThanOrEqual(3);
    // Taken today: the next backups replace it as today's and this week's; the 4 newest pass it on Friday.
    expect(preview.backups.note).toContain('expires on Friday 3 July 2026');
    expect(preview.backups.note).toContain('exported and saved elsewhere are not tracked');
  });

  it('asks the native confirmation with the counts; declined, nothing changes', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const { person } = await personWithEverything(core);
    const preview = await call(core, 'privacy.erasePreview', { contactId: person.id });
    const rowsBefore = count(
      core,
      'SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM record_history) + (SELECT count(*) FROM attachments)',
    );

    desktop.confirmAnswer = false;
    expect(await failure(core, 'privacy.erase', { contactId: person.id, planKey: preview.planKey })).toMatchObject({
      code: 'CANCELLED',
      message: 'Nothing was erased: the erase was not confirmed.',
    });
    expect(desktop.confirmations).toHaveLength(1);
    expect(desktop.confirmations[0]).toMatchObject({
      title: `Erase Zelda ${traces.name} for good?`,
      confirmLabel: 'Erase for good',
    });
    expect(desktop.confirmations[0]!.detail).toContain('1 activity, ');
    expect(desktop.confirmations[0]!.detail).toContain('1 campaign membership, 1 message, 2 files only they used');
    expect(desktop.confirmations[0]!.detail).toContain('their company (Acme Ltd), 1 deal (without the link to them)');
    expect(await call(core, 'contacts.get', { id: person.id })).toMatchObject({ name: `Zelda ${traces.name}` });
    expect(
      count(
        core,
        'SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM record_history) + (SELECT count(*) FROM attachments)',
      ),
    ).toBe(rowsBefore);
  });

  it('removes them everywhere, keeps what others hold, and leaves only an anonymous dated entry', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-07T10:00:00.000Z') });
    const { company, other, person, own, shared, deal, campaign } = await personWithEverything(core);
    const files = (await call(core, 'attachments.list', { record: { kind: 'contact', id: person.id } })).attachments;
    const preview = await call(core, 'privacy.erasePreview', { contactId: person.id });

    expect(await call(core, 'privacy.erase', { contactId: person.id, planKey: preview.planKey })).toMatchObject({
      erased: true,
      erasedOn: '2026-12-07',
    });

    expect(await failure(core, 'contacts.get', { id: person.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(core, 'contacts.list', {})).rows.map((row) => row.name)).toEqual(['Bob Stone']);
    expect((await call(core, 'search.all', { text: 'zelda' })).groups).toEqual([]);
    expect((await call(core, 'search.all', { text: traces.activity })).groups).toEqual([]);
    expect((await call(core, 'trash.list', {})).total).toBe(0);
    expect(
      (await call(core, 'campaigns.members', { campaignId: campaign.id })).rows.map((row) => row.contactId),
    ).toEqual([other.id]);
    expect(await failure(core, 'activities.get', { id: own.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await call(core, 'activities.get', { id: shared.id })).toMatchObject({
      contact: null,
      company: { id: company.id },
    });
    expect(await call(core, 'deals.get', { id: deal.id })).toMatchObject({ contactId: null });
    // The deal's history named them as its contact: the name is gone from it.
    const dealHistory = (await call(core, 'timeline.list', { record: { kind: 'deal', id: deal.id } })).entries.flatMap(
      (entry) => (entry.type === 'change' ? [entry.change] : []),
    );
    expect(JSON.stringify(dealHistory)).not.toContain(traces.name);
    const companyTimeline = await call(core, 'timeline.list', { record: { kind: 'company', id: company.id } });
    expect(JSON.stringify(companyTimeline)).not.toContain('Zelda');
    // The bulk edit's undo keeps Bob's part only.
    expect(core.db.prepare('SELECT payload FROM undo_records').pluck().all().join()).not.toContain(`[${person.id},`);
    expect(await call(core, 'bulk.undo', { undoId: 1 })).toMatchObject({ reverted: 1 });
    // The file only they used is deleted from disk; the price list Bob also holds stays.
    expect(existsSync(storedFile(core, files.find((file) => file.fileName.startsWith(traces.fileName))!.sha256))).toBe(
      false,
    );
    expect(existsSync(storedFile(core, files.find((file) => file.fileName === 'price-list.pdf')!.sha256))).toBe(true);
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'contact', id: other.id } })).attachments,
    ).toHaveLength(1);
    expect(await call(core, 'privacy.erasures', {})).toEqual({
      entries: [{ erasedOn: '2026-12-07', text: 'A contact was erased on 2026-12-07.' }],
    });
    expect(core.logs.map((record) => JSON.stringify(record)).join('\n')).not.toContain('Zelda');
    expect(danglingKeys(core)).toEqual([]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves no trace of them in the database file, its WAL or the search index’s shadow tables', async () => {
    const desktop = recordingDesktop();
    const dataDir = tempDir();
    const core = await openCore(dataDir, { desktop });
    const { person } = await personWithEverything(core);
    expect(tracesIn(core)).toEqual(Object.values(traces));

    const preview = await call(core, 'privacy.erasePreview', { contactId: person.id });
    await call(core, 'privacy.erase', { contactId: person.id, planKey: preview.planKey });
    expect(tracesIn(core)).toEqual([]);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(tracesIn(core)).toEqual([]);
  });

  it('leaves no copy of their email in an index’s inner pages, without rebuilding the whole file', async () => {
    const core = await openCore(tempDir(), { desktop: recordingDesktop() });
    seedContacts(core, 6000);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    // A contact whose email an inner page of the email index holds as a signpost (deleting the entry leaves it there).
    const pageSize = core.db.pragma('page_size', { simple: true }) as number;
    const file = readFileSync(core.paths.database);
    const innerPages = core.db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'contacts_by_email' AND pagetype = 'internal'")
      .pluck()
      .all() as number[];
    expect(innerPages.length).toBeGreaterThan(0);
    const inner = Buffer.concat(innerPages.map((page) => file.subarray((page - 1) * pageSize, page * pageSize)));
    const signpost = (
      core.db.prepare('SELECT id, email FROM contacts').all() as Array<{ id: number; email: string }>
    ).find((row) => inner.includes(Buffer.from(row.email)))!;
    expect(signpost).toBeDefined();

    const preview = await call(core, 'privacy.erasePreview', { contactId: signpost.id });
    await call(core, 'privacy.erase', { contactId: signpost.id, planKey: preview.planKey });
    expect(readFileSync(core.paths.database).includes(Buffer.from(signpost.email))).toBe(false);
    expect(core.logs.some((record) => record.message.includes('VACUUM'))).toBe(false);
  });

  it('erases a person who is in the trash, and their trash entry with them', async () => {
    const core = await openCore(tempDir(), { desktop: recordingDesktop() });
    const { person } = await personWithEverything(core);
    await call(core, 'contacts.delete', { id: person.id });
    const preview = await call(core, 'privacy.erasePreview', { contactId: person.id });
    expect(preview).toMatchObject({ inTrash: true, goes: { activities: 1 } });

    await call(core, 'privacy.erase', { contactId: person.id, planKey: preview.planKey });
    expect((await call(core, 'trash.list', {})).total).toBe(0);
    expect(count(core, 'SELECT count(*) FROM contacts WHERE id = ?', person.id)).toBe(0);
    expect(tracesIn(core)).toEqual([]);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('refuses when something about them changed after the preview, and erases nothing', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const { person } = await personWithEverything(core);
    const preview = await call(core, 'privacy.erasePreview', { contactId: person.id });
    await call(core, 'activities.create', { kind: 'note', body: 'One more note', contactId: person.id });

    expect(await failure(core, 'privacy.erase', { contactId: person.id, planKey: preview.planKey })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(desktop.confirmations).toEqual([]);
    expect(await call(core, 'contacts.get', { id: person.id })).toMatchObject({ id: person.id });
    expect(await failure(core, 'privacy.erasePreview', { contactId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
