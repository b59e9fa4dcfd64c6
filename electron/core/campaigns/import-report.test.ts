import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReportImportSummary } from '../../../shared/schemas/campaign';
import { call, count, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';

describe('a campaign report import', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  /** A core with a campaign of four members, all sent to, and the desktop whose Open dialog answers with `file`. */
  async function campaignWithMembers() {
    const dir = tempDir();
    const desktop = recordingDesktop();
    const core = await openCore(dir, { desktop });
    const people: Record<string, number> = {};
    for (const [name, email] of [
      ['Anna Berg', 'anna@example.com'],
      ['Bo Ek', 'BO@example.com'],
      ['Cleo Ström', 'cleo@example.com'],
      ['Dan Öberg', 'dan@example.com'],
    ] as const) {
      people[name.split(' ')[0]!.toLowerCase()] = (await call(core, 'contacts.create', { name, email })).id;
    }
    const outsider = await call(core, 'contacts.create', { name: 'Eve Outsider', email: 'eve@example.com' });
    const campaign = await call(core, 'campaigns.create', { name: 'Spring offer' });
    await call(core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: Object.values(people) });
    await call(core, 'campaigns.setStatus', { campaignId: campaign.id, withStatus: 'planned', status: 'sent' });
    const importPath = (path: string) => {
      desktop.importFile = path;
      return core.dispatch('campaigns.importReport', { campaignId: campaign.id });
    };
    const importFile = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return importPath(join(dir, name));
    };
    const statusOf = (who: string) =>
      core.db
        .prepare('SELECT status FROM campaign_members WHERE campaign_id = ? AND contact_id = ?')
        .pluck()
        .get(campaign.id, people[who]);
    return { core, desktop, campaign, people, outsider, importFile, importPath, statusOf };
  }

  it('reads a status column (Brevo style), matches emails case-insensitively and says what did not match', async () => {
    const { core, importFile, statusOf, people } = await campaignWithMembers();
    const result = await importFile(
      'brevo.csv',
      [
        'Email;Status;Date',
        'ANNA@example.com;Opened;2026-03-02',
        'bo@example.com;Hard bounce;2026-03-02',
        'cleo@example.com;clicked;2026-03-02',
        'eve@example.com;opened;x',
        'zed@nowhere.example;sent;x',
        'dan@example.com;spam complaint;x',
        ';opened;x',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        chosen: true,
        fileName: 'brevo.csv',
        rows: 7,
        updated: 3,
        alreadySo: 0,
        keptFurtherAlong: 0,
        notInCampaign: { count: 2, first: ['eve@example.com', 'zed@nowhere.example'] },
        unknownStatuses: { count: 1, values: ['spam complaint'] },
        rowsWithoutEmail: 1,
        consentUnsubscribed: 0,
      },
    });
    expect([statusOf('anna'), statusOf('bo'), statusOf('cleo'), statusOf('dan')]).toEqual([
      'opened',
      'bounced',
      'opened',
      'sent',
    ]);
    expect(
      count(core, "SELECT count(*) FROM campaign_member_events WHERE how = 'report' AND contact_id = ?", people.anna),
    ).toBe(1);
  });

  it('reads Mailchimp-style yes/no columns, never moves a status back, and an unsubscribe sets consent by email', async () => {
    const { core, campaign, importFile, statusOf, people } = await campaignWithMembers();
    await call(core, 'campaigns.setStatus', { campaignId: campaign.id, contactIds: [people.anna!], status: 'replied' });
    const result = await importFile(
      'mailchimp.csv',
      [
        'Email Address,First Name,Opened,Clicked,Bounced,Unsubscribed',
        'anna@example.com,Anna,yes,no,no,no',
        'bo@example.com,Bo,no,no,no,no',
        'cleo@example.com,Cleo,yes,yes,no,yes',
        'dan@example.com,Dan,2,0,no,no',
        'dan@example.com,Dan,maybe,0,no,no',
      ].join('\r\n'),
    );
    expect(result.ok && result.data).toMatchObject({
      rows: 5,
      updated: 2,
      alreadySo: 1,
      keptFurtherAlong: 1,
      consentUnsubscribed: 1,
      unknownStatuses: { count: 1, values: ['Opened: maybe'] },
    });
    expect([statusOf('anna'), statusOf('bo'), statusOf('cleo'), statusOf('dan')]).toEqual([
      'replied',
      'sent',
      'unsubscribed',
      'opened',
    ]);
    expect(core.db.prepare('SELECT consent, consent_source FROM contacts WHERE id = ?').get(people.cleo)).toEqual({
      consent: 'unsubscribed',
      consent_source: 'email',
    });
  });

  it('reads a report saved by Excel in Windows-1252, accents and all', async () => {
    const { core, statusOf, importFile } = await campaignWithMembers();
    await call(core, 'contacts.create', { name: 'Zoë', email: 'zoë@exämple.com' });
    const result = await importFile(
      'excel.csv',
      iconv.encode(
        'E-mail;Nom;Statut\r\ndan@example.com;Dan Öberg;Répondu\r\ncleo@example.com;Cléo Ström;replied\r\n',
        'windows-1252',
      ),
    );
    // "Statut" is not a status column title, so there is none: the file is refused, naming its columns in their accents.
    expect(result.ok ? undefined : result.error.message).toContain('“Nom”, “Statut”');
    const withStatus = await importFile(
      'excel2.csv',
      iconv.encode(
        'E-mail;Nom;Status\r\ndan@example.com;Dan Öberg;Répondu\r\ncleo@example.com;Cléo Ström;replied\r\nzoë@exämple.com;Zoë;sent\r\n',
        'windows-1252',
      ),
    );
    expect(withStatus.ok && withStatus.data).toMatchObject({
      updated: 1,
      unknownStatuses: { count: 1, values: ['Répondu'] },
      notInCampaign: { count: 1, first: ['zoë@exämple.com'] },
    });
    expect(statusOf('cleo')).toBe('replied');
  });

  it('refuses a report with no email column, an empty file or titles only, changing nothing', async () => {
    const { core, importFile } = await campaignWithMembers();
    const before = count(core, 'SELECT count(*) FROM campaign_member_events');
    const noEmail = await importFile('no-email.csv', 'Name,Status\nAnna,opened\n');
    expect(noEmail).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
    expect(!noEmail.ok && noEmail.error.message).toBe(
      'This report has no email column, so no one can be matched. Its columns are “Name”, “Status”. Add a column titled “Email” and try again.',
    );
    expect(await importFile('empty.csv', '')).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', message: 'The file is empty.' },
    });
    expect(await importFile('titles.csv', 'Email,Status\n')).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED', message: 'The file has column titles but no rows below them.' },
    });
    expect(await importFile('no-status.csv', 'Email,Name\nanna@example.com,Anna\n')).toMatchObject({
      ok: false,
      error: { code: 'FILE_REFUSED' },
    });
    expect(count(core, 'SELECT count(*) FROM campaign_member_events')).toBe(before);
  });

  it('writes nothing when the file turns out broken past the first rows (one transaction)', async () => {
    const { core, importFile, statusOf } = await campaignWithMembers();
    const result = await importFile('broken.csv', 'Email,Status\nanna@example.com,opened\nbo@example.com,"replied\n');
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED' } });
    expect(statusOf('anna')).toBe('sent');
    expect(count(core, "SELECT count(*) FROM campaign_member_events WHERE how = 'report'")).toBe(0);
  });

  it('says nothing was chosen when the Open dialog is cancelled', async () => {
    const { core, desktop, campaign } = await campaignWithMembers();
    desktop.importFile = undefined;
    expect(await call(core, 'campaigns.importReport', { campaignId: campaign.id })).toEqual({ chosen: false });
    expect((await failure(core, 'campaigns.importReport', { campaignId: 999 })).code).toBe('NOT_FOUND');
  });

  it('reads a 50 MB report of mostly strangers in one go, listing only the first 20 of them', async () => {
    const { importPath, statusOf } = await campaignWithMembers();
    const file = join(tempDir(), 'big.csv');
    const handle = openSync(file, 'w');
    let rows = 1;
    try {
      writeSync(handle, 'Email,Status,Note\nanna@example.com,converted,first\n');
      for (let written = 0; written < 50 * 1024 * 1024;) {
        const lines: string[] = [];
        for (let i = 0; i < 10_000; i++, rows++)
          lines.push(`stranger${rows}@example.com,opened,"a note, long enough to fill the file quickly"`);
        written += writeSync(handle, `${lines.join('\n')}\n`);
      }
    } finally {
      closeSync(handle);
    }
    const result = await importPath(file);
    expect(result.ok && result.data).toMatchObject({ rows, updated: 1, notInCampaign: { count: rows - 1 } });
    expect(result.ok && ReportImportSummary.parse(result.data)).toMatchObject({
      notInCampaign: { first: Array.from({ length: 20 }, (_, i) => `stranger${i + 1}@example.com`) },
    });
    expect(statusOf('anna')).toBe('converted');
  }, 180_000);
});
