import log from 'electron-log/node';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLogger } from '../../electron/core/file-logger';
import { startCore, type CoreHost } from '../../electron/main/core-host';
import type { ChannelName, Input } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { privacyMarkers, leaksIn } from '../support/privacy-markers';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';
import { upload } from '../support/upload';

const ok = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
};

describe('the log file holds no one’s personal data', () => {
  const tempDir = useTempDirs();
  let host: CoreHost | undefined;
  afterEach(async () => {
    await host?.close().catch(() => undefined);
    host = undefined;
  });

  /**
   * A core in its own thread as in the app, its log going to <data>/logs/main.log through the real file
   * logger, the data folder in a home folder named after the user; `act` runs, then the core closes.
   */
  async function loggedRun(act: (core: CoreHost, desktop: RecordingDesktop, files: string) => Promise<void>) {
    const home = join(tempDir(), privacyMarkers.userName);
    const dataDir = join(home, '.config', 'Rolodesk');
    const files = join(home, 'Documents');
    mkdirSync(files, { recursive: true });
    const logger = fileLogger(log, dataDir, { homeDir: home, userName: privacyMarkers.userName, console: false });
    const desktop = recordingDesktop();
    host = await startCore({ dataDir, logger, appVersion: '0.0.0-test', desktop });
    await act(host, desktop, files);
    await host.close();
    host = undefined;
    const text = readFileSync(logger.file, 'utf8');
    const [first, ...rest] = text.split('\n');
    // The data folder is named once, at the start.
    expect(first).toContain(`data folder: ${dataDir}`);
    return { text, rest: rest.join('\n') };
  }

  const caller = (core: CoreHost) => ({
    call: async <C extends ChannelName, T = unknown>(channel: C, input: Input<C>): Promise<T> =>
      ok<T>(await core.dispatch(channel, input)),
    refused: async <C extends ChannelName>(channel: C, input: Input<C>) => {
      const result = await core.dispatch(channel, input);
      expect(result.ok, `${channel} should be refused`).toBe(false);
    },
  });

  it('after every kind of action, main.log has no name, address, file name, note or value, only ids and fingerprints', async () => {
    const m = privacyMarkers;
    const { text, rest } = await loggedRun(async (core, desktop, files) => {
      const { call, refused } = caller(core);
      // Records of every kind, each carrying a marker.
      const company = await call<'companies.create', { id: number; version: number }>('companies.create', {
        name: m.company,
        notes: m.note,
        tagIds: [],
        custom: {},
      });
      const field = await call<'customFields.create', { id: number }>('customFields.create', {
        kind: 'contact',
        label: 'Favourite colour',
        type: 'text',
      });
      const tag = await call<'tags.create', { id: number }>('tags.create', { name: m.tag, color: 'red' });
      const contact = await call<'contacts.create', { id: number; version: number }>('contacts.create', {
        name: m.contact,
        email: m.email,
        notes: m.note,
        companyId: company.id,
        tagIds: [tag.id],
        custom: { [String(field.id)]: m.customValue },
      });
      const deal = await call<'deals.create', { id: number; version: number }>('deals.create', {
        title: m.deal,
        contactId: contact.id,
        valueMinor: 1000,
        currency: 'EUR',
        notes: m.note,
        tagIds: [],
        custom: {},
      });
      const note = await call<'activities.create', { id: number; version: number }>('activities.create', {
        kind: 'note',
        subject: m.noteSubject,
        body: m.note,
        contactId: contact.id,
        companyId: null,
        dealId: null,
      });
      await call('contacts.update', {
        id: contact.id,
        version: contact.version,
        name: m.contact,
        email: m.email,
        notes: `${m.note} again`,
      });
      await call('search.all', { text: m.search, perKind: 5 });
      await call('contacts.list', { offset: 0, limit: 50, sort: 'name', direction: 'asc', search: m.search });

      // Refused actions whose messages name the record.
      await refused('contacts.update', { id: contact.id, version: contact.version, name: `${m.contact} 2` });
      await refused('activities.update', { id: note.id, version: note.version + 5, subject: 'x' });
      await refused('deals.update', { id: deal.id, version: deal.version + 5, title: 'x' });

      // Marketing: a segment, a campaign with the contact and a template, a message opened in the mail app.
      const segment = await call<'segments.create', { id: number }>('segments.create', {
        name: m.segment,
        definition: { match: 'all', conditions: [{ kind: 'tags', op: 'any', tagIds: [tag.id] }] },
      });
      const campaign = await call<'campaigns.create', { id: number }>('campaigns.create', {
        name: m.campaign,
        channel: 'email',
      });
      await call('campaigns.addFromSegment', { campaignId: campaign.id, segmentId: segment.id });
      const template = await call<'templates.create', { id: number }>('templates.create', {
        name: m.template,
        subject: `Hello {{first_name}} ${m.templateText}`,
        body: m.templateText,
        format: 'text',
      });
      await refused('templates.create', { name: m.template, subject: 'x', body: 'y', format: 'text' });
      await call('templates.preview', { subject: 'Hi', body: m.templateText, format: 'text', contactId: contact.id });
      await call('templates.check', { subject: 'Hi', body: `{{${m.templateText}}}`, format: 'text' });
      const broken = await call<'templates.create', { id: number }>('templates.create', {
        name: `${m.template} 2`,
        subject: 'Hi',
        body: `{{${m.templateText}}}`,
        format: 'text',
      });
      await refused('templates.queue', { campaignId: campaign.id, templateId: broken.id });
      await call('templates.mailto', { campaignId: campaign.id, templateId: template.id, contactId: contact.id });
      desktop.saveLocation = join(files, `${m.fileName}.csv`);
      await call('templates.exportCsv', { campaignId: campaign.id, templateId: template.id });
      await call('sending.settings.update', {
        host: m.smtpHost,
        port: 587,
        security: 'starttls',
        user: m.email,
        fromName: m.contact,
        fromAddress: m.email,
        messagesPerMinute: 30,
      });
      await call('sending.setPassword', { password: m.password });
      await call('templates.queue', { campaignId: campaign.id, templateId: template.id });

      // An import of a small CSV whose cells carry markers, its rejected rows saved, then undone.
      const csvPath = join(files, `${m.fileName}.import.csv`);
      writeFileSync(
        csvPath,
        `Name,Email,Notes\n${m.importName},${m.importEmail},${m.importNote}\n"${m.importName} 2",not-an-address-${m.importNote},x\n`,
      );
      desktop.importFile = csvPath;
      const opened = await call<'import.open', { importId: string }>('import.open', {
        kind: 'contact',
        source: { type: 'dialog' },
      });
      await call('import.inspect', { importId: opened.importId, read: {} });
      const run = await call<'import.run', { runId: number }>('import.run', {
        importId: opened.importId,
        mapping: ['name', 'email', 'notes'],
        duplicates: 'skip',
      });
      desktop.saveLocation = join(files, `${m.fileName}.rejected.csv`);
      await core.dispatch('import.saveRejected', { runId: run.runId });
      await call('import.undo', { runId: run.runId });
      await refused('import.undo', { runId: run.runId });

      // An export of the list.
      desktop.saveLocation = join(files, `${m.fileName}.export.csv`);
      await call('export.list', {
        list: {
          kind: 'contact',
          query: { sort: 'name', direction: 'asc', search: '', tagIds: [], tagMatch: 'any', custom: [] },
        },
        format: 'csv',
      });
      desktop.saveLocation = join(files, 'missing folder', `${m.fileName}.csv`);
      await refused('export.list', {
        list: {
          kind: 'contact',
          query: { sort: 'name', direction: 'asc', search: '', tagIds: [], tagMatch: 'any', custom: [] },
        },
        format: 'csv',
      });

      // Trash and back.
      await call('contacts.delete', { id: contact.id });
      const trash = await call<'trash.list', { rows: Array<{ id: number }> }>('trash.list', { offset: 0, limit: 50 });
      await call('trash.restore', { trashId: trash.rows[0]!.id });

      // Backups: a snapshot, an export to a chosen file, a restore from it, a new backup folder.
      await call('backups.create', {});
      desktop.saveLocation = join(files, `${m.fileName}.backup.zip`);
      await call('backups.export', {});
      desktop.backupFile = desktop.saveLocation;
      await call('backups.restoreFromFile', {});
      desktop.folder = join(files, m.contact);
      mkdirSync(desktop.folder);
      await call('backups.chooseLocation', {});
      desktop.backupFile = join(files, `${m.fileName}.not-a-backup.zip`);
      writeFileSync(desktop.backupFile, 'not a zip');
      await refused('backups.restoreFromFile', {});
    });
    expect(leaksIn(rest)).toEqual([]);
    // It is still a useful log: the actions are there, by id and fingerprint.
    expect(text).toMatch(/file opened for import \{[^}]*fileName: '#[0-9a-f]{12}'/);
    expect(text).toContain('<data>/crm.db');
  });

  // Fixed in electron/core/attachments by h-files: this fails until that branch is merged.
  it('after adding, opening and saving a copy of an attachment, main.log has neither its name nor the paths', async () => {
    const m = privacyMarkers;
    const { rest } = await loggedRun(async (core, desktop, files) => {
      const { call } = caller(core);
      const contact = await call<'contacts.create', { id: number }>('contacts.create', {
        name: m.contact,
        email: m.email,
      });
      // An attachment, opened and saved as a copy somewhere in the user's documents.
      const attachment = ok<{ id: number }>(
        await upload(core, contact.id, m.fileName, Buffer.from('%PDF-1.4\n%leak\n')),
      );
      await call('attachments.open', { id: attachment.id });
      desktop.saveLocation = join(files, `copy of ${m.fileName}`);
      await call('attachments.saveCopy', { id: attachment.id });
    });
    expect(leaksIn(rest)).toEqual([]);
  });
});
