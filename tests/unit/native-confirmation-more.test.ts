import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { call, count, failure } from '../support/crm';
import { useCores } from '../support/core';
import { recordingDesktop } from '../support/recording-desktop';
import { samples } from '../support/sample-files';
import { useTempDirs } from '../support/temp-dir';
import { upload } from '../support/upload';

/**
 * The rest of the requests that destroy data for good (the contract audit
 * after native-confirmation.test.ts): each is asked in main's native dialog,
 * whoever sent it. "No" changes nothing, not a row, not a value, not a file,
 * and answers CANCELLED; "yes" does it.
 */
describe('native confirmation, campaigns, lead sources, templates and files', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function start(answer: boolean) {
    const desktop = recordingDesktop();
    desktop.confirmAnswer = answer;
    const core = await openCore(tempDir(), { desktop });
    return { core, desktop };
  }

  /** Every row of every table, value for value: "nothing changed" means this is the same. */
  function everything(core: Core): Record<string, string[]> {
    const tables = core.db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
      )
      .pluck()
      .all();
    return Object.fromEntries(
      tables.map((table) => [
        table,
        core.db
          .prepare(`SELECT * FROM "${table}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  }

  function storedFiles(core: Core): string[] {
    return readdirSync(core.paths.attachments, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  }

  describe('deleting a campaign', () => {
    async function campaignWithResults(answer: boolean) {
      const harness = await start(answer);
      const { core } = harness;
      const people = [];
      for (const name of ['Anna', 'Bob', 'Carl'])
        people.push(await call(core, 'contacts.create', { name, email: `${name.toLowerCase()}@example.com` }));
      const spring = await call(core, 'campaigns.create', { name: 'Spring offer' });
      await call(core, 'campaigns.addMembers', {
        campaignId: spring.id,
        contactIds: people.map((person) => person.id),
      });
      await call(core, 'campaigns.setStatus', {
        campaignId: spring.id,
        contactIds: [people[0]!.id],
        status: 'replied',
      });
      // Carl is in the trash: his membership goes with the campaign all the same, so he counts.
      await call(core, 'contacts.delete', { id: people[2]!.id });
      const template = await call(core, 'templates.create', {
        name: 'Offer',
        subject: 'Spring',
        body: 'Our spring offer.',
        format: 'text',
      });
      await call(core, 'templates.choose', { campaignId: spring.id, templateId: template.id });
      await call(core, 'templates.queue', { campaignId: spring.id, templateId: template.id });
      return { ...harness, spring };
    }

    it('answered no: the campaign, its members, their results and its queued emails all stay', async () => {
      const { core, desktop, spring } = await campaignWithResults(false);
      const before = everything(core);
      expect(await failure(core, 'campaigns.delete', { id: spring.id })).toMatchObject({
        code: 'CANCELLED',
        message: 'The campaign “Spring offer” was not deleted.',
      });
      expect(everything(core)).toEqual(before);
      expect(count(core, 'SELECT count(*) FROM campaign_members WHERE campaign_id = ?', spring.id)).toBe(3);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Delete campaign',
          message: 'Delete the campaign “Spring offer”?',
          detail:
            '3 members and their results go. The contacts stay. 2 emails waiting to be sent are not sent. This cannot be undone.',
          confirmLabel: 'Delete Campaign',
        },
      ]);
    });

    it('answered yes: the campaign and its members go, the contacts stay', async () => {
      const { core, desktop, spring } = await campaignWithResults(true);
      expect(await call(core, 'campaigns.delete', { id: spring.id })).toEqual({ id: spring.id, membersRemoved: 3 });
      expect(desktop.confirmations).toHaveLength(1);
      expect(count(core, 'SELECT count(*) FROM campaigns')).toBe(0);
      expect(count(core, 'SELECT count(*) FROM campaign_members')).toBe(0);
      expect(count(core, 'SELECT count(*) FROM outbox')).toBe(0);
      expect(count(core, 'SELECT count(*) FROM contacts')).toBe(3);
    });

    it('a campaign no longer there is refused before anyone is asked', async () => {
      const { core, desktop } = await start(true);
      expect(await failure(core, 'campaigns.delete', { id: 404 })).toMatchObject({ code: 'NOT_FOUND' });
      expect(desktop.confirmations).toEqual([]);
    });
  });

  describe('deleting a lead source that records carry', () => {
    async function sourceInUse(answer: boolean) {
      const harness = await start(answer);
      const { core } = harness;
      const fair = await call(core, 'leadSources.create', { name: 'Trade fair' });
      await call(core, 'contacts.create', { name: 'Anna', leadSource: 'Trade fair' });
      const bob = await call(core, 'contacts.create', { name: 'Bob', leadSource: 'Trade fair' });
      await call(core, 'companies.create', { name: 'Acme', leadSource: 'Trade fair' });
      // Bob is in the trash: the delete clears his source too, so he counts.
      await call(core, 'contacts.delete', { id: bob.id });
      return { ...harness, fair };
    }

    it('answered no: every record keeps its lead source', async () => {
      const { core, desktop, fair } = await sourceInUse(false);
      const before = everything(core);
      expect(await failure(core, 'leadSources.delete', { id: fair.id, clearOnRecords: true })).toMatchObject({
        code: 'CANCELLED',
        message: 'The lead source “Trade fair” was not deleted.',
      });
      expect(everything(core)).toEqual(before);
      expect(count(core, "SELECT count(*) FROM contacts WHERE lead_source = 'Trade fair'")).toBe(2);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Delete lead source',
          message: 'Delete the lead source “Trade fair”?',
          detail:
            '2 contacts and 1 company have it; they are left without a lead source. The records themselves stay. This cannot be undone.',
          confirmLabel: 'Delete Lead Source',
        },
      ]);
    });

    it('answered yes: the source goes and the records are left without one', async () => {
      const { core, desktop, fair } = await sourceInUse(true);
      expect(await call(core, 'leadSources.delete', { id: fair.id, clearOnRecords: true })).toEqual({
        id: fair.id,
        clearedContacts: 2,
        clearedCompanies: 1,
      });
      expect(desktop.confirmations).toHaveLength(1);
      expect(count(core, 'SELECT count(*) FROM contacts WHERE lead_source IS NOT NULL')).toBe(0);
      expect((await call(core, 'leadSources.list', {})).leadSources.map((source) => source.name)).not.toContain(
        'Trade fair',
      );
    });

    it('without clearOnRecords it is refused before anyone is asked', async () => {
      const { core, desktop, fair } = await sourceInUse(true);
      expect(await failure(core, 'leadSources.delete', { id: fair.id })).toMatchObject({ code: 'VALIDATION' });
      expect(desktop.confirmations).toEqual([]);
    });
  });

  describe('deleting a template', () => {
    it('answered no: the template and the campaign’s choice of it stay; yes: it goes', async () => {
      const { core, desktop } = await start(false);
      const hello = await call(core, 'templates.create', {
        name: 'Hello',
        subject: 'Hi',
        body: 'Hello there',
        format: 'text',
      });
      const spring = await call(core, 'campaigns.create', { name: 'Spring offer' });
      await call(core, 'templates.choose', { campaignId: spring.id, templateId: hello.id });
      const before = everything(core);
      expect(await failure(core, 'templates.delete', { id: hello.id })).toMatchObject({
        code: 'CANCELLED',
        message: 'The template “Hello” was not deleted.',
      });
      expect(everything(core)).toEqual(before);
      expect(await call(core, 'templates.ofCampaign', { campaignId: spring.id })).toEqual({ templateId: hello.id });
      expect(desktop.confirmations).toEqual([
        {
          title: 'Delete template',
          message: 'Delete the template “Hello”?',
          detail:
            'Its subject and message go for good. 1 campaign uses it and will have no message chosen. Emails already queued or sent are not changed. This cannot be undone.',
          confirmLabel: 'Delete Template',
        },
      ]);

      desktop.confirmAnswer = true;
      expect(await call(core, 'templates.delete', { id: hello.id })).toEqual({ id: hello.id });
      expect((await call(core, 'templates.list', {})).templates).toEqual([]);
      expect(await call(core, 'templates.ofCampaign', { campaignId: spring.id })).toEqual({ templateId: null });
    });
  });

  describe('removing an attachment', () => {
    it('answered no: the row and the stored file stay; yes: both go', async () => {
      const { core, desktop } = await start(false);
      const anna = await call(core, 'contacts.create', { name: 'Anna Berg' });
      const added = await upload(core, anna.id, 'quote.pdf', samples.pdf);
      if (!added.ok) throw new Error(added.error.message);
      const files = storedFiles(core);
      const before = everything(core);
      expect(await failure(core, 'attachments.remove', { id: added.data.id })).toMatchObject({
        code: 'CANCELLED',
        message: '“quote.pdf” was not removed.',
      });
      expect(everything(core)).toEqual(before);
      expect(storedFiles(core)).toEqual(files);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Remove file',
          message: 'Remove the file “quote.pdf”?',
          detail:
            'Removed files do not go to the trash: it is gone from Rolodesk for good. Copies you saved elsewhere are not affected. This cannot be undone.',
          confirmLabel: 'Remove File',
        },
      ]);

      desktop.confirmAnswer = true;
      expect(await call(core, 'attachments.remove', { id: added.data.id })).toEqual({ id: added.data.id });
      expect(count(core, 'SELECT count(*) FROM attachments')).toBe(0);
      expect(storedFiles(core)).toEqual([]);
    });
  });

  describe("removing a contact's photo", () => {
    async function annaWithPhoto(answer: boolean) {
      const harness = await start(answer);
      const anna = await call(harness.core, 'contacts.create', { name: 'Anna Berg' });
      const started = await call(harness.core, 'attachments.start', {
        record: { kind: 'contact', id: anna.id },
        fileName: 'anna.png',
        size: samples.png.length,
      });
      await call(harness.core, 'attachments.chunk', {
        uploadId: started.uploadId,
        offset: 0,
        data: samples.png.toString('base64'),
      });
      const withPhoto = await call(harness.core, 'contacts.setPhoto', { id: anna.id, uploadId: started.uploadId });
      return { ...harness, anna: withPhoto };
    }

    it('answered no: the photo and its file stay', async () => {
      const { core, desktop, anna } = await annaWithPhoto(false);
      const files = storedFiles(core);
      const before = everything(core);
      expect(await failure(core, 'contacts.removePhoto', { id: anna.id })).toMatchObject({
        code: 'CANCELLED',
        message: 'The photo of Anna Berg was not removed.',
      });
      expect(everything(core)).toEqual(before);
      expect(storedFiles(core)).toEqual(files);
      expect((await call(core, 'contacts.get', { id: anna.id })).photo).toBe(anna.photo);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Remove photo',
          message: 'Remove the photo of Anna Berg?',
          detail: 'Removed photos do not go to the trash: it is gone from Rolodesk for good. This cannot be undone.',
          confirmLabel: 'Remove Photo',
        },
      ]);
    });

    it('answered yes: the photo and its file go', async () => {
      const { core, desktop, anna } = await annaWithPhoto(true);
      expect((await call(core, 'contacts.removePhoto', { id: anna.id })).photo).toBeNull();
      expect(desktop.confirmations).toHaveLength(1);
      expect(existsSync(join(core.paths.attachments, anna.photo!.slice(0, 2), anna.photo!))).toBe(false);
    });

    it('a contact without a photo loses nothing, so nobody is asked', async () => {
      const { core, desktop } = await start(false);
      const bob = await call(core, 'contacts.create', { name: 'Bob' });
      expect((await call(core, 'contacts.removePhoto', { id: bob.id })).photo).toBeNull();
      expect(desktop.confirmations).toEqual([]);
    });
  });
});
