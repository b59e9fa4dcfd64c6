import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../shared/schemas/attachment';
import { samples } from '../../../tests/support/sample-files';
import { call, count, danglingKeys, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { sampleSet } from './sample-set';

/** Every row of the record tables and their links, to compare before and after. */
function everyRow(core: Core): string {
  const tables = [
    'contacts',
    'companies',
    'deals',
    'activities',
    'tags',
    'contact_tags',
    'company_tags',
    'deal_tags',
    'record_history',
    'sample_records',
    'trash',
  ];
  return JSON.stringify(tables.map((table) => core.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()));
}

async function attach(core: Core, record: RecordRef, fileName: string, bytes: Buffer) {
  const { uploadId } = await call(core, 'attachments.start', { record, fileName, size: bytes.length });
  await call(core, 'attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  return call(core, 'attachments.finish', { uploadId });
}

const recordCount = (core: Core, table: string) => count(core, `SELECT count(*) FROM ${table}`);

describe('sample data', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('adds about 25 contacts, 6 companies, 8 deals across the pipeline, tasks due today and this week, all marked', async () => {
    const clock = fixedClock('2026-12-07T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const status = await call(core, 'sampleData.add', {});

    expect(status.counts).toEqual({ contact: 25, company: 6, deal: 8, activity: sampleSet.activities.length });
    expect(status.present).toBe(true);
    expect(recordCount(core, 'contacts')).toBe(25);
    const stages = core.db
      .prepare('SELECT DISTINCT s.kind FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id')
      .pluck()
      .all();
    expect(stages.sort()).toEqual(['lost', 'open', 'won']);
    const today = await call(core, 'activities.today', {});
    expect(today.dueToday.rows.map((task) => task.subject).sort()).toEqual([
      'Call Ingrid about van numbers',
      'Send Zoë the revised timeline',
    ]);
    // The board's totals and the timeline see them, as records a user typed.
    const board = await call(core, 'deals.board', {});
    expect(board.columns.reduce((sum, column) => sum + column.count, 0)).toBe(8);
    const dashboard = await call(core, 'dashboard.get', {});
    expect(dashboard).toMatchObject({ hasRecords: true });
    expect(dashboard.currencies).toEqual(['EUR', 'GBP']);
    const zoe = status.ids.contact[0]!;
    const timeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: zoe } });
    expect(timeline.entries.some((entry) => entry.type === 'activity')).toBe(true);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('finds accented sample names by search, with or without the accents', async () => {
    const core = await openCore(tempDir());
    await call(core, 'sampleData.add', {});
    for (const typed of ['Zoë', 'zoe', 'Müller', 'Håland', 'Søren']) {
      const found = await call(core, 'search.all', { text: typed });
      expect(found.groups.flatMap((group) => group.hits.map((hit) => hit.title)).join(' | '), typed).toMatch(
        /Zoë Müller|Ingrid Håland|Søren Østergaard/,
      );
    }
  });

  it('running add twice does not add the records twice', async () => {
    const core = await openCore(tempDir());
    await call(core, 'sampleData.add', {});
    const before = everyRow(core);
    const again = await call(core, 'sampleData.add', {});
    expect(again.counts.contact).toBe(25);
    expect(everyRow(core)).toBe(before);
  });

  it('a failure half-way through adding leaves nothing behind', async () => {
    const core = await openCore(tempDir());
    const before = everyRow(core);
    // The disk "fills up" at the fourth deal: every tag, company and contact, and three deals, were written by then.
    core.db.exec(
      `CREATE TEMP TRIGGER fail_half_way BEFORE INSERT ON main.deals WHEN new.title = 'Three new stores' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    const error = await failure(core, 'sampleData.add', {});
    expect(error.message).not.toBe('');
    core.db.exec('DROP TRIGGER temp.fail_half_way');
    expect(everyRow(core)).toBe(before);
    expect(await call(core, 'sampleData.status', {})).toMatchObject({ present: false });
    expect((await call(core, 'search.all', { text: 'Müller' })).groups.flatMap((group) => group.hits)).toEqual([]);
    // And it can be tried again.
    expect((await call(core, 'sampleData.add', {})).counts.deal).toBe(8);
  });

  it('removing it deletes exactly the sample records, for good, and leaves every real record, link and timeline entry', async () => {
    const core = await openCore(tempDir());
    const realCompany = await call(core, 'companies.create', { name: 'Real Bakery Ltd' });
    const kept = await call(core, 'contacts.create', {
      name: 'Ruth Real',
      email: 'ruth@real.example',
      companyId: realCompany.id,
    });
    const realDeal = await call(core, 'deals.create', {
      title: 'Real order',
      companyId: realCompany.id,
      contactId: kept.id,
      valueMinor: 10_000,
    });
    const realNote = await call(core, 'activities.create', { kind: 'note', subject: 'Real note', contactId: kept.id });
    await call(core, 'contacts.update', {
      id: kept.id,
      version: (await call(core, 'contacts.get', { id: kept.id })).version,
      name: 'Ruth Real-Person',
      companyId: realCompany.id,
    });
    const realTimeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: kept.id } });

    const sample = await call(core, 'sampleData.add', {});
    const sampleCompany = sample.ids.company[0]!;
    const sampleContact = sample.ids.contact[0]!;
    // The user links real records to sample ones, edits a sample one, and writes a note on one.
    const atSample = await call(core, 'contacts.create', { name: 'Walter Works-There', companyId: sampleCompany });
    const realDealWithSampleContact = await call(core, 'deals.create', {
      title: 'Real deal, sample person',
      contactId: sampleContact,
      companyId: realCompany.id,
    });
    const onBoth = await call(core, 'activities.create', {
      kind: 'call',
      subject: 'Called both',
      contactId: kept.id,
      dealId: sample.ids.deal[0]!,
    });
    const onlyOnSample = await call(core, 'activities.create', {
      kind: 'note',
      subject: 'Note on a sample contact',
      contactId: sampleContact,
    });
    const vip = (await call(core, 'tags.list', {})).tags.find((tag) => tag.name === 'VIP')!;
    await call(core, 'tags.link', { record: { kind: 'contact', id: kept.id }, tagId: vip.id });
    const sampleZoe = await call(core, 'contacts.get', { id: sampleContact });
    await call(core, 'contacts.update', { id: sampleContact, version: sampleZoe.version, name: 'Zoë Müller-Edited' });
    await call(core, 'contacts.delete', { id: sample.ids.contact[1]! });

    const removed = await call(core, 'sampleData.remove', {});
    expect(removed.removed).toEqual({ contact: 25, company: 6, deal: 8, activity: sampleSet.activities.length + 1 });

    expect(core.db.prepare('SELECT name FROM contacts ORDER BY name').pluck().all()).toEqual([
      'Ruth Real-Person',
      'Walter Works-There',
    ]);
    expect(core.db.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Real Bakery Ltd']);
    expect(core.db.prepare('SELECT title FROM deals ORDER BY title').pluck().all()).toEqual([
      'Real deal, sample person',
      'Real order',
    ]);
    expect(await call(core, 'contacts.get', { id: atSample.id })).toMatchObject({ companyId: null });
    expect(await call(core, 'deals.get', { id: realDealWithSampleContact.id })).toMatchObject({
      contactId: null,
      companyId: realCompany.id,
    });
    expect(await call(core, 'deals.get', { id: realDeal.id })).toMatchObject({
      contactId: kept.id,
      companyId: realCompany.id,
    });
    expect(await call(core, 'activities.get', { id: onBoth.id })).toMatchObject({
      contact: { id: kept.id },
      deal: null,
    });
    expect(await call(core, 'activities.get', { id: realNote.id })).toMatchObject({ contact: { id: kept.id } });
    expect(count(core, 'SELECT count(*) FROM activities WHERE id = ?', onlyOnSample.id)).toBe(0);
    expect(await call(core, 'contacts.get', { id: kept.id })).toMatchObject({ name: 'Ruth Real-Person', tagIds: [] });
    // Its history from before is all there (what the user did since, like tagging it VIP, stays history too).
    expect((await call(core, 'timeline.list', { record: { kind: 'contact', id: kept.id } })).entries).toEqual(
      expect.arrayContaining(realTimeline.entries),
    );
    // For good: nothing in the trash, the search index or the marks.
    expect((await call(core, 'trash.list', {})).rows).toEqual([]);
    expect((await call(core, 'search.all', { text: 'Müller' })).groups.flatMap((group) => group.hits)).toEqual([]);
    expect(recordCount(core, 'sample_records')).toBe(0);
    expect((await call(core, 'tags.list', {})).tags).toEqual([]);
    expect(await call(core, 'sampleData.status', {})).toMatchObject({ present: false });
    expect(danglingKeys(core)).toEqual([]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a file attached to a sample record goes with it; the same file on a real record stays', async () => {
    const core = await openCore(tempDir());
    const real = await call(core, 'contacts.create', { name: 'Ruth Real' });
    const sample = await call(core, 'sampleData.add', {});
    const onlySample = await attach(core, { kind: 'contact', id: sample.ids.contact[0]! }, 'brief.pdf', samples.pdf);
    await attach(core, { kind: 'deal', id: sample.ids.deal[0]! }, 'logo.png', samples.png);
    await attach(core, { kind: 'contact', id: real.id }, 'logo.png', samples.png);
    const stored = (bytes: Buffer) => {
      const sha = createHash('sha256').update(bytes).digest('hex');
      return existsSync(join(core.paths.attachments, sha.slice(0, 2), sha));
    };
    expect([stored(samples.pdf), stored(samples.png)]).toEqual([true, true]);

    await call(core, 'sampleData.remove', {});
    expect(count(core, 'SELECT count(*) FROM attachments WHERE id = ?', onlySample.id)).toBe(0);
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'contact', id: real.id } })).attachments.map(
        (file) => file.fileName,
      ),
    ).toEqual(['logo.png']);
    expect([stored(samples.pdf), stored(samples.png)]).toEqual([false, true]);
    expect(danglingKeys(core)).toEqual([]);
  });

  it('a real tag of the same name is used, and stays when the sample data goes', async () => {
    const core = await openCore(tempDir());
    const mine = await call(core, 'tags.create', { name: 'vip', color: 'red' });
    await call(core, 'sampleData.add', {});
    await call(core, 'sampleData.remove', {});
    expect((await call(core, 'tags.list', {})).tags.map((tag) => tag.id)).toEqual([mine.id]);
  });
});

describe('welcome', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('shows on a new data folder until dismissed, and never again after a restart', async () => {
    const dir = tempDir();
    let core = await openCore(dir);
    expect(await call(core, 'welcome.status', {})).toEqual({ show: true });
    await call(core, 'welcome.dismiss', {});
    expect(await call(core, 'welcome.status', {})).toEqual({ show: false });
    await core.close();
    core = await openCore(dir);
    expect(await call(core, 'welcome.status', {})).toEqual({ show: false });
  });

  it('does not show on a folder that has records, even one moved to the trash', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    await call(core, 'contacts.delete', { id: anna.id });
    expect(await call(core, 'welcome.status', {})).toEqual({ show: false });
  });
});
