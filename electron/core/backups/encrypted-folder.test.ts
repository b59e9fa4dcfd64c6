import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus, SnapshotInfo } from '../../../shared/schemas/backup';
import { recordingDesktop, type RecordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';
import { openCore, type Core } from '../core';
import { jobRunner, type JobRunner } from '../jobs/runner';
import { memoryLogger, type Logger } from '../logger';
import { sealedDatabaseName, sealedFilesFolder } from './encryption/folder-layout';
import { workFolderPrefix } from './encryption/folder-sealing';
import { pruneBackups } from './prune';
import { ok } from '../../../tests/support/replies';
import { arrayContaining, stringContaining, stringMatching } from '../../../tests/support/matchers';

const password = 'correct horse battery';
// What must never be found in clear in the chosen folder.
const marker = {
  name: 'Zelda Quistgaard',
  email: 'zelda.quistgaard@example.org',
  note: 'Allergic to peanuts, divorce pending',
};
const attachmentSecret = 'Quistgaard salary statement 84213';
const pdf = Buffer.from(
  `%PDF-1.4\n% ${attachmentSecret}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  'latin1',
);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

/** Every file under the folder that holds a marker's bytes (or an SQLite database) in clear. */
function plainFindings(folder: string): string[] {
  const needles = [marker.name, marker.email, marker.note, attachmentSecret, 'SQLite format 3'].map((text) =>
    Buffer.from(text),
  );
  return filesUnder(folder).flatMap((path) => {
    const bytes = readFileSync(path);
    return needles.filter((needle) => bytes.includes(needle)).map((needle) => `${path}: ${needle.toString()}`);
  });
}

function flipByte(path: string, at: number): void {
  const bytes = readFileSync(path);
  bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
  writeFileSync(path, bytes);
}

describe('snapshots in a chosen folder, with backup encryption on', () => {
  const tempDir = useTempDirs();
  const open: Core[] = [];
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close();
  });

  async function start(
    dataDir: string,
    desktop: RecordingDesktop,
    startJobs?: (logger: Logger) => JobRunner,
  ): Promise<Core> {
    const core = await openCore({
      dataDir,
      logger: memoryLogger(),
      appVersion: '1.0.0',
      desktop,
      ...(startJobs ? { startJobs } : {}),
    });
    open.push(core);
    return core;
  }

  async function closeCore(core: Core): Promise<void> {
    open.splice(open.indexOf(core), 1);
    await core.close();
  }

  /** A core with the marker client and attachment, encryption on (password not remembered), snapshots going to a chosen folder. */
  async function encryptedFolder(startJobs?: (logger: Logger) => JobRunner) {
    const dataDir = tempDir();
    const desktop = recordingDesktop();
    const core = await start(dataDir, desktop, startJobs);
    const { id } = await ok<{ id: number }>(
      core.dispatch('contacts.create', { name: marker.name, email: marker.email, notes: marker.note }),
    );
    const uploaded = await upload(core, id, 'salary.pdf', pdf);
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    await core.backups.keys.turnOn(password, false);
    desktop.folder = tempDir();
    const folder = join(desktop.folder, 'Rolodesk Backups');
    return { dataDir, desktop, core, folder, contactId: id };
  }

  it('exports a backup file from an encrypted folder, and the file restores on another computer with the password', async () => {
    const { desktop, core, folder } = await encryptedFolder();
    await ok(core.dispatch('backups.chooseLocation', {}));
    const exported = join(tempDir(), 'office.rolodesk-backup');
    desktop.saveLocation = exported;
    expect(await ok(core.dispatch('backups.export', {}))).toEqual({ saved: true });
    expect(plainFindings(folder)).toEqual([]);
    expect(readFileSync(exported).includes(Buffer.from(marker.email))).toBe(false);

    const elsewhere = recordingDesktop();
    const other = await start(tempDir(), elsewhere);
    elsewhere.backupFile = exported;
    const asked = await ok<{ restored: boolean; passwordFor?: { token: string } }>(
      other.dispatch('backups.restoreFromFile', {}),
    );
    expect(asked.restored).toBe(false);
    await ok(other.dispatch('backupEncryption.restoreFile', { token: asked.passwordFor!.token, password }));
    expect(other.db.prepare('SELECT name, email, notes FROM contacts').all()).toEqual([
      { name: marker.name, email: marker.email, notes: marker.note },
    ]);
    const [sha256] = other.db.prepare('SELECT sha256 FROM attachments').pluck().all() as string[];
    expect(readFileSync(join(other.paths.attachments, sha256!.slice(0, 2), sha256!))).toEqual(pdf);
  });

  it('prunes sealed snapshots by the same rules as plain ones', async () => {
    const { core, folder } = await encryptedFolder();
    await ok(core.dispatch('backups.chooseLocation', {}));
    for (let taken = 0; taken < 6; taken++) await ok(core.dispatch('backups.create', {}));
    await core.backups.settled();
    const { snapshots } = await ok<{ snapshots: SnapshotInfo[] }>(core.dispatch('backups.list', {}));
    // Keep the 4 newest; the days and weeks before today hold none.
    expect(snapshots).toHaveLength(4);
    expect(snapshots.every((snapshot) => snapshot.verified)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.startsWith('snapshot-'))).toHaveLength(4);
  });

  it('writes no client data in clear, verifies, and restores with the password after a restart', async () => {
    const { dataDir, desktop, core, folder, contactId } = await encryptedFolder();
    const status = await ok<BackupStatus>(core.dispatch('backups.chooseLocation', {}));
    expect(status).toMatchObject({ isDefaultLocation: false, locationEncrypted: true });
    expect(status.lastVerifiedAt).not.toBeNull();
    await ok(core.dispatch('backups.create', {}));
    await core.backups.settled();

    expect(plainFindings(folder)).toEqual([]);
    const { snapshots } = await ok<{ snapshots: SnapshotInfo[] }>(core.dispatch('backups.list', {}));
    expect(snapshots).toHaveLength(2);
    expect(
      snapshots.every(
        (snapshot) => snapshot.verified && snapshot.counts.contacts === 1 && snapshot.counts.attachments === 1,
      ),
    ).toBe(true);
    const [newest] = snapshots;
    expect(existsSync(join(folder, newest!.id, sealedDatabaseName))).toBe(true);
    expect(existsSync(join(folder, newest!.id, 'crm.db'))).toBe(false);
    // No plain work copy is left in the data folder either.
    expect(readdirSync(dataDir).filter((name) => name.startsWith(workFolderPrefix))).toEqual([]);

    // The client is deleted; the app restarts and the password is not remembered.
    const { trashId } = await ok<{ trashId: number }>(core.dispatch('contacts.delete', { id: contactId }));
    await ok(core.dispatch('trash.deleteForever', { trashId }));
    await closeCore(core);
    const again = await start(dataDir, desktop);

    // No key open: a snapshot is refused in words, and nothing new is written to the folder.
    const before = filesUnder(folder).sort();
    await expect(ok(again.dispatch('backups.create', {}))).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
      message: stringContaining('choose “Type the password…” under Encryption on the Backups screen'),
    });
    await again.backups.settled();
    expect(filesUnder(folder).sort()).toEqual(before);
    expect(await ok<BackupStatus>(again.dispatch('backups.status', {}))).toMatchObject({
      lastFailure: { message: stringContaining('Backups to this folder are encrypted') },
    });

    // Check again cannot read it: it waits for the password, it is not called damaged.
    const checked = await ok<SnapshotInfo>(again.dispatch('backups.verify', { id: newest!.id }));
    expect(checked.problems).toEqual(['it needs the backup password to be checked']);

    // Restore asks for the password, refuses a wrong one, and restores with the right one.
    await expect(ok(again.dispatch('backups.restore', { id: newest!.id }))).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    });
    await expect(
      ok(again.dispatch('backups.restore', { id: newest!.id, secret: { password: 'wrong horse battery' } })),
    ).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
      message: stringContaining('does not open'),
    });
    await ok(again.dispatch('backups.restore', { id: newest!.id, secret: { password } }));
    expect(again.db.prepare('SELECT name, email, notes FROM contacts').all()).toEqual([
      { name: marker.name, email: marker.email, notes: marker.note },
    ]);
    const [sha256] = again.db.prepare('SELECT sha256 FROM attachments').pluck().all() as string[];
    expect(readFileSync(join(again.paths.attachments, sha256!.slice(0, 2), sha256!))).toEqual(pdf);
    await again.backups.settled();
    // The safety snapshot before the restore was sealed too, with the password typed for the restore.
    expect(plainFindings(folder)).toEqual([]);

    // With the key open, Check again passes; a changed byte in the database or an attachment is reported.
    expect((await ok<SnapshotInfo>(again.dispatch('backups.verify', { id: newest!.id }))).verified).toBe(true);
    flipByte(join(folder, newest!.id, sealedDatabaseName), 5000);
    expect((await ok<SnapshotInfo>(again.dispatch('backups.verify', { id: newest!.id }))).problems).toEqual([
      stringContaining('does not match its checksum'),
    ]);
    const [sealedAttachment] = filesUnder(join(folder, sealedFilesFolder));
    flipByte(sealedAttachment!, statSync(sealedAttachment!).size - 20);
    // The first snapshot (taken when the folder was chosen) shares that attachment.
    const first = snapshots[1]!;
    expect((await ok<SnapshotInfo>(again.dispatch('backups.verify', { id: first.id }))).problems).toEqual([
      stringMatching(/^attachment .* does not match its checksum$/),
    ]);
  });

  it('a snapshot that fails midway leaves no plain copy in the chosen folder, nor in the data folder', async () => {
    let seen: string[] | undefined;
    let folderToWatch = '';
    // SQLite's checks run while the plain copy exists: look at the folder then, and fail.
    const failingChecks = (logger: Logger): JobRunner => {
      const real = jobRunner(logger);
      return {
        ...real,
        run: (async (name, args, options) => {
          if (name === 'checkCopy' && folderToWatch) {
            seen = plainFindings(folderToWatch);
            throw new Error('the check job crashed');
          }
          return real.run(name, args, options);
        }) as JobRunner['run'],
      };
    };
    const { dataDir, core, folder } = await encryptedFolder(failingChecks);
    folderToWatch = join(folder, '..');
    await expect(ok(core.dispatch('backups.chooseLocation', {}))).rejects.toThrow();
    expect(seen).toEqual([]);
    expect(plainFindings(folder)).toEqual([]);
    expect(readdirSync(folder).filter((name) => name.startsWith('snapshot-') || name.startsWith('.tmp-'))).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.startsWith(workFolderPrefix))).toEqual([]);
  });

  it('turned off, later snapshots are plain; earlier sealed ones still restore with the password, and pruning keeps each kind apart', async () => {
    const { dataDir, desktop, core, folder } = await encryptedFolder();
    await ok(core.dispatch('backups.chooseLocation', {}));
    const [sealed] = (await ok<{ snapshots: SnapshotInfo[] }>(core.dispatch('backups.list', {}))).snapshots;
    await core.backups.keys.turnOff();
    await ok(core.dispatch('contacts.create', { name: 'Plain Person' }));
    const plain = await ok<SnapshotInfo>(core.dispatch('backups.create', {}));
    await core.backups.settled();
    expect(await ok<BackupStatus>(core.dispatch('backups.status', {}))).toMatchObject({ locationEncrypted: false });
    expect(existsSync(join(folder, plain.id, 'crm.db'))).toBe(true);
    // The grep that finds nothing in sealed snapshots finds the client in a plain one.
    expect(plainFindings(folder)).toEqual(arrayContaining([stringContaining(marker.email)]));
    const listed = (await ok<{ snapshots: SnapshotInfo[] }>(core.dispatch('backups.list', {}))).snapshots;
    expect(listed.map((snapshot) => [snapshot.id, snapshot.verified])).toEqual([
      [plain.id, true],
      [sealed!.id, true],
    ]);

    await closeCore(core);
    const again = await start(dataDir, desktop);
    await expect(ok(again.dispatch('backups.restore', { id: sealed!.id }))).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    });
    await ok(again.dispatch('backups.restore', { id: sealed!.id, secret: { password } }));
    expect(again.db.prepare('SELECT name FROM contacts ORDER BY name').pluck().all()).toEqual([marker.name]);
    await again.backups.settled();

    // Only the newest kept: the sealed snapshot and its sealed files go; the plain shared file stays for the plain snapshots.
    const report = await pruneBackups(
      folder,
      { intervalMinutes: 15, keepNewest: 1, keepDaily: 0, keepWeekly: 0 },
      new Date(),
      memoryLogger(),
    );
    expect(report.deleted).toContain(sealed!.id);
    expect(filesUnder(join(folder, sealedFilesFolder))).toEqual([]);
    expect(filesUnder(join(folder, 'files'))).toHaveLength(1);
  });
});
