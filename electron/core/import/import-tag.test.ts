import { describe, expect, it } from 'vitest';
import { call, count } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, writeFile } from '../../../tests/support/import-files';

// The import's tag is put on the records it created in one statement after the rows (write.ts): these are the cases where that could show.
describe("the import's tag on what it created", () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('is on a record a later row of the same file filled, once, with one timeline entry; and on companies the company column created', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-06T10:00:00.000Z') });
    const path = writeFile(
      tempDir(),
      'people.csv',
      'Name,Email,Phone,Company,Notes\nCleo Park,cleo@example.com,,Acme Ltd,\nCleo P.,CLEO@example.com,+46 70 123 45 67,,Second row\nDan Holm,dan@example.com,,,\n',
    );
    const summary = await importFile(core, desktop, path, 'contact', { duplicates: 'fill' });
    expect(summary).toMatchObject({ created: 2, updated: 1, skipped: 0, rejected: 0 });

    const importTag = (await call(core, 'tags.list', {})).tags.find((tag) => tag.name === summary.tagName)!;
    expect(importTag.counts).toEqual({ contact: 2, company: 1, deal: 0 });
    const cleoId = (await call(core, 'contacts.list', { search: 'Cleo' })).rows[0]!.id;
    const cleo = await call(core, 'contacts.get', { id: cleoId });
    expect(cleo).toMatchObject({
      name: 'Cleo Park',
      phone: '+46 70 123 45 67',
      notes: 'Second row',
      tagIds: [importTag.id],
    });
    const tagged = (await call(core, 'timeline.list', { record: { kind: 'contact', id: cleoId } })).entries.filter(
      (entry) => entry.type === 'change' && entry.change.newValue === summary.tagName,
    );
    expect(tagged).toHaveLength(1);
    const acme = (await call(core, 'companies.list', {})).rows[0]!;
    expect((await call(core, 'companies.get', { id: acme.id })).tagIds).toEqual([importTag.id]);

    // Undo takes away all of it: the filled record was the import's own, so it goes too.
    await call(core, 'import.undo', { runId: summary.runId });
    expect(count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
    expect(count(core, 'SELECT count(*) FROM companies WHERE deleted_at IS NULL')).toBe(0);
  });
});
