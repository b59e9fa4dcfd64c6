import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { renameEntryBytes, unzipped, zipOf } from '../../../tests/support/archives';
import { fixedClock } from '../../../tests/support/core';
import { recordingDesktop, type RecordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useJobRunner } from '../../../tests/support/jobs';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import { openCore, type Core } from '../core';
import { createDatabaseAt } from '../../../tests/support/old-database';
import { migrations } from '../db/migrations';
import { blobStore } from '../attachments/blob-store';
import { memoryLogger } from '../logger';
import { hashFile } from './manifest';
import { takeSnapshot } from './snapshot';
import { ok } from '../../../tests/support/replies';
import { objectContaining, stringMatching } from '../../../tests/support/matchers';
import { omit } from '../../../shared/omit';

interface Harness {
  core: Core;
  desktop: RecordingDesktop;
  events: Array<[EventName, unknown]>;
  clock: ReturnType<typeof fixedClock>;
}

const names = (core: Core) => core.db.prepare('SELECT name FROM contacts ORDER BY name').pluck().all() as string[];
const attachmentNames = (core: Core) =>
  core.db.prepare('SELECT file_name FROM attachments ORDER BY file_name').pluck().all() as string[];

describe('backups through the core', () => {
  const tempDir = useTempDirs();
  const jobs = useJobRunner();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });

  async function start(dataDir = tempDir(), desktop = recordingDesktop(), clock = fixedClock()): Promise<Harness> {
    const events: Array<[EventName, unknown]> = [];
    const core = await openCore({
      dataDir,
      logger: memoryLogger(),
      appVersion: '1.0.0',
      clock,
      desktop,
      emit: (event, payload) => events.push([event, payload]),
    });
    open.push(core);
    return { core, desktop, events, clock };
  }

  /** Anna and Bob with a PDF, snapshotted; then Carl added, Anna deleted and the PDF removed. */
  async function withHistory(harness: Harness) {
    const { core, clock } = harness;
    const anna = await createContact(core, 'Anna');
    await createContact(core, 'Bob');
    const pdf = await upload(core, anna, 'quote.pdf', samples.pdf);
    if (!pdf.ok) throw new Error(pdf.error.message);
    const snapshot = await ok<{ id: string }>(core.dispatch('backups.create', {}));
    await core.backups.settled();
    clock.advance(60_000);
    await createContact(core, 'Carl');
    // Deleted for good: out of the trash too, with the PDF only Anna used.
    const { trashId } = await ok<{ trashId: number }>(core.dispatch('contacts.delete', { id: anna }));
    await ok(core.dispatch('trash.deleteForever', { trashId }));
    return snapshot;
  }

  it('takes a verified snapshot on request, lists it, and says when the last verified backup was taken', async () => {
    const harness = await start();
    await withHistory(harness);
    const { snapshots } = await ok<{ snapshots: Array<{ verified: boolean; counts: Record<string, number> }> }>(
      harness.core.dispatch('backups.list', {}),
    );
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ verified: true, counts: { contacts: 2, attachments: 1 } });
    expect(await ok(harness.core.dispatch('backups.status', {}))).toMatchObject({
      lastVerifiedAt: '2026-01-02T03:04:05.000Z',
      lastFailure: null,
      isDefaultLocation: true,
    });
    expect(harness.events.some(([event]) => event === 'backup.progress')).toBe(true);
  });

  it('Back up now answers once the snapshot is copied: listed as verifying, then its verification marks it verified', async () => {
    const harness = await start();
    const { core, events } = harness;
    await createContact(core, 'Anna');
    // What the folder held each time the window was told backups changed.
    const seen: Array<{ manifest: boolean; verification: boolean }> = [];
    const backups = core.paths.backups;
    const watch = (event: EventName) => {
      if (event !== 'backup.changed') return;
      const [id] = readdirSync(backups).filter((name) => name.startsWith('snapshot-'));
      seen.push({
        manifest: existsSync(join(backups, id!, 'manifest.json')),
        verification: existsSync(join(backups, id!, 'verification.json')),
      });
    };
    const push = events.push.bind(events);
    events.push = (...items) => {
      for (const [event] of items) watch(event);
      return push(...items);
    };
    const taken = await ok<{ id: string; verified: boolean; verifying: boolean }>(core.dispatch('backups.create', {}));
    expect(taken).toMatchObject({ verifying: true, verified: false });
    await core.backups.settled();
    expect(seen).toEqual([
      { manifest: true, verification: false },
      { manifest: true, verification: true },
    ]);
    const { snapshots } = await ok<{ snapshots: Array<{ id: string; verified: boolean; verifying: boolean }> }>(
      core.dispatch('backups.list', {}),
    );
    expect(snapshots).toEqual([objectContaining({ id: taken.id, verified: true, verifying: false })]);
    expect(await ok(core.dispatch('backups.status', {}))).toMatchObject({
      lastVerifiedAt: '2026-01-02T03:04:05.000Z',
      lastFailure: null,
    });
  });

  it('a snapshot still being verified is never the last verified backup; the recovery screen verifies it before offering it', async () => {
    const harness = await start();
    const { core, clock } = harness;
    await createContact(core, 'Anna');
    const good = await ok<{ id: string }>(core.dispatch('backups.create', {}));
    await core.backups.settled();
    clock.advance(60_000);
    await createContact(core, 'Bob');
    // Copied but not verified yet, as between the copy and its verification.
    const pending = await takeSnapshot(
      {
        db: core.db,
        store: blobStore(core.paths.attachments),
        appVersion: '1.0.0',
        clock,
        logger: memoryLogger(),
        jobs: jobs(),
      },
      core.paths.backups,
      'scheduled',
    );
    const { snapshots } = await ok<{ snapshots: Array<{ id: string; verifying: boolean }> }>(
      core.dispatch('backups.list', {}),
    );
    expect(snapshots.map(({ id, verifying }) => [id, verifying])).toEqual([
      [pending.id, true],
      [good.id, false],
    ]);
    expect(await ok(core.dispatch('backups.status', {}))).toMatchObject({ lastVerifiedAt: '2026-01-02T03:04:05.000Z' });
    expect(await ok(core.dispatch('recovery.status', {}))).toMatchObject({
      newestVerified: { id: pending.id, verified: true },
    });
    expect(await ok(core.dispatch('backups.status', {}))).toMatchObject({ lastVerifiedAt: '2026-01-02T03:05:05.000Z' });
  });

  it('a problem the verification finds after the copy is loud: logged, sent to the window, kept for the banner', async () => {
    const harness = await start();
    const { core, events } = harness;
    const anna = await createContact(core, 'Anna');
    const pdf = await upload(core, anna, 'quote.pdf', samples.pdf);
    if (!pdf.ok) throw new Error(pdf.error.message);
    const push = events.push.bind(events);
    let removed = false;
    events.push = (...items) => {
      // Between the copy and its verification, the backup drive loses the shared copy of the PDF.
      if (!removed && items.some(([event]) => event === 'backup.changed')) {
        removed = true;
        rmSync(join(core.paths.backups, 'files'), { recursive: true });
      }
      return push(...items);
    };
    await ok(core.dispatch('backups.create', {}));
    await core.backups.settled();
    expect(events.map(([event]) => event)).toContain('backup.failed');
    expect(await ok(core.dispatch('backups.status', {}))).toMatchObject({
      lastVerifiedAt: null,
      lastFailure: {
        message: stringMatching(
          /^The backup was taken but did not pass its checks: attachment [0-9a-f]{12}… is missing\.$/,
        ),
      },
    });
  });

  it('restores a snapshot whose verification has not run yet, verifying it first', async () => {
    const harness = await start();
    const { core, clock } = harness;
    await createContact(core, 'Anna');
    const pending = await takeSnapshot(
      {
        db: core.db,
        store: blobStore(core.paths.attachments),
        appVersion: '1.0.0',
        clock,
        logger: memoryLogger(),
        jobs: jobs(),
      },
      core.paths.backups,
      'manual',
    );
    clock.advance(60_000);
    await createContact(core, 'Bob');
    await ok(core.dispatch('backups.restore', { id: pending.id }));
    expect(names(core)).toEqual(['Anna']);
    const { snapshots } = await ok<{ snapshots: Array<{ id: string; verified: boolean }> }>(
      core.dispatch('backups.list', {}),
    );
    expect(snapshots.find((snapshot) => snapshot.id === pending.id)).toMatchObject({ verified: true });
  });

  it('restores a snapshot taken by an earlier version, whose manifest carries its own checksums and checks', async () => {
    const harness = await start();
    const { core } = harness;
    const snapshot = await withHistory(harness);
    // As Rolodesk wrote snapshots before verification followed the copy: format 1, no verification record.
    const dir = join(core.paths.backups, snapshot.id);
    const { database, ...rest } = omit(
      JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        format: 2;
        notCopied: unknown;
        database: object;
      },
      'format',
      'notCopied',
    );
    const checks = { integrityCheck: ['ok'], foreignKeyCheck: [], attachmentProblems: [] };
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        format: 1,
        ...rest,
        database: { ...database, ...(await hashFile(join(dir, 'crm.db'))) },
        checks,
      }),
    );
    rmSync(join(dir, 'verification.json'));
    const { snapshots } = await ok<{ snapshots: Array<{ id: string; verified: boolean; verifying: boolean }> }>(
      core.dispatch('backups.list', {}),
    );
    expect(snapshots.find((each) => each.id === snapshot.id)).toMatchObject({ verified: true, verifying: false });
    await ok(core.dispatch('backups.restore', { id: snapshot.id }));
    expect(names(core)).toEqual(['Anna', 'Bob']);
    expect(attachmentNames(core)).toEqual(['quote.pdf']);
  });

  it('an exported file carries its database checksum and checks in its manifest, so it checks itself anywhere', async () => {
    const harness = await start();
    await withHistory(harness);
    const archive = join(tempDir(), 'Rolodesk backup.zip');
    harness.desktop.saveLocation = archive;
    await ok(harness.core.dispatch('backups.export', {}));
    const entries = await unzipped(archive);
    const manifest = JSON.parse(entries['manifest.json']!.toString('utf8')) as {
      format: number;
      database: { sha256: string; size: number };
      checks: unknown;
    };
    expect(manifest).toMatchObject({
      format: 1,
      database: { size: entries['crm.db']!.length },
      checks: { integrityCheck: ['ok'], foreignKeyCheck: [], attachmentProblems: [] },
    });
    expect(manifest.database.sha256).toBe(createHash('sha256').update(entries['crm.db']!).digest('hex'));
    expect(readdirSync(dirname(archive))).toEqual(['Rolodesk backup.zip']);
  });

  it('restores a snapshot: every contact and attachment of that moment, nothing after it; then undoes it', async () => {
    const harness = await start();
    const { core } = harness;
    const snapshot = await withHistory(harness);
    expect(names(core)).toEqual(['Bob', 'Carl']);

    await ok(core.dispatch('backups.restore', { id: snapshot.id }));
    expect(names(core)).toEqual(['Anna', 'Bob']);
    expect(attachmentNames(core)).toEqual(['quote.pdf']);
    const [attachment] = (
      await ok<{ attachments: Array<{ sha256: string }> }>(
        core.dispatch('attachments.list', { record: { kind: 'contact', id: 1 } }),
      )
    ).attachments;
    expect(
      readFileSync(join(core.paths.attachments, attachment!.sha256.slice(0, 2), attachment!.sha256)).equals(
        samples.pdf,
      ),
    ).toBe(true);
    expect(harness.events.map(([event]) => event)).toContain('data.restored');
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(readdirSync(core.paths.root).filter((name) => name.startsWith('.restore'))).toEqual([]);

    const status = await ok<{ undoRestore: { snapshotId: string } | null }>(core.dispatch('backups.status', {}));
    expect(status.undoRestore).not.toBeNull();
    await ok(core.dispatch('backups.undoRestore', {}));
    expect(names(core)).toEqual(['Bob', 'Carl']);
    expect(await ok(core.dispatch('backups.status', {}))).toMatchObject({ undoRestore: null });
  });

  it('exports one file, and a wiped computer gets every contact and attachment back from it', async () => {
    const harness = await start();
    await withHistory(harness);
    const archive = join(tempDir(), 'Rolodesk backup.zip');
    harness.desktop.saveLocation = archive;
    expect(await ok(harness.core.dispatch('backups.export', {}))).toEqual({ saved: true });
    expect(
      harness.events
        .filter(([event]) => event === 'backup.progress')
        .some(([, payload]) => (payload as { job: string }).job === 'export'),
    ).toBe(true);

    const fresh = await start(tempDir());
    fresh.desktop.backupFile = archive;
    expect(await ok(fresh.core.dispatch('backups.restoreFromFile', {}))).toEqual({ restored: true });
    expect(names(fresh.core)).toEqual(['Bob', 'Carl']);
    const blobs = fresh.core.db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[];
    for (const sha256 of blobs)
      expect(existsSync(join(fresh.core.paths.attachments, sha256.slice(0, 2), sha256))).toBe(true);
  });

  it('does nothing when the user cancels the save or open dialog', async () => {
    const harness = await start();
    expect(await ok(harness.core.dispatch('backups.export', {}))).toEqual({ saved: false });
    expect(await ok(harness.core.dispatch('backups.restoreFromFile', {}))).toEqual({ restored: false });
  });

  describe('refuses a bad backup file with a clear message, changing nothing', () => {
    async function exported(): Promise<{ harness: Harness; archive: Buffer }> {
      const harness = await start();
      await withHistory(harness);
      const path = join(tempDir(), 'backup.zip');
      harness.desktop.saveLocation = path;
      await ok(harness.core.dispatch('backups.export', {}));
      return { harness, archive: readFileSync(path) };
    }

    const cases: Array<[string, (archive: Buffer) => Promise<Buffer> | Buffer, RegExp]> = [
      [
        'one flipped byte in the database',
        (archive) => {
          const copy = Buffer.from(archive);
          const at = copy.indexOf(Buffer.from('crm.db')) + 200;
          copy.writeUInt8(copy.readUInt8(at) ^ 0x55, at);
          return copy;
        },
        /damaged|does not match|cannot be restored/,
      ],
      [
        'a truncated archive',
        (archive) => archive.subarray(0, Math.floor(archive.length * 0.6)),
        /not a readable ZIP|damaged|cut short/,
      ],
      [
        'a file that is not an archive at all',
        () => Buffer.from('%PDF-1.4 this is a quote, not a backup'),
        /not a readable ZIP/,
      ],
      [
        'entries that climb out of the folder',
        async () =>
          renameEntryBytes(
            await zipOf({ 'XX/XX/evil.txt': 'x', 'manifest.json': '{}', 'crm.db': 'x' }),
            'XX/XX',
            '../..',
          ),
        /unsafe file name/,
      ],
      [
        'an unexpected file',
        async () => zipOf({ 'manifest.json': '{}', 'crm.db': 'x', 'setup.exe': 'MZ' }),
        /unexpected file \(“setup\.exe”\)/,
      ],
    ];

    it.each(cases)('%s', async (_label, corrupt, message) => {
      const { harness, archive } = await exported();
      const before = names(harness.core);
      const bad = join(tempDir(), 'bad.zip');
      writeFileSync(bad, await corrupt(archive));
      harness.desktop.backupFile = bad;
      const result = await harness.core.dispatch('backups.restoreFromFile', {});
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BACKUP_INVALID', message: stringMatching(message) },
      });
      expect(names(harness.core)).toEqual(before);
      // A refused backup is answered in the restore dialog; it is not a failed backup.
      expect(harness.events.some(([event]) => event === 'backup.failed')).toBe(false);
      expect(readdirSync(harness.core.paths.root).filter((name) => name.startsWith('.restore'))).toEqual([]);
    });

    it('a manifest that lies about a checksum', async () => {
      const { harness, archive } = await exported();
      const before = names(harness.core);
      // Rebuilt rather than patched: the manifest inside the ZIP is deflated.
      const good = join(tempDir(), 'good.zip');
      writeFileSync(good, archive);
      const entries = await unzipped(good);
      const manifest = JSON.parse(entries['manifest.json']!.toString('utf8')) as { database: object };
      const rebuilt = {
        ...entries,
        'manifest.json': JSON.stringify({ ...manifest, database: { ...manifest.database, sha256: 'f'.repeat(64) } }),
      };
      const bad = join(tempDir(), 'lying.zip');
      writeFileSync(bad, await zipOf(rebuilt));
      harness.desktop.backupFile = bad;
      expect(await harness.core.dispatch('backups.restoreFromFile', {})).toMatchObject({
        ok: false,
        error: { code: 'BACKUP_INVALID', message: stringMatching(/does not match its checksum/) },
      });
      expect(names(harness.core)).toEqual(before);
    });

    /** The exported archive with its database changed by `change`, and a manifest that tells the truth about the changed bytes. */
    async function withDatabaseChanged(
      archive: Buffer,
      change: (db: Database.Database) => void,
      manifestChanges: object = {},
    ): Promise<string> {
      const good = join(tempDir(), 'good.zip');
      writeFileSync(good, archive);
      const entries = await unzipped(good);
      const databasePath = join(tempDir(), 'crm.db');
      writeFileSync(databasePath, entries['crm.db']!);
      const db = new Database(databasePath);
      change(db);
      db.close();
      const manifest = JSON.parse(entries['manifest.json']!.toString('utf8')) as object;
      const rebuilt = {
        ...entries,
        'manifest.json': JSON.stringify({
          ...manifest,
          ...manifestChanges,
          database: { file: 'crm.db', ...(await hashFile(databasePath)) },
        }),
        'crm.db': readFileSync(databasePath),
      };
      const changed = join(tempDir(), 'changed.zip');
      writeFileSync(changed, await zipOf(rebuilt));
      return changed;
    }

    it('a database that matches its manifest but fails SQLite’s own checks', async () => {
      const { harness, archive } = await exported();
      // The manifest tells the truth about these bytes: only SQLite's checks can find what is wrong.
      harness.desktop.backupFile = await withDatabaseChanged(archive, (db) => {
        db.pragma('foreign_keys = OFF');
        db.prepare(
          "INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (999, ?, 'ghost.pdf', 't')",
        ).run('ab'.repeat(32));
      });
      const before = names(harness.core);
      expect(await harness.core.dispatch('backups.restoreFromFile', {})).toMatchObject({
        ok: false,
        error: {
          code: 'BACKUP_INVALID',
          message: stringMatching(
            /^This backup cannot be restored: foreign key check: attachments row \d+ points at a missing/,
          ),
        },
      });
      expect(names(harness.core)).toEqual(before);
      expect(readdirSync(harness.core.paths.root).filter((name) => name.startsWith('.restore'))).toEqual([]);
    });

    it('an archive from a newer Rolodesk', async () => {
      const { harness, archive } = await exported();
      harness.desktop.backupFile = await withDatabaseChanged(archive, (db) => db.pragma('user_version = 999'), {
        schemaVersion: 999,
      });
      const before = names(harness.core);
      expect(await harness.core.dispatch('backups.restoreFromFile', {})).toMatchObject({
        ok: false,
        error: { code: 'SCHEMA_TOO_NEW', message: stringMatching(/newer version of Rolodesk/) },
      });
      expect(names(harness.core)).toEqual(before);
    });
  });

  it('takes a snapshot before a migration changes an existing database', async () => {
    const dataDir = tempDir();
    const old = createDatabaseAt(join(dataDir, 'crm.db'), migrations, 3);
    old.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Old Friend', 't', 't')").run();
    old.close();
    const { core } = await start(dataDir);
    const { snapshots } = await ok<{
      snapshots: Array<{ reason: string; schemaVersion: number; counts: Record<string, number> }>;
    }>(core.dispatch('backups.list', {}));
    expect(snapshots).toEqual([
      objectContaining({
        reason: 'before update',
        schemaVersion: 3,
        counts: objectContaining({ contacts: 1 }),
      }),
    ]);
    expect(names(core)).toEqual(['Old Friend']);
  });

  it('re-checks snapshots once a day and marks one whose bytes rotted', async () => {
    const harness = await start();
    const { id } = await withHistory(harness);
    const db = join(harness.core.paths.backups, id, 'crm.db');
    const bytes = readFileSync(db);
    bytes.writeUInt8(bytes.readUInt8(4096) ^ 1, 4096);
    writeFileSync(db, bytes);
    await harness.core.backups.verifyAllIfDue();
    const { snapshots } = await ok<{ snapshots: Array<{ id: string; verified: boolean; problems: string[] }> }>(
      harness.core.dispatch('backups.list', {}),
    );
    expect(snapshots.find((snapshot) => snapshot.id === id)).toMatchObject({
      verified: false,
      problems: [stringMatching(/checksum/)],
    });
    expect(await ok(harness.core.dispatch('backups.restore', { id })).catch((error: Error) => error.message)).toMatch(
      /BACKUP_INVALID/,
    );
  });

  it('sends backups to a folder the user chooses (our own subfolder), and remembers it', async () => {
    const harness = await start();
    await createContact(harness.core, 'Anna');
    const usb = tempDir();
    harness.desktop.folder = usb;
    const status = await ok<{ location: string; isDefaultLocation: boolean; lastVerifiedAt: string | null }>(
      harness.core.dispatch('backups.chooseLocation', {}),
    );
    expect(status).toMatchObject({ location: join(usb, 'Rolodesk Backups'), isDefaultLocation: false });
    expect(status.lastVerifiedAt).not.toBeNull();
    expect(readdirSync(join(usb, 'Rolodesk Backups')).some((name) => name.startsWith('snapshot-'))).toBe(true);
    const dataDir = harness.core.paths.root;
    await harness.core.close();
    const again = await start(dataDir);
    expect(await ok(again.core.dispatch('backups.status', {}))).toMatchObject({
      location: join(usb, 'Rolodesk Backups'),
    });
  });
});

