import { describe, expect, it } from 'vitest';
import { call, count, failure, smallCrm } from '../support/crm';
import { useCores } from '../support/core';
import { recordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';
import { objectContaining, stringContaining, stringMatching } from '../support/matchers';

/**
 * Requests that destroy data for good are asked in main's native dialog,
 * whoever sent them: a compromised page cannot click that dialog. "No"
 * changes nothing and answers CANCELLED; "yes" does it.
 */
describe('native confirmation of what cannot be undone', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function start(answer: boolean) {
    const desktop = recordingDesktop();
    desktop.confirmAnswer = answer;
    const core = await openCore(tempDir(), { desktop });
    return { core, desktop };
  }

  /** Every row the CRM holds, table by table: "nothing changed" means all of these are the same. */
  function rowCounts(core: Awaited<ReturnType<typeof start>>['core']): Record<string, number> {
    const tables = core.db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name",
      )
      .pluck()
      .all();
    return Object.fromEntries(tables.map((table) => [table, count(core, `SELECT count(*) FROM "${table}"`)]));
  }

  describe('deleting a trash entry forever', () => {
    async function trashedCompany(answer: boolean) {
      const harness = await start(answer);
      const crm = await smallCrm(harness.core);
      const { trashId } = await call(harness.core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
      return { ...harness, trashId };
    }

    it('answered no: the entry and all it holds stay in the trash, and the page hears CANCELLED', async () => {
      const { core, desktop, trashId } = await trashedCompany(false);
      const before = rowCounts(core);
      expect(await failure(core, 'trash.deleteForever', { trashId })).toMatchObject({
        code: 'CANCELLED',
        message: stringContaining('still in the trash'),
      });
      expect(rowCounts(core)).toEqual(before);
      expect((await call(core, 'trash.list', {})).rows.map((row) => row.id)).toEqual([trashId]);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Delete forever',
          message: 'Delete “Acme Ltd” forever?',
          detail: stringMatching(/^Goes for good: 1 company, 2 contacts.*This cannot be undone\.$/),
          confirmLabel: 'Delete Forever',
        },
      ]);
    });

    it('answered yes: the entry goes, exactly as the question described it', async () => {
      const { core, desktop, trashId } = await trashedCompany(true);
      const preview = await call(core, 'trash.preview', { trashId });
      expect(await call(core, 'trash.deleteForever', { trashId, planKey: preview.planKey })).toEqual({ purged: 1 });
      expect(desktop.confirmations).toHaveLength(1);
      expect((await call(core, 'trash.list', {})).total).toBe(0);
      expect(count(core, 'SELECT count(*) FROM companies')).toBe(1);
    });

    it('an out-of-date preview is refused before anyone is asked', async () => {
      const { core, desktop, trashId } = await trashedCompany(true);
      expect(
        await failure(core, 'trash.deleteForever', { trashId, planKey: 'not-what-the-preview-said' }),
      ).toMatchObject({ code: 'CONFLICT' });
      expect(desktop.confirmations).toEqual([]);
      expect((await call(core, 'trash.list', {})).total).toBe(1);
    });
  });

  describe('deleting a tag', () => {
    async function taggedOffice(answer: boolean) {
      const harness = await start(answer);
      const vip = await call(harness.core, 'tags.create', { name: 'VIP' });
      for (const name of ['Anna', 'Bob']) await call(harness.core, 'contacts.create', { name, tagIds: [vip.id] });
      const carl = await call(harness.core, 'contacts.create', { name: 'Carl', tagIds: [vip.id] });
      // Carl is in the trash: his tag would not come back with him either, so he counts.
      await call(harness.core, 'contacts.delete', { id: carl.id });
      await call(harness.core, 'views.create', { kind: 'contact', name: 'VIPs', query: { tagIds: [vip.id] } });
      return { ...harness, vip };
    }

    it('answered no: the tag stays on every record', async () => {
      const { core, desktop, vip } = await taggedOffice(false);
      const before = rowCounts(core);
      expect(await failure(core, 'tags.delete', { id: vip.id })).toMatchObject({
        code: 'CANCELLED',
        message: 'The tag “VIP” was not deleted.',
      });
      expect(rowCounts(core)).toEqual(before);
      expect((await call(core, 'tags.list', {})).tags).toEqual([
        objectContaining({ name: 'VIP', counts: { contact: 2, company: 0, deal: 0 } }),
      ]);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Delete tag',
          message: 'Delete the tag “VIP”?',
          detail:
            '3 contacts have this tag. They keep everything else. 1 saved view filters by it; it will show nothing for it. This cannot be undone.',
          confirmLabel: 'Delete Tag',
        },
      ]);
    });

    it('answered yes: the tag is gone from every record', async () => {
      const { core, desktop, vip } = await taggedOffice(true);
      expect(await call(core, 'tags.delete', { id: vip.id })).toEqual({ id: vip.id });
      expect(desktop.confirmations).toHaveLength(1);
      expect((await call(core, 'tags.list', {})).tags).toEqual([]);
      expect(count(core, 'SELECT count(*) FROM contact_tags')).toBe(0);
    });

    it('a tag on no record is asked about too, saying so', async () => {
      const { core, desktop } = await start(true);
      const spare = await call(core, 'tags.create', { name: 'Spare' });
      await call(core, 'tags.delete', { id: spare.id });
      expect(desktop.confirmations.map((question) => question.detail)).toEqual([
        'No record has this tag. This cannot be undone.',
      ]);
    });
  });

  describe('deleting a custom field', () => {
    async function fieldInUse(answer: boolean) {
      const harness = await start(answer);
      const budget = await call(harness.core, 'customFields.create', {
        kind: 'contact',
        label: 'Budget',
        type: 'number',
      });
      await call(harness.core, 'contacts.create', { name: 'Anna', custom: { [budget.id]: 100 } });
      await call(harness.core, 'contacts.create', { name: 'Bob', custom: { [budget.id]: 250 } });
      return { ...harness, budget };
    }

    it('answered no: the field and every value in it stay', async () => {
      const { core, desktop, budget } = await fieldInUse(false);
      const before = rowCounts(core);
      expect(await failure(core, 'customFields.delete', { id: budget.id })).toMatchObject({
        code: 'CANCELLED',
        message: 'The field “Budget” was not deleted.',
      });
      expect(rowCounts(core)).toEqual(before);
      expect(
        core.db
          .prepare('SELECT value FROM contact_custom_values WHERE field_id = ? ORDER BY value')
          .pluck()
          .all(budget.id),
      ).toEqual([100, 250]);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Delete field',
          message: 'Delete the field “Budget”?',
          detail:
            '2 contacts have values in this field; they go with it. The records keep everything else. This cannot be undone.',
          confirmLabel: 'Delete Field',
        },
      ]);
    });

    it('answered yes: the field and its values are gone', async () => {
      const { core, budget } = await fieldInUse(true);
      expect(await call(core, 'customFields.delete', { id: budget.id })).toEqual({ id: budget.id });
      expect((await call(core, 'customFields.list', {})).fields).toEqual([]);
      expect(count(core, 'SELECT count(*) FROM contact_custom_values')).toBe(0);
    });
  });

  describe('backup settings', () => {
    it('keeping fewer backups, answered no: the settings stay as they were', async () => {
      const { core, desktop } = await start(false);
      const before = (await call(core, 'backups.status', {})).settings;
      expect(await failure(core, 'backups.updateSettings', { ...before, keepNewest: 2, keepWeekly: 1 })).toMatchObject({
        code: 'CANCELLED',
      });
      expect((await call(core, 'backups.status', {})).settings).toEqual(before);
      expect(desktop.confirmations).toEqual([
        {
          title: 'Keep fewer backups',
          message: 'Keep fewer backups?',
          detail: stringMatching(
            /^Rolodesk will keep 2 newest backups instead of 4 and 1 weekly backups instead of 4\. .*This cannot be undone\.$/,
          ),
          confirmLabel: 'Keep Fewer',
        },
      ]);
    });

    it('keeping fewer backups, answered yes: the new settings are saved', async () => {
      const { core, desktop } = await start(true);
      const before = (await call(core, 'backups.status', {})).settings;
      expect((await call(core, 'backups.updateSettings', { ...before, keepDaily: 3 })).settings).toEqual({
        ...before,
        keepDaily: 3,
      });
      expect(desktop.confirmations).toHaveLength(1);
    });

    it('keeping as many or more, or a new interval, needs no question', async () => {
      const { core, desktop } = await start(false);
      const before = (await call(core, 'backups.status', {})).settings;
      const more = {
        intervalMinutes: 60,
        keepNewest: before.keepNewest + 1,
        keepDaily: before.keepDaily,
        keepWeekly: before.keepWeekly + 4,
      };
      expect((await call(core, 'backups.updateSettings', more)).settings).toEqual(more);
      expect(desktop.confirmations).toEqual([]);
    });
  });
});
