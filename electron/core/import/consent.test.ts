import { describe, expect, it } from 'vitest';
import { call, count } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { openFile, writeFile } from '../../../tests/support/import-files';
import { consentOfWord } from './consent-words';

const mapping = ['name', 'email', 'leadSource', 'utmCampaign', 'consent'];

describe('importing lead source, UTM and consent', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function setUp() {
    const desktop = recordingDesktop();
    const clock = fixedClock('2026-12-06T10:00:00.000Z');
    const core = await openCore(tempDir(), { desktop, clock });
    // Ulla unsubscribed and Dag asked not to be contacted; Sara is subscribed.
    const ulla = await call(core, 'contacts.create', {
      name: 'Ulla',
      email: 'ulla@example.com',
      consent: 'unsubscribed',
      consentSource: 'email',
    });
    const dag = await call(core, 'contacts.create', {
      name: 'Dag',
      email: 'dag@example.com',
      consent: 'do_not_contact',
      consentSource: 'phone',
    });
    const sara = await call(core, 'contacts.create', {
      name: 'Sara',
      email: 'sara@example.com',
      consent: 'subscribed',
      leadSource: 'Website',
    });
    clock.advance(60_000);
    const path = writeFile(
      tempDir(),
      'people.csv',
      'Name,Email,Lead source,UTM campaign,Consent\n' +
        'Ulla,ulla@example.com,Website,spring,Subscribed\n' +
        'Dag,dag@example.com,,,yes\n' +
        'Sara,sara@example.com,event,,Opted-Out\n' +
        'Zoë,zoe@example.com,Salon Été 🎪,fair,DO NOT CONTACT\n' +
        'Max,max@example.com,,,maybe later\n',
    );
    return { core, desktop, clock, ulla, dag, sara, path };
  }

  it('reads consent words in any case and accent, and refuses an unknown one with a clear reason', () => {
    expect(['subscribed', 'YES', 'opt-in'].map(consentOfWord)).toEqual(['subscribed', 'subscribed', 'subscribed']);
    expect(['Unsubscribed', 'no', 'Opted out', 'opt_out', 'OPTED-OUT'].map(consentOfWord)).toEqual(
      Array(5).fill('unsubscribed'),
    );
    expect(['do not contact', 'Do-Not-Contact', 'don’t contact'].map(consentOfWord)).toEqual(
      Array(3).fill('do_not_contact'),
    );
    expect(['not asked', 'Not_Asked', 'nót äsked'].map(consentOfWord)).toEqual(Array(3).fill('not_asked'));
    expect(consentOfWord('maybe')).toBeUndefined();
  });

  it('keeps the status of people who opted out unless the plan says so, and preview and summary say how many', async () => {
    const { core, desktop, ulla, dag, sara, path } = await setUp();
    const file = await openFile(core, desktop, path);
    const preview = await file.preview({ mapping, duplicates: 'overwrite' });
    expect(preview.optOutChanges).toBe(2);
    expect(preview.newLeadSources).toEqual(['Salon Été 🎪']);
    // Dag's row would change only his consent, which he keeps: nothing to do, so it is skipped.
    expect(preview.counts).toEqual({ create: 1, update: 2, skip: 1, reject: 1 });
    expect(preview.rows[4]).toMatchObject({
      outcome: 'reject',
      problems: [expect.stringContaining('Marketing consent: “maybe later” is not a consent status Rolodesk knows')],
    });

    const summary = await file.run({ mapping, duplicates: 'overwrite' });
    expect(summary).toMatchObject({
      created: 1,
      updated: 2,
      skipped: 1,
      rejected: 1,
      keptOptOuts: 2,
      leadSourcesAdded: ['Salon Été 🎪'],
    });
    // Ulla's row still sets her lead source and campaign: only her consent is kept.
    expect(await call(core, 'contacts.get', { id: ulla.id })).toMatchObject({
      consent: 'unsubscribed',
      consentSource: 'email',
      leadSource: 'Website',
      utmCampaign: 'spring',
    });
    expect(await call(core, 'contacts.get', { id: dag.id })).toMatchObject({
      consent: 'do_not_contact',
      consentSource: 'phone',
    });
    expect(await call(core, 'contacts.get', { id: sara.id })).toMatchObject({
      consent: 'unsubscribed',
      consentSource: 'import',
      consentChangedAt: '2026-12-06T10:01:00.000Z',
      leadSource: 'Event',
    });
    const zoe = (await call(core, 'contacts.list', { search: 'zoe' })).rows[0]!;
    expect(await call(core, 'contacts.get', { id: zoe.id })).toMatchObject({
      consent: 'do_not_contact',
      consentSource: 'import',
      leadSource: 'Salon Été 🎪',
      utmCampaign: 'fair',
    });
    expect((await call(core, 'leadSources.list', {})).leadSources.map((source) => source.name)).toContain(
      'Salon Été 🎪',
    );
    expect(
      count(
        core,
        "SELECT count(*) FROM record_history WHERE contact_id = ? AND field = 'consent' AND new_value = 'Do not contact (by an import)'",
        zoe.id,
      ),
    ).toBe(1);
  });

  it('with the explicit choice changes them too, and undo puts every consent and lead source back', async () => {
    const { core, desktop, ulla, dag, sara, path } = await setUp();
    const file = await openFile(core, desktop, path);
    expect((await file.preview({ mapping, duplicates: 'overwrite', overwriteOptOuts: true })).optOutChanges).toBe(2);
    const summary = await file.run({ mapping, duplicates: 'overwrite', overwriteOptOuts: true });
    expect(summary).toMatchObject({ updated: 3, keptOptOuts: 0 });
    expect((await call(core, 'contacts.get', { id: ulla.id })).consent).toBe('subscribed');
    expect((await call(core, 'contacts.get', { id: dag.id })).consent).toBe('subscribed');

    expect(await call(core, 'import.undo', { runId: summary.runId })).toMatchObject({
      removed: 1,
      restored: 3,
      leftAsIs: 0,
    });
    expect(await call(core, 'contacts.get', { id: ulla.id })).toMatchObject({
      consent: 'unsubscribed',
      leadSource: '',
      utmCampaign: '',
    });
    expect((await call(core, 'contacts.get', { id: dag.id })).consent).toBe('do_not_contact');
    expect(await call(core, 'contacts.get', { id: sara.id })).toMatchObject({
      consent: 'subscribed',
      leadSource: 'Website',
    });
  });

  it('fill sets consent only where it was never asked, and never touches the opted-out', async () => {
    const { core, desktop } = await setUp();
    const noah = await call(core, 'contacts.create', { name: 'Noah', email: 'noah@example.com' });
    const extra = writeFile(
      tempDir(),
      'more.csv',
      'Name,Email,Lead source,UTM campaign,Consent\nNoah,noah@example.com,,,yes\nUlla,ulla@example.com,,,yes\n',
    );
    const file = await openFile(core, desktop, extra);
    // Ulla's row would change her status under Overwrite; Fill never does.
    expect((await file.preview({ mapping, duplicates: 'fill' })).optOutChanges).toBe(1);
    expect(await file.run({ mapping, duplicates: 'fill' })).toMatchObject({ updated: 1, skipped: 1, keptOptOuts: 0 });
    expect(await call(core, 'contacts.get', { id: noah.id })).toMatchObject({
      consent: 'subscribed',
      consentSource: 'import',
    });
  });

  it('imports a company’s lead source and UTM fields', async () => {
    const { core, desktop } = await setUp();
    const path = writeFile(tempDir(), 'companies.csv', 'Name,Lead source,UTM source\nAcme,Referral,partner site\n');
    const file = await openFile(core, desktop, path, 'company');
    expect(await file.run({ mapping: ['name', 'leadSource', 'utmSource'] })).toMatchObject({
      created: 1,
      leadSourcesAdded: [],
    });
    expect((await call(core, 'companies.list', { leadSources: ['Referral'] })).rows[0]).toMatchObject({
      name: 'Acme',
      leadSource: 'Referral',
    });
  });
});
