import { describe, expect, it } from 'vitest';
import { call, count } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, writeFile } from '../../../tests/support/import-files';

const firms = 600;
const phoneOf = (i: number) => `+46 8 ${String(i).padStart(7, '0')}`;

/**
 * Company i: every third tagged, every fifth with a tier. Three later rows repeat a company, each by another key:
 * after line 11 one by company 10's website domain and one by company 20's name (legal form and case aside), both
 * still in the unwritten batch; the last line by company 300's phone written without spaces, batches before.
 */
function fileText(): string {
  const lines = ['Name,Website,Phone,Tags,Tier'];
  for (let i = 1; i <= firms; i++) {
    lines.push(
      `Company ${i} Ltd,company${i}.example,${phoneOf(i)},${i % 3 === 0 ? 'vip;north' : ''},${i % 5 === 0 ? 'Gold' : ''}`,
    );
    if (i === 20)
      lines.push('Tenth Holdings AB,https://www.company10.example/contact,,late,', 'COMPANY 20 GMBH,,,late,');
  }
  lines.push(`Three Hundred Group,,${phoneOf(300).replaceAll(' ', '')},late,`);
  return lines.join('\n') + '\n';
}

const mappingWith = (tierId: number) => ['name', 'website', 'phone', 'tag', `custom:${tierId}`];

describe('companies an import writes a batch at a time', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('are matched by later rows, carry their tags, tiers and history, and undo whole', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-06T10:00:00.000Z') });
    const tier = await call(core, 'customFields.create', {
      kind: 'company',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const path = writeFile(tempDir(), 'firms.csv', fileText());

    const summary = await importFile(core, desktop, path, 'company', {
      mapping: mappingWith(tier.id),
      duplicates: 'fill',
    });

    expect(summary).toMatchObject({ created: firms, updated: 3, skipped: 0, rejected: 0 });
    // Ids follow the file, as one insert per row gave them.
    const names = core.db.prepare<[], string>('SELECT name FROM companies ORDER BY id').pluck().all();
    expect(names).toEqual(Array.from({ length: firms }, (_, i) => `Company ${i + 1} Ltd`));

    const byName = (name: string) =>
      call(core, 'companies.get', { id: count(core, 'SELECT id FROM companies WHERE name = ?', name) });
    const tagNamed = (name: string) => count(core, 'SELECT id FROM tags WHERE name = ?', name);
    const importTag = tagNamed('Imported 2026-12-06');
    expect(await byName('Company 15 Ltd')).toMatchObject({
      website: 'company15.example',
      phone: phoneOf(15),
      custom: { [String(tier.id)]: 'Gold' },
    });
    expect((await byName('Company 15 Ltd')).tagIds.sort()).toEqual(
      [importTag, tagNamed('vip'), tagNamed('north')].sort(),
    );
    expect(await byName('Company 1 Ltd')).toMatchObject({ tagIds: [importTag], custom: {} });
    for (const repeated of ['Company 10 Ltd', 'Company 20 Ltd'])
      expect((await byName(repeated)).tagIds).toContain(tagNamed('late'));
    expect((await byName('Company 300 Ltd')).tagIds.sort()).toEqual(
      [importTag, tagNamed('vip'), tagNamed('north'), tagNamed('late')].sort(),
    );

    // Every created record: one import record and one timeline entry naming the import's tag.
    expect(
      count(
        core,
        "SELECT count(*) FROM import_records WHERE import_id = ? AND action = 'created' AND record_kind = 'company'",
        summary.runId,
      ),
    ).toBe(firms);
    expect(
      count(
        core,
        "SELECT count(*) FROM record_history WHERE action = 'tagged' AND new_value = 'Imported 2026-12-06' AND company_id IS NOT NULL",
      ),
    ).toBe(firms);
    expect(
      count(
        core,
        "SELECT count(DISTINCT company_id) FROM record_history WHERE action = 'tagged' AND new_value = 'Imported 2026-12-06'",
      ),
    ).toBe(firms);
    expect((await call(core, 'companies.list', { search: 'company599' })).total).toBe(1);

    const undone = await call(core, 'import.undo', { runId: summary.runId });
    expect(undone).toMatchObject({ removed: firms, restored: 0, leftAsIs: 0 });
    expect(count(core, 'SELECT count(*) FROM companies WHERE deleted_at IS NULL')).toBe(0);
  });

  it('skip leaves the repeats out, create writes them as companies of their own', async () => {
    for (const [duplicates, created, skipped] of [
      ['skip', firms, 3],
      ['create', firms + 3, 0],
    ] as const) {
      const desktop = recordingDesktop();
      const core = await openCore(tempDir(), { desktop });
      const tier = await call(core, 'customFields.create', {
        kind: 'company',
        label: 'Tier',
        type: 'choice',
        choices: ['Gold', 'Silver'],
      });
      const path = writeFile(tempDir(), 'firms.csv', fileText());

      const summary = await importFile(core, desktop, path, 'company', { mapping: mappingWith(tier.id), duplicates });

      expect(summary).toMatchObject({ created, updated: 0, skipped, rejected: 0 });
      expect(count(core, 'SELECT count(*) FROM companies')).toBe(created);
      expect(
        count(core, "SELECT count(*) FROM company_tags WHERE tag_id = (SELECT id FROM tags WHERE name = 'late')"),
      ).toBe(duplicates === 'skip' ? 0 : 3);
    }
  });
});
