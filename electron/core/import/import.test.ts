import { describe, expect, it } from 'vitest';
import { call, count, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, openFile, writeFile } from './test-kit';

describe('importing contacts from a CSV file', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function setUp() {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop, clock: fixedClock('2026-12-06T10:00:00.000Z') });
    return { core, desktop, dir: tempDir() };
  }

  it('detects, suggests a mapping, previews and imports, tagging each record and noting it in its timeline', async () => {
    const { core, desktop, dir } = await setUp();
    const path = writeFile(dir, 'people.csv', 'First Name,Last Name,Email,Phone,Company,Notes\nAnna,Berg,anna@example.com,+46 70 123 45 67,Acme Ltd,Met at the fair\nBob,Stone,bob@example.com,,Globex,\n');
    const file = await openFile(core, desktop, path);
    expect(file.inspection.info).toMatchObject({ format: 'csv', fileName: 'people.csv', delimiter: ',', hasHeader: true });
    expect(file.inspection.suggested).toEqual(['firstName', 'lastName', 'email', 'phone', 'company', 'notes']);
    expect(file.inspection.preset).toBe('Plain list');
    expect(file.inspection.sample.map((row) => row.line)).toEqual([2, 3]);

    const preview = await file.preview();
    expect(preview.counts).toEqual({ create: 2, update: 0, skip: 0, reject: 0 });
    expect(preview.rows[0]).toMatchObject({ line: 2, outcome: 'create', fields: { name: 'Anna Berg', email: 'anna@example.com', company: 'Acme Ltd', notes: 'Met at the fair' }, problems: [] });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(0);

    const summary = await file.run();
    expect(summary).toMatchObject({ created: 2, updated: 0, skipped: 0, rejected: 0, rejectedRows: [], tagName: 'Imported 2026-12-06' });
    const { rows } = await call(core, 'contacts.list', {});
    expect(rows.map((row) => row.name)).toEqual(['Anna Berg', 'Bob Stone']);
    const anna = await call(core, 'contacts.get', { id: rows[0]!.id });
    expect(anna).toMatchObject({ email: 'anna@example.com', phone: '+46 70 123 45 67', company: 'Acme Ltd', notes: 'Met at the fair' });
    expect(anna.companyId).not.toBeNull();
    const { tags } = await call(core, 'tags.list', {});
    expect(tags.map((tag) => tag.name)).toEqual(['Imported 2026-12-06']);
    expect(anna.tagIds).toEqual([tags[0]!.id]);
    const timeline = await call(core, 'timeline.list', { record: { kind: 'contact', id: anna.id } });
    expect(timeline.entries.some((entry) => entry.type === 'change' && entry.change.newValue === 'Imported 2026-12-06')).toBe(true);
    // The company column created the companies and linked the people to them.
    expect((await call(core, 'companies.list', {})).rows.map((row) => row.name)).toEqual(['Acme Ltd', 'Globex']);
    // Searchable at once: the search index was kept by the same code the app writes with.
    expect((await call(core, 'search.all', { text: 'Berg', kinds: ['contact'] })).groups[0]?.hits.map((hit) => hit.title)).toEqual(['Anna Berg']);
    expect((await call(core, 'import.list', {})).imports).toEqual([
      expect.objectContaining({ runId: summary.runId, kind: 'contact', fileName: 'people.csv', created: 2, undoable: true, undoneAt: null }),
    ]);
  });
});
