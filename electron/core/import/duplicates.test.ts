import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateActions } from '../../../shared/schemas/import';
import { call, count, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { importFile, openFile, writeFile } from '../../../tests/support/import-files';
import { anyNumber } from '../../../tests/support/matchers';

const header = 'Name,Email,Phone,Notes\n';

describe('duplicates, undo and the imports list', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function setUp() {
    const desktop = recordingDesktop();
    const clock = fixedClock('2026-12-06T10:00:00.000Z');
    const core = await openCore(tempDir(), { desktop, clock });
    // Anna exists, with another capitalisation of her email; Bob exists with only his phone.
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg', email: 'Anna@Example.com', notes: '' });
    const bob = await call(core, 'contacts.create', {
      name: 'Bob Stone',
      phone: '+46 70 111 22 33',
      notes: 'Old note',
    });
    const path = writeFile(
      tempDir(),
      'people.csv',
      header +
        'Anna B.,anna@example.com ,,Met at the fair\nRobert Stone,,070-111 22 33,New note\nCleo Park,cleo@example.com,,\nCleo P.,CLEO@example.com,,Second row\n',
    );
    return { core, desktop, clock, anna, bob, path };
  }

  it('skip: matches by normalised email, then phone, and within the file; a second identical run creates nothing', async () => {
    const { core, desktop, anna, bob, path } = await setUp();
    const file = await openFile(core, desktop, path);
    const preview = await file.preview({ duplicates: 'skip' });
    expect(preview.counts).toEqual({ create: 1, update: 0, skip: 3, reject: 0 });
    expect(preview.rows.map((row) => row.match)).toEqual([
      { type: 'record', id: anna.id, name: 'Anna Berg' },
      { type: 'record', id: bob.id, name: 'Bob Stone' },
      null,
      { type: 'row', line: 4 },
    ]);
    expect(await file.run({ duplicates: 'skip' })).toMatchObject({ created: 1, updated: 0, skipped: 3, rejected: 0 });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(3);
    const again = await importFile(core, desktop, path, 'contact', { duplicates: 'skip' });
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 4 });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(3);
    expect((await call(core, 'contacts.get', { id: anna.id })).name).toBe('Anna Berg');
  });

  it('fill only sets blanks; overwrite replaces; create makes new records anyway', async () => {
    const { core, desktop, anna, bob, path } = await setUp();
    const preview = await (await openFile(core, desktop, path)).preview({ duplicates: 'fill' });
    // An update shows the record as it will be: its own values, its blanks filled from the row.
    expect(preview.rows[0]).toMatchObject({
      outcome: 'update',
      fields: { name: 'Anna Berg', email: 'Anna@Example.com', notes: 'Met at the fair' },
    });
    expect(preview.counts).toEqual({ create: 1, update: 2, skip: 1, reject: 0 });
    const filled = await importFile(core, desktop, path, 'contact', { duplicates: 'fill' });
    // Bob's row has nothing for his blanks (his phone and notes are set): filling changes nothing, so he is skipped.
    expect(filled).toMatchObject({ created: 1, updated: 2, skipped: 1 });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      name: 'Anna Berg',
      email: 'Anna@Example.com',
      notes: 'Met at the fair',
    });
    expect(await call(core, 'contacts.get', { id: bob.id })).toMatchObject({ name: 'Bob Stone', notes: 'Old note' });
    const cleo = (await call(core, 'contacts.list', { search: 'Cleo' })).rows;
    expect(cleo).toHaveLength(1);
    expect(await call(core, 'contacts.get', { id: cleo[0]!.id })).toMatchObject({
      name: 'Cleo Park',
      notes: 'Second row',
    });

    const overwritten = await importFile(core, desktop, path, 'contact', { duplicates: 'overwrite' });
    expect(overwritten.created).toBe(0);
    expect(await call(core, 'contacts.get', { id: bob.id })).toMatchObject({
      name: 'Robert Stone',
      phone: '070-111 22 33',
      notes: 'New note',
    });

    const created = await importFile(core, desktop, path, 'contact', { duplicates: 'create' });
    expect(created).toMatchObject({ created: 4, updated: 0, skipped: 0 });
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(7);
  });

  it('one preview counts every duplicates choice, as each choice previews and runs on its own', async () => {
    // Row 5 matches row 4 (email); row 6 matches row 5 only (phone), so it is a duplicate only when row 5 is written.
    const rows =
      'Anna B.,anna@example.com,,Met at the fair\nRobert Stone,,070-111 22 33,\nCleo Park,cleo@example.com,,\n' +
      'Cleo P.,CLEO@example.com,070-999 00 00,\nC. Park,,0709990000,Call back\nDan Bad,not-an-email,,\n';
    const expected = {
      skip: { create: 2, update: 0, skip: 3, reject: 1 },
      fill: { create: 1, update: 3, skip: 1, reject: 1 },
      overwrite: { create: 1, update: 4, skip: 0, reject: 1 },
      create: { create: 5, update: 0, skip: 0, reject: 1 },
    };
    const { core, desktop } = await setUp();
    const file = await openFile(core, desktop, writeFile(tempDir(), 'chained.csv', header + rows));
    const once = await file.preview({ duplicates: 'fill' });
    expect(once.countsByAction).toEqual(expected);
    expect(once.counts).toEqual(expected.fill);
    for (const action of duplicateActions) {
      const alone = await file.preview({ duplicates: action });
      expect(alone.counts).toEqual(expected[action]);
      expect(alone.countsByAction).toEqual(expected);
    }
    // What a run really does under each choice, each on data of its own.
    for (const action of duplicateActions) {
      const fresh = await setUp();
      const summary = await importFile(
        fresh.core,
        fresh.desktop,
        writeFile(tempDir(), 'chained.csv', header + rows),
        'contact',
        { duplicates: action },
      );
      const { create, update, skip, reject } = expected[action];
      expect(summary, action).toMatchObject({ created: create, updated: update, skipped: skip, rejected: reject });
    }
  });

  it('undo: created records go to the trash as ONE entry, changed ones get their values back, ones edited since are left as they are', async () => {
    const { core, desktop, anna, bob, path } = await setUp();
    const summary = await importFile(core, desktop, path, 'contact', { duplicates: 'overwrite' });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      name: 'Anna B.',
      email: 'anna@example.com',
      notes: 'Met at the fair',
    });
    // Bob is edited after the import: undo leaves him as he now is.
    const bobNow = await call(core, 'contacts.get', { id: bob.id });
    const { id, version, name, phone, company, notes } = bobNow;
    await call(core, 'contacts.update', { id, version, name, phone, company, notes, email: 'bob@example.com' });
    const trashBefore = (await call(core, 'trash.list', {})).total;

    const undone = await call(core, 'import.undo', { runId: summary.runId });
    expect(undone).toEqual({ trashId: anyNumber(), removed: 1, restored: 1, leftAsIs: 1 });
    const trash = await call(core, 'trash.list', {});
    expect(trash.total).toBe(trashBefore + 1);
    expect(trash.rows[0]).toMatchObject({ id: undone.trashId, label: '1 contact imported from “people.csv”' });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      name: 'Anna Berg',
      email: 'Anna@Example.com',
      notes: '',
      tagIds: [],
    });
    expect(await call(core, 'contacts.get', { id: bob.id })).toMatchObject({
      name: 'Robert Stone',
      email: 'bob@example.com',
      notes: 'New note',
    });
    expect((await call(core, 'contacts.list', { search: 'Cleo' })).total).toBe(0);

    // The one entry brings everything it removed back at once.
    expect((await call(core, 'trash.restore', { trashId: undone.trashId! })).counts.contact).toBe(1);
    expect((await call(core, 'contacts.list', { search: 'Cleo' })).total).toBe(1);

    const listed = (await call(core, 'import.list', {})).imports[0]!;
    expect(listed).toMatchObject({ runId: summary.runId, undoable: false, undoneAt: '2026-12-06T10:00:00.000Z' });
    expect((await failure(core, 'import.undo', { runId: summary.runId })).message).toBe(
      'The import of “people.csv” was already undone.',
    );
  });

  it('undo refuses in words, and changes nothing, when the values kept from before the import are damaged', async () => {
    const { core, desktop, anna, path } = await setUp();
    const summary = await importFile(core, desktop, path, 'contact', { duplicates: 'overwrite' });
    core.db
      .prepare("UPDATE import_records SET before = '{\"values\": 3}' WHERE action = 'changed' AND record_id = ?")
      .run(anna.id);

    expect(await failure(core, 'import.undo', { runId: summary.runId })).toMatchObject({
      code: 'NOT_FOUND',
      message:
        'What Rolodesk kept about the records this import changed is damaged, so it cannot be undone. Nothing was changed.',
    });
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({ name: 'Anna B.' });
    expect((await call(core, 'contacts.list', { search: 'Cleo' })).total).toBe(1);
    expect((await call(core, 'import.list', {})).imports[0]).toMatchObject({ runId: summary.runId, undoable: true });
  });

  it('the backup schedule sees an import and its undo (they write on a connection of their own)', async () => {
    const { core, desktop, path } = await setUp();
    expect(await core.backups.snapshotIfChanged('scheduled')).toBeDefined();
    expect(await core.backups.snapshotIfChanged('scheduled')).toBeUndefined();
    const summary = await importFile(core, desktop, path);
    const afterImport = await core.backups.snapshotIfChanged('scheduled');
    expect(afterImport?.counts.contacts).toBe(2 + summary.created);
    await call(core, 'import.undo', { runId: summary.runId });
    expect(await core.backups.snapshotIfChanged('scheduled')).toBeDefined();
  });

  it('lists the imports of the last 30 days only, and refuses to undo an older one', async () => {
    const { core, desktop, clock, path } = await setUp();
    const old = await importFile(core, desktop, path);
    clock.advance(31 * 24 * 60 * 60 * 1000);
    const recent = await importFile(core, desktop, path, 'contact', { duplicates: 'create' });
    expect((await call(core, 'import.list', {})).imports.map((run) => run.runId)).toEqual([recent.runId]);
    const refused = await failure(core, 'import.undo', { runId: old.runId });
    expect(refused.message).toBe('Imports can be undone for 30 days; the import of “people.csv” is older.');
    expect(count(core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(
      2 + old.created + recent.created,
    );
  });

  it('companies: matched by phone, name (legal form aside) and website domain', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const acme = await call(core, 'companies.create', { name: 'Acme Ltd', website: 'https://www.acme.example/about' });
    const globex = await call(core, 'companies.create', { name: 'Globex Corporation', phone: '+1 555 123 4567' });
    const path = writeFile(
      tempDir(),
      'companies.csv',
      'Company name,Website,Phone,Industry\nACME,,,Engineering\nAcme Sweden AB,acme.example,,\nGlobex Intl,,555-123-4567,Media\nInitech,initech.example,,Software\n',
    );
    const file = await openFile(core, desktop, path, 'company');
    expect(file.inspection.suggested).toEqual(['name', 'website', 'phone', 'industry']);
    const preview = await file.preview({ duplicates: 'fill' });
    expect(preview.rows.map((row) => (row.match?.type === 'record' ? row.match.id : null))).toEqual([
      acme.id,
      acme.id,
      globex.id,
      null,
    ]);
    const summary = await file.run({ duplicates: 'fill' });
    // A company import's own companies are its created ones, not counted again.
    expect(summary).toMatchObject({ created: 1, companiesCreated: 0, updated: 2, skipped: 1 });
    expect(await call(core, 'companies.get', { id: acme.id })).toMatchObject({
      name: 'Acme Ltd',
      industry: 'Engineering',
    });
    expect(await call(core, 'companies.get', { id: globex.id })).toMatchObject({ industry: 'Media' });
  });

  it('saves the rejected rows as they were in the file, with a Problem column, re-importable after fixing', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const dir = tempDir();
    const path = writeFile(
      dir,
      'mixed.csv',
      'Name,Email\nAnna,anna@example.com\nBob,not-an-email\n,nobody@example.com\n',
    );
    const summary = await importFile(core, desktop, path);
    expect(summary).toMatchObject({ created: 1, rejected: 2 });
    expect(summary.rejectedRows).toEqual([
      { line: 3, reasons: ['Email: that does not look like an email address (for example anna@example.com).'] },
      { line: 4, reasons: ['The row has no name (no name, first name or last name).'] },
    ]);
    desktop.saveLocation = join(dir, 'rejected.csv');
    expect(await call(core, 'import.saveRejected', { runId: summary.runId })).toEqual({ saved: true });
    const saved = readFileSync(join(dir, 'rejected.csv'), 'utf8');
    expect(saved).toBe(
      '\ufeffName,Email,Problem\r\n' +
        'Bob,not-an-email,Line 3: Email: that does not look like an email address (for example anna@example.com).\r\n' +
        ',nobody@example.com,"Line 4: The row has no name (no name, first name or last name)."\r\n',
    );
    // Fixed, it imports (the Problem column ignored).
    const fixed = writeFile(
      dir,
      'fixed.csv',
      saved.replace('not-an-email', 'bob@example.com').replace(',nobody', 'Nobody,nobody'),
    );
    const again = await importFile(core, desktop, fixed, 'contact', { mapping: ['name', 'email', 'ignore'] });
    expect(again).toMatchObject({ created: 2, rejected: 0 });
  });
});
