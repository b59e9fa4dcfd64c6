import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unzipped } from '../../../tests/support/archives';
import { call, failure, update } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';
import { personReader } from './person-data';
import { anyNumber, anyString } from '../../../tests/support/matchers';

/** The part of person.json that lists the attached files and where each is in the archive. */
const PersonFiles = z.object({ files: z.array(z.object({ fileName: z.string(), inArchive: z.string() })) });

describe('everything about one person, in one archive', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('writes person.json, the CSVs, their files under safe unique names, and a README', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-07T09:30:00.000Z') });
    const company = await call(core, 'companies.create', { name: 'Acme Ltd' });
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    const tag = await call(core, 'tags.create', { name: 'VIP' });
    const ana = await call(core, 'contacts.create', {
      name: 'Ana Souza',
      email: 'ana@acme.example',
      companyId: company.id,
      notes: '=HYPERLINK("http://evil.example")',
    });
    await update(core, 'contacts.update', {
      id: ana.id,
      name: 'Ana Souza',
      email: 'ana@acme.example',
      companyId: company.id,
      notes: '=HYPERLINK("http://evil.example")',
      consent: 'subscribed',
      tagIds: [tag.id],
      custom: { [budget.id]: 5000 },
    });
    await call(core, 'activities.create', {
      kind: 'call',
      subject: 'Intro call',
      body: 'Talked about the renewal',
      contactId: ana.id,
    });
    await call(core, 'deals.create', {
      title: 'Acme renewal',
      companyId: company.id,
      contactId: ana.id,
      valueMinor: 150_000,
      currency: 'EUR',
    });
    const campaign = await call(core, 'campaigns.create', { name: 'Spring offer' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [ana.id] });
    expect((await upload(core, ana.id, 'notes.txt', samples.text)).ok).toBe(true);
    expect((await upload(core, ana.id, 'NOTES.txt', Buffer.from('another text\n'))).ok).toBe(true);
    expect((await upload(core, ana.id, 'Q3: plan?.txt', Buffer.from('the plan\n'))).ok).toBe(true);
    const folder = tempDir();
    desktop.saveLocation = join(folder, 'ana.zip');

    expect(await call(core, 'privacy.exportPerson', { contactId: ana.id })).toEqual({
      saved: true,
      counts: { activities: 1, historyEntries: anyNumber(), campaigns: 1, messages: 0, files: 3 },
    });
    expect(readdirSync(folder)).toEqual(['ana.zip']);
    const entries = await unzipped(join(folder, 'ana.zip'));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'README.txt',
        'person.json',
        'contact.csv',
        'company.csv',
        'consent-history.csv',
        'deals.csv',
        'activities.csv',
        'history.csv',
        'campaigns.csv',
        'campaign-events.csv',
        'messages.csv',
        'files.csv',
        // Names are compared without case, as Windows and macOS do; characters Windows refuses become _.
        'files/NOTES.txt',
        'files/notes (2).txt',
        'files/Q3_ plan_.txt',
      ].sort(),
    );
    expect(entries['files/notes (2).txt']).toEqual(samples.text);
    expect(entries['files/Q3_ plan_.txt']!.toString('utf8')).toBe('the plan\n');
    const person: unknown = JSON.parse(entries['person.json']!.toString('utf8'));
    expect(person).toMatchObject({
      madeAt: '2026-12-07T09:30:00.000Z',
      contact: { name: 'Ana Souza', email: 'ana@acme.example', company: 'Acme Ltd', consent: 'subscribed' },
      customFields: { Budget: 5000 },
      tags: ['VIP'],
      company: [{ name: 'Acme Ltd' }],
      deals: [{ title: 'Acme renewal', value: 1500, currency: 'EUR', stage: anyString() }],
      activities: [{ kind: 'call', subject: 'Intro call', body: 'Talked about the renewal', company: 'Acme Ltd' }],
      campaignMemberships: [{ campaign: 'Spring offer', status: 'planned' }],
      consentHistory: [{ oldValue: 'Not asked', newValue: 'Subscribed (by hand)' }],
    });
    expect(PersonFiles.parse(person).files.map((file) => [file.fileName, file.inArchive])).toEqual([
      ['NOTES.txt', 'files/NOTES.txt'],
      ['Q3: plan?.txt', 'files/Q3_ plan_.txt'],
      ['notes.txt', 'files/notes (2).txt'],
    ]);
    const contactCsv = entries['contact.csv']!.toString('utf8');
    expect(contactCsv.startsWith('\ufeffId,Name,Email,Phone,Company,Notes,Lead source,')).toBe(true);
    // The formula is written as text a spreadsheet shows, never runs.
    expect(contactCsv).toContain(`'=HYPERLINK(""http://evil.example"")`);
    expect(contactCsv.trimEnd().endsWith(',5000,VIP')).toBe(true);
    expect(entries['activities.csv']!.toString('utf8')).toContain('Intro call,Talked about the renewal');
    const readme = entries['README.txt']!.toString('utf8');
    expect(readme).toContain('Everything Rolodesk holds about Ana Souza');
    expect(readme).toContain('Made on 2026-12-07 at 09:30 UTC');
    expect(readme).toContain('- activities.csv: notes, calls, meetings, emails and tasks about them (1).');
  });

  it('suggests "<name> – personal data <date>.zip"; a cancelled dialog writes nothing; a missing person is NOT_FOUND', async () => {
    const desktop = recordingDesktop();
    const suggested: string[] = [];
    desktop.chooseSaveLocation = (name) => {
      suggested.push(name);
      return Promise.resolve(undefined);
    };
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-07T09:30:00.000Z') });
    const ana = await call(core, 'contacts.create', { name: 'Ana Souza' });
    expect(await call(core, 'privacy.exportPerson', { contactId: ana.id })).toMatchObject({ saved: false });
    expect(suggested).toEqual(['Ana Souza – personal data 2026-12-07.zip']);
    expect(await failure(core, 'privacy.exportPerson', { contactId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a folder that is gone is a plain error, and no partial file is left', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const ana = await call(core, 'contacts.create', { name: 'Ana Souza' });
    const folder = tempDir();
    desktop.saveLocation = join(folder, 'gone', 'ana.zip');
    expect(await failure(core, 'privacy.exportPerson', { contactId: ana.id })).toMatchObject({ code: 'STORAGE' });
    expect(existsSync(join(folder, 'gone'))).toBe(false);
  });

  it('a person with 1,000 activities exports in well under a second of the core’s time', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const ana = await call(core, 'contacts.create', { name: 'Ana Souza' });
    const insert = core.db.prepare(
      "INSERT INTO activities (kind, subject, body, occurred_at, contact_id, created_at, updated_at) VALUES ('note', ?, ?, ?, ?, ?, ?)",
    );
    core.db.transaction(() => {
      for (let n = 0; n < 1000; n++)
        insert.run(
          `Note ${n}`,
          'A note of a few words about the call we had. '.repeat(5),
          '2026-01-01T00:00:00.000Z',
          ana.id,
          '2026-01-01T00:00:00.000Z',
          '2026-01-01T00:00:00.000Z',
        );
    })();
    desktop.saveLocation = join(tempDir(), 'ana.zip');
    const started = performance.now();
    expect(await call(core, 'privacy.exportPerson', { contactId: ana.id })).toMatchObject({
      saved: true,
      counts: { activities: 1000 },
    });
    const took = performance.now() - started;
    // The read holds the core's thread (one transaction); the ZIP is written on streams.
    const readStarted = performance.now();
    personReader(core.db).read(ana.id);
    const readTook = performance.now() - readStarted;
    console.log(
      `export of a person with 1,000 activities: ${took.toFixed(0)} ms in all, the read ${readTook.toFixed(0)} ms`,
    );
    expect(readTook).toBeLessThan(500);
    expect(took).toBeLessThan(3000);
    const person: unknown = JSON.parse((await unzipped(desktop.saveLocation))['person.json']!.toString('utf8'));
    expect(z.object({ activities: z.array(z.unknown()) }).parse(person).activities).toHaveLength(1000);
  });
});