describe('stopping an export', () => {
  const tempDir = useTempDirs();

  it('stops when asked, writes no file, and is not reported as a failure', async () => {
    const desktop = recordingDesktop();
    const events: EventName[] = [];
    const core = await openCore({
      dataDir: tempDir(),
      logger: memoryLogger(),
      appVersion: '1.0.0',
      desktop,
      emit: (event) => events.push(event),
    });
    try {
      const anna = await createContact(core, 'Anna');
      for (let i = 0; i < 3; i++) {
        const added = await upload(
          core,
          anna,
          `scan-${i}.pdf`,
          Buffer.concat([samples.pdf, Buffer.alloc(3 * 1024 * 1024, 48 + i)]),
        );
        if (!added.ok) throw new Error(added.error.message);
      }
      desktop.saveLocation = join(tempDir(), 'backup.zip');
      const exporting = core.dispatch('backups.export', {});
      // Ask to stop as soon as the export has begun writing.
      await new Promise<void>((resolve) => {
        const poll = () => (events.includes('backup.progress') ? resolve() : setTimeout(poll, 1));
        poll();
      });
      expect(await core.dispatch('backups.cancelExport', {})).toEqual({ ok: true, data: { cancelled: true } });
      expect(await exporting).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(existsSync(desktop.saveLocation)).toBe(false);
      expect(readdirSync(join(desktop.saveLocation, '..'))).toEqual([]);
      expect(events).not.toContain('backup.failed');
      expect(await core.dispatch('backups.cancelExport', {})).toEqual({ ok: true, data: { cancelled: false } });
    } finally {
      await core.close();
    }
  });
  it('a stop asked before the writing starts is kept: while the save dialog is open, and while the export waits behind a backup', async () => {
    const desktop = recordingDesktop();
    const events: EventName[] = [];
    const core = await openCore({
      dataDir: tempDir(),
      logger: memoryLogger(),
      appVersion: '1.0.0',
      desktop,
      emit: (event) => events.push(event),
    });
    try {
      await createContact(core, 'Anna');
      const folder = tempDir();
      let answerDialog: (path: string | undefined) => void = () => {};
      desktop.chooseSaveLocation = () => new Promise((resolve) => (answerDialog = resolve));

      // Stopped while the dialog is open; the dialog then answers with a place.
      const duringDialog = core.dispatch('backups.export', {});
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await core.dispatch('backups.cancelExport', {})).toEqual({ ok: true, data: { cancelled: true } });
      answerDialog(join(folder, 'during dialog.zip'));
      expect(await duringDialog).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });

      // Queued behind a backup being taken (and its verification): the stop still counts.
      const queued = core.dispatch('backups.export', {});
      await new Promise((resolve) => setTimeout(resolve, 10));
      const backingUp = core.dispatch('backups.create', {});
      answerDialog(join(folder, 'queued.zip'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(await core.dispatch('backups.cancelExport', {})).toEqual({ ok: true, data: { cancelled: true } });
      expect(await queued).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect((await backingUp).ok).toBe(true);

      expect(readdirSync(folder)).toEqual([]);
      expect(events).not.toContain('backup.failed');
      expect(await core.dispatch('backups.cancelExport', {})).toEqual({ ok: true, data: { cancelled: false } });
    } finally {
      await core.close();
    }
  });
});
