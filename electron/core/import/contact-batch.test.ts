import { describe, expect, it } from 'vitest';
import { call, count } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, writeFile } from '../../../tests/support/import-files';

const people = 600;

/** Person i: every third tagged, every fifth with a plan, seven companies; line 12 repeats person 10, the last line person 300. */
function fileText(): string {
  const lines = ['Name,Email,Phone,Company,Tags,Plan'];
  for (let i = 1; i <= people; i++) {
    lines.push(
      `Person ${i},person${i}@example.com,+46 70 ${String(i).padStart(7, '0')},Company ${i % 7},${i % 3 === 0 ? 'vip;north' : ''},${i % 5 === 0 ? 'Gold' : ''}`,
    );
    if (i === 10) lines.push('Person Ten,PERSON10@example.com,,,late,');
  }
  lines.push('Person Three Hundred,person300@example.com,,,late,');
  return lines.join('\n') + '\n';
}

describe('contacts an import writes a batch at a time', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('are matched by later rows, carry their tags, plans, companies and history, and undo whole', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-06T10:00:00.000Z') });
    const plan = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Plan',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const path = writeFile(tempDir(), 'people.csv', fileText());
    const mapping = ['name', 'email', 'phone', 'company', 'tag', `custom:${plan.id}`];

    const summary = await importFile(core, desktop, path, 'contact', { mapping, duplicates: 'fill' });

    // Line 12 finds the contact line 11 created, still in the unwritten batch; the last line one of an earlier batch.
    expect(summary).toMatchObject({ created: people, updated: 2, skipped: 0, rejected: 0 });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(people);
    expect(count(core, 'SELECT count(*) FROM companies')).toBe(7);
    // Ids follow the file, as one insert per row gave them.
    const emails = core.db.prepare<[], string>('SELECT email FROM contacts ORDER BY id').pluck().all();
    expect(emails).toEqual(Array.from({ length: people }, (_, i) => `person${i + 1}@example.com`));

    const byEmail = async (email: string) => {
      const id = count(core, 'SELECT id FROM contacts WHERE email = ?', email);
      return call(core, 'contacts.get', { id });
    };
    const tagNamed = (name: string) => count(core, 'SELECT id FROM tags WHERE name = ?', name);
    const importTag = tagNamed('Imported 2026-12-06');
    expect((await byEmail('person15@example.com')).tagIds.sort()).toEqual(
      [importTag, tagNamed('vip'), tagNamed('north')].sort(),
    );
    expect((await byEmail('person15@example.com')).custom).toEqual({ [String(plan.id)]: 'Gold' });
    expect(await byEmail('person1@example.com')).toMatchObject({
      company: 'Company 1',
      companyId: count(core, "SELECT id FROM companies WHERE name = 'Company 1'"),
      tagIds: [importTag],
      custom: {},
    });
    expect((await byEmail('person10@example.com')).tagIds.sort()).toEqual([importTag, tagNamed('late')].sort());
    expect((await byEmail('person300@example.com')).tagIds.sort()).toEqual(
      [importTag, tagNamed('vip'), tagNamed('north'), tagNamed('late')].sort(),
    );

    // Every created record: one import record and one timeline entry naming the import's tag.
    expect(
      count(
        core,
        "SELECT count(*) FROM import_records WHERE import_id = ? AND action = 'created' AND record_kind = 'contact'",
        summary.runId,
      ),
    ).toBe(people);
    expect(
      count(
        core,
        "SELECT count(DISTINCT contact_id) FROM record_history WHERE action = 'tagged' AND new_value = 'Imported 2026-12-06'",
      ),
    ).toBe(people);
    expect(
      count(
        core,
        "SELECT count(*) FROM record_history WHERE action = 'tagged' AND new_value = 'Imported 2026-12-06' AND contact_id IS NOT NULL",
      ),
    ).toBe(people);
    expect((await call(core, 'contacts.list', { search: 'person599' })).total).toBe(1);

    const undone = await call(core, 'import.undo', { runId: summary.runId });
    expect(undone).toMatchObject({ removed: people + 7, restored: 0, leftAsIs: 0 });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
  });
});
