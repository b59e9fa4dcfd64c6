import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupSettings } from '../../../shared/schemas/backup';
import { fixedClock, useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useJobRunner } from '../../../tests/support/jobs';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import { blobStore } from '../attachments/blob-store';
import type { Core } from '../core';
import { memoryLogger } from '../logger';
import { markerFileName, sharedFilePath } from './backup-folder';
import { hashFile, readManifest, type Manifest } from './manifest';
import { pruneBackups } from './prune';
import { takeSnapshot } from './snapshot';
import { listSnapshots } from './snapshot-list';
import { recheckSnapshot, verifyNewSnapshot, verifySnapshot } from './verify';
import { omit } from '../../../shared/omit';

describe('snapshots', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const jobs = useJobRunner();
  const sourceOf = (core: Core, clock = fixedClock()) => ({
    db: core.db,
    store: blobStore(core.paths.attachments),
    appVersion: '1.2.3',
    clock,
    logger: memoryLogger(),
    jobs: jobs(),
  });

  async function seeded() {
    const core = await openCore(tempDir());
    const anna = await createContact(core, 'Anna');
    await createContact(core, 'Bob');
    const attachment = await upload(core, anna, 'quote.pdf', samples.pdf);
    if (!attachment.ok) throw new Error(attachment.error.message);
    return core;
  }

  it('is named and listed once copied, as verifying; its verification then checks the copy and marks it verified', async () => {
    const core = await seeded();
    const fractions: number[] = [];
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual', (fraction) =>
      fractions.push(fraction),
    );
    expect(info).toMatchObject({
      id: 'snapshot-20260102-030405-000',
      reason: 'manual',
      verifying: true,
      verified: false,
      problems: [],
      counts: { contacts: 2, attachments: 1, blobs: 1 },
    });
    const dir = join(core.paths.backups, info.id);
    // Copied and manifested, nothing checked yet: no verification record beside it.
    expect(readdirSync(dir).sort()).toEqual(['crm.db', 'manifest.json']);
    const manifest = await readManifest(dir);
    expect(manifest).toMatchObject({
      format: 2,
      app: 'Rolodesk',
      appVersion: '1.2.3',
      schemaVersion: core.db.pragma('user_version', { simple: true }),
      notCopied: [],
    });
    expect(manifest).not.toHaveProperty('checks');
    expect(manifest.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
    expect(readFileSync(sharedFilePath(core.paths.backups, manifest.attachments[0]!.sha256)).equals(samples.pdf)).toBe(
      true,
    );
    expect(existsSync(join(core.paths.backups, markerFileName))).toBe(true);
    const copy = new Database(join(dir, 'crm.db'), { readonly: true });
    expect(copy.prepare('SELECT name FROM contacts ORDER BY name').pluck().all()).toEqual(['Anna', 'Bob']);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(
      (await listSnapshots(core.paths.backups)).map(({ verifying, verified }) => ({ verifying, verified })),
    ).toEqual([{ verifying: true, verified: false }]);

    expect(await verifyNewSnapshot(core.paths.backups, info.id, new Date('2026-01-02T03:04:09.000Z'), jobs())).toEqual(
      [],
    );
    const [verified] = await listSnapshots(core.paths.backups);
    expect(verified).toMatchObject({
      id: info.id,
      verifying: false,
      verified: true,
      problems: [],
      lastCheckedAt: '2026-01-02T03:04:09.000Z',
    });
    expect(verified!.databaseSha256).toBe((await hashFile(join(dir, 'crm.db'))).sha256);
  });

  it('a verification that finds a problem says what it is, and the snapshot is not verified', async () => {
    const core = await seeded();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual');
    const manifest = await readManifest(join(core.paths.backups, info.id));
    rmSync(sharedFilePath(core.paths.backups, manifest.attachments[0]!.sha256));
    expect(await verifyNewSnapshot(core.paths.backups, info.id, new Date(), jobs())).toEqual([
      expect.stringMatching(/^attachment [0-9a-f]{12}… is missing$/),
    ]);
    expect((await listSnapshots(core.paths.backups))[0]).toMatchObject({
      verifying: false,
      verified: false,
      problems: [expect.stringMatching(/is missing/)],
    });
  });

  it('copies into the shared folder only the attachments it lacks, each hashed on its first copy', async () => {
    const core = await seeded();
    const logs = memoryLogger();
    const source = { ...sourceOf(core), logger: logs };
    const copied = () =>
      logs.records
        .filter((record) => record.message === 'snapshot taken')
        .map((record) => record.context?.['filesCopied']);
    await takeSnapshot(source, core.paths.backups, 'scheduled');
    await takeSnapshot(source, core.paths.backups, 'scheduled');
    const bob = core.db.prepare("SELECT id FROM contacts WHERE name = 'Bob'").pluck().get() as number;
    const added = await upload(core, bob, 'card.png', samples.png);
    if (!added.ok) throw new Error(added.error.message);
    await takeSnapshot(source, core.paths.backups, 'scheduled');
    expect(copied()).toEqual([1, 0, 1]);
  });

  it('the daily re-check re-hashes the shared files: a damaged one marks its snapshots, and the next snapshot copies it again', async () => {
    const core = await seeded();
    const clock = fixedClock();
    const first = await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    expect(await verifyNewSnapshot(core.paths.backups, first.id, clock.now(), jobs())).toEqual([]);
    const { sha256 } = (await readManifest(join(core.paths.backups, first.id))).attachments[0]!;
    const shared = sharedFilePath(core.paths.backups, sha256);
    // Same size, one byte changed: only hashing finds it.
    const bytes = readFileSync(shared);
    bytes.writeUInt8(bytes.readUInt8(3) ^ 1, 3);
    writeFileSync(shared, bytes);

    clock.advance(86_400_000);
    expect(await recheckSnapshot(core.paths.backups, first.id, clock.now(), new Map(), jobs())).toEqual([
      `attachment ${sha256.slice(0, 12)}… does not match its checksum`,
    ]);
    expect((await listSnapshots(core.paths.backups))[0]).toMatchObject({ verified: false });

    const next = await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    expect(await verifyNewSnapshot(core.paths.backups, next.id, clock.now(), jobs())).toEqual([]);
    expect(readFileSync(shared).equals(samples.pdf)).toBe(true);
    expect(await verifySnapshot(core.paths.backups, next.id, jobs())).toEqual([]);
  });

  it('lists and checks a snapshot taken before verification moved after the copy (checks in its manifest)', async () => {
    const core = await seeded();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual');
    const dir = join(core.paths.backups, info.id);
    const { database, ...rest } = omit(
      (await readManifest(dir)) as Extract<Manifest, { format: 2 }>,
      'format',
      'notCopied',
    );
    const older = {
      format: 1,
      ...rest,
      database: { ...database, ...(await hashFile(join(dir, 'crm.db'))) },
      checks: { integrityCheck: ['ok'], foreignKeyCheck: [], attachmentProblems: [] },
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(older));
    expect((await listSnapshots(core.paths.backups))[0]).toMatchObject({ verifying: false, verified: true });
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toEqual([]);
    const db = readFileSync(join(dir, 'crm.db'));
    db.writeUInt8(db.readUInt8(db.length - 100) ^ 0xff, db.length - 100);
    writeFileSync(join(dir, 'crm.db'), db);
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toEqual([
      'the database file does not match its checksum (it was changed or damaged)',
    ]);
  });

  it('shares attachments between snapshots instead of copying them again', async () => {
    const core = await seeded();
    const clock = fixedClock();
    await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    clock.advance(60_000);
    await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    const files = readdirSync(join(core.paths.backups, 'files'), { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile(),
    );
    expect(files).toHaveLength(1);
    expect((await listSnapshots(core.paths.backups)).map((snapshot) => snapshot.id)).toEqual([
      'snapshot-20260102-030505-000',
      'snapshot-20260102-030405-000',
    ]);
  });

  /** Seeds contacts, then takes a snapshot while the app writes one contact after another; returns what the copy holds. */
  async function snapshotWhileWriting(core: Core, logger = memoryLogger()) {
    const insert = core.db.prepare(
      "INSERT INTO contacts (name, notes, created_at, updated_at) VALUES (?, ?, 't', 't')",
    );
    core.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`Seed ${i}`, 'n'.repeat(2_000));
    })();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await core.dispatch('contacts.create', { name: `During ${written++}`, notes: 'w'.repeat(5_000) });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const info = await takeSnapshot({ ...sourceOf(core), logger }, core.paths.backups, 'scheduled');
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(await verifyNewSnapshot(core.paths.backups, info.id, new Date(), jobs())).toEqual([]);
    const copy = new Database(join(core.paths.backups, info.id, 'crm.db'), { readonly: true });
    try {
      const during = copy.prepare("SELECT count(*) FROM contacts WHERE name LIKE 'During %'").pluck().get() as number;
      // A moment in time: the copy holds a prefix of the writes (During 0 … During n-1), no gaps.
      const highest = copy
        .prepare("SELECT max(CAST(substr(name, 8) AS INTEGER)) FROM contacts WHERE name LIKE 'During %'")
        .pluck()
        .get() as number | null;
      expect(highest === null ? 0 : highest + 1).toBe(during);
      expect(copy.prepare("SELECT count(*) FROM contacts WHERE name LIKE 'Seed %'").pluck().get()).toBe(20_000);
      expect(info.counts.contacts).toBe(copy.prepare('SELECT count(*) FROM contacts').pluck().get());
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    return logger.records.find((record) => record.message === 'snapshot taken')?.context?.['copiedBy'];
  }

  it('is one moment in time while the app keeps writing, even when every write tries to fold the WAL into the file being copied', async () => {
    const core = await openCore(tempDir());
    // A checkpoint after every commit: any that reached the database file during the copy would tear it.
    core.db.pragma('wal_autocheckpoint = 1');
    expect(await snapshotWhileWriting(core)).toBe('file copy');
  });

  it('copies through SQLite’s backup API when a reader elsewhere keeps the WAL from emptying, still one moment in time', async () => {
    const core = await openCore(tempDir());
    await createContact(core, 'Written before the reader began');
    const reader = new Database(join(core.paths.root, 'crm.db'), { readonly: true });
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM contacts').get();
      expect(await snapshotWhileWriting(core)).toBe('backup API');
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
  });

  it('verifies a good snapshot, and names what is wrong with a flipped byte or a missing attachment', async () => {
    const core = await seeded();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual');
    expect(await verifyNewSnapshot(core.paths.backups, info.id, new Date(), jobs())).toEqual([]);
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toEqual([]);

    const db = join(core.paths.backups, info.id, 'crm.db');
    const bytes = readFileSync(db);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(db, bytes);
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toEqual([
      'the database file does not match its checksum (it was changed or damaged)',
    ]);

    const manifest = await readManifest(join(core.paths.backups, info.id));
    const file = sharedFilePath(core.paths.backups, manifest.attachments[0]!.sha256);
    writeFileSync(file, 'not the pdf');
    expect(await verifySnapshot(core.paths.backups, info.id, jobs())).toContainEqual(
      expect.stringMatching(/attachment .* does not match its checksum/),
    );
  });

  it('a folder without a manifest is not a snapshot; a damaged manifest is listed as not verified', async () => {
    const core = await seeded();
    const info = await takeSnapshot(sourceOf(core), core.paths.backups, 'manual');
    await verifyNewSnapshot(core.paths.backups, info.id, new Date(), jobs());
    mkdirSync(join(core.paths.backups, 'snapshot-20250101-000000-000'));
    mkdirSync(join(core.paths.backups, 'snapshot-20250102-000000-000'));
    writeFileSync(
      join(core.paths.backups, 'snapshot-20250102-000000-000', 'manifest.json'),
      '{ "format": 1, "lies": true }',
    );
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

  it('never prunes the newest verified snapshot while newer ones are still being verified', async () => {
    const core = await seeded();
    const clock = fixedClock('2026-01-01T00:00:00.000Z');
    const verified = await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled');
    await verifyNewSnapshot(core.paths.backups, verified.id, clock.now(), jobs());
    const pending: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      pending.push((await takeSnapshot(sourceOf(core, clock), core.paths.backups, 'scheduled')).id);
    }
    const report = await pruneBackups(
      core.paths.backups,
      { ...defaultBackupSettings, keepNewest: 1 },
      clock.now(),
      memoryLogger(),
    );
    expect(report.deleted.sort()).toEqual(pending.slice(0, 2).sort());
    expect((await listSnapshots(core.paths.backups)).map(({ id, verified }) => [id, verified])).toEqual([
      [pending[2], false],
      [verified.id, true],
    ]);
  });
});
