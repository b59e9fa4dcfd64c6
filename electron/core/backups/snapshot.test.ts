import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupSettings } from '../../../shared/schemas/backup';
import { fixedClock, useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { useJobRunner } from '../../../tests/support/jobs';
import { createContact, upload } from '../../../tests/support/upload';
import { blobStore } from '../attachments/blob-store';
import type { Core } from '../core';
import { memoryLogger } from '../logger';
import { markerFileName, sharedFilePath } from './backup-folder';
import { readManifest } from './manifest';
import { pruneBackups } from './prune';
import { takeSnapshot } from './snapshot';
import { listSnapshots } from './snapshot-list';
import { verifySnapshot } from './verify';

describe('snapshots', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const jobs = useJobRunner();
  const sourceOf = (core: Core, clock = fixedClock()) => ({ db: core.db, store: blobStore(core.paths.attachments), appVersion: '1.2.3', clock, logger: memoryLogger(), jobs: jobs() });

  async function seeded() {
    const core = await openCore(tempDir());
    const anna = await createContact(core, 'Anna');
    await createContact(core, 'Bob');
    const attachment = await upload(core, anna, 'quote.pdf', samples.pdf);
    if (!attachment.ok) throw new Error(attachment.error.message);
    return core;
  }

  it('holds the database, its attachments and a manifest written last, with checks run on the copy', async () => {
    const core = await seeded();
    const fractions: number[] = [];
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual', (fraction) => fractions.push(fraction));
    expect(info).toMatchObject({ id: 'snapshot-20260102-030405-000', reason: 'manual', verified: true, problems: [], counts: { contacts: 2, attachments: 1, blobs: 1 } });
    const dir = join(core.paths.backups, info.id);
    expect(readdirSync(dir).sort()).toEqual(['crm.db', 'manifest.json']);
    const manifest = await readManifest(dir);
    expect(manifest).toMatchObject({ app: 'Rolodesk', appVersion: '1.2.3', schemaVersion: core.db.pragma('user_version', { simple: true }), checks: { integrityCheck: ['ok'], foreignKeyCheck: [], attachmentProblems: [] } });
    expect(manifest.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
    expect(readFileSync(sharedFilePath(core.paths.backups, manifest.attachments[0]!.sha256)).equals(samples.pdf)).toBe(true);
    expect(existsSync(join(core.paths.backups, markerFileName))).toBe(true);
    const copy = new Database(join(dir, 'crm.db'), { readonly: true });
    expect(copy.prepare('SELECT name FROM contacts ORDER BY name').pluck().all()).toEqual(['Anna', 'Bob']);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('shares attachments between snapshots instead of copying them again', async () => {
    const core = await seeded();
    const clock = fixedClock();
    await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    clock.advance(60_000);
    await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    const files = readdirSync(join(core.paths.backups, 'files'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files).toHaveLength(1);
    expect((await listSnapshots(core.paths.backups)).map((snapshot) => snapshot.id)).toEqual(['snapshot-20260102-030505-000', 'snapshot-20260102-030405-000']);
  });

  it('is consistent while the app keeps writing during the copy', async () => {
    const core = await openCore(tempDir());
    const insert = core.db.prepare("INSERT INTO contacts (name, notes, created_at, updated_at) VALUES (?, ?, 't', 't')");
    core.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`Seed ${i}`, 'n'.repeat(200));
    })();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await core.dispatch('contacts.create', { name: `During ${written++}` });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'scheduled');
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(info.verified).toBe(true);
    const copy = new Database(join(core.paths.backups, info.id, 'crm.db'), { readonly: true });
    const during = copy.prepare("SELECT count(*) FROM contacts WHERE name LIKE 'During %'").pluck().get() as number;
    // A moment in time: the copy holds a prefix of the writes (During 0 … During n-1), no gaps.
    const highest = copy.prepare("SELECT max(CAST(substr(name, 8) AS INTEGER)) FROM contacts WHERE name LIKE 'During %'").pluck().get() as number | null;
    expect(highest === null ? 0 : highest + 1).toBe(during);
    expect(info.counts.contacts).toBe(20_000 + during);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('verifies a good snapshot, and names what is wrong with a flipped byte or a missing attachment', async () => {
    const core = await seeded();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual');
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toEqual([]);

    const db = join(core.paths.backups, info.id, 'crm.db');
    const bytes = readFileSync(db);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(db, bytes);
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toEqual(['the database file does not match its checksum (it was changed or damaged)']);

    const manifest = await readManifest(join(core.paths.backups, info.id));
    const file = sharedFilePath(core.paths.backups, manifest.attachments[0]!.sha256);
    writeFileSync(file, 'not the pdf');
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toContainEqual(expect.stringMatching(/attachment .* does not match its checksum/));
  });

  it('a folder without a manifest is not a snapshot; a damaged manifest is listed as not verified', async () => {
    const core = await seeded();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual');
    mkdirSync(join(core.paths.backups, 'snapshot-20250101-000000-000'));
    mkdirSync(join(core.paths.backups, 'snapshot-20250102-000000-000'));
    writeFileSync(join(core.paths.backups, 'snapshot-20250102-000000-000', 'manifest.json'), '{ "format": 1, "lies": true }');
    const listed = await listSnapshots(core.paths.backups);
    expect(listed.map((snapshot) => [snapshot.id, snapshot.verified])).toEqual([
      [info.id, true],
      ['snapshot-20250102-000000-000', false],
    ]);
  });

  it('prunes by the retention policy only inside a folder with our marker, and deletes files no snapshot names', async () => {
    const core = await seeded();
    const clock = fixedClock('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 6; i++) {
      await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
      clock.advance(60_000);
    }
    mkdirSync(join(core.paths.backups, '.tmp-snapshot-20260101-000000-000-abcd'));
    mkdirSync(join(core.paths.backups, 'files', 'ab'), { recursive: true });
    writeFileSync(join(core.paths.backups, 'files', 'ab', 'ab'.repeat(32)), 'orphan');
    writeFileSync(join(core.paths.backups, 'holiday-photos.txt'), 'the user’s own file');

    const report = await pruneBackups(core.paths.backups, defaultBackupSettings, clock.now(), memoryLogger());
    expect(report.deleted).toEqual(['snapshot-20260101-000100-000', 'snapshot-20260101-000000-000']);
    expect(report.filesDeleted).toBe(1);
    expect((await listSnapshots(core.paths.backups)).length).toBe(4);
    expect(existsSync(join(core.paths.backups, '.tmp-snapshot-20260101-000000-000-abcd'))).toBe(false);
    expect(existsSync(join(core.paths.backups, 'holiday-photos.txt'))).toBe(true);

    const foreign = tempDir();
    mkdirSync(join(foreign, 'snapshot-20200101-000000-000'));
    await pruneBackups(foreign, { ...defaultBackupSettings, keepNewest: 1 }, clock.now(), memoryLogger());
    expect(existsSync(join(foreign, 'snapshot-20200101-000000-000'))).toBe(true);
  });
});
