import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotInfo } from '../../../shared/schemas/backup';
import type { BlobStore } from '../attachments/blob-store';
import { storageError } from '../attachments/blob-store';
import type { Clock } from '../clock';
import { sqliteVersion, type Db } from '../db/open';
import { removeWithRetry, renameWithRetry, syncFolder } from '../durable-files';
import { inParallel } from '../in-parallel';
import type { JobRunner } from '../jobs/runner';
import type { Logger } from '../logger';
import { describeError } from '../logger';
import { prepareBackupFolder, sharedFilePath, snapshotIdFor, tempSnapshotPrefix } from './backup-folder';
import { copyLiveDatabase, type Progress } from './database-copy';
import { CopiedManifest, notCopiedInWords, snapshotDatabaseName, writeManifest } from './manifest';
import { writeVerification, type VerificationRecord } from './check-records';
import { sealedDatabaseName, sealedFileNames, sealedFilePath } from './encryption/folder-layout';
import {
  removeWorkLeftovers,
  sealedWith,
  sealFile,
  unsealedBytes,
  workFolderPrefix,
  type FolderSeal,
} from './encryption/folder-sealing';
import { hashPieces } from '../hashing-copy';
import { CrmError } from '../errors';
import { copyCheckedFile, sharedFileNames, syncFolders } from './shared-files';
import { snapshotInfo } from './snapshot-list';
import { checkDatabaseFile } from './verify';

export interface SnapshotSource {
  db: Db;
  store: BlobStore;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  /** Reads of the copy run as jobs, off the thread that answers requests. */
  jobs: JobRunner;
}

// Attachments copied at once: their fsyncs overlap.
const filesAtOnce = 16;

type Blob = { sha256: string; size: number };

/** A snapshot stands alone: no -wal or -shm beside it (the copy still says WAL mode in its header). */
function leaveWalMode(copyPath: string): void {
  const copy = new Database(copyPath);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Copies into the shared files folder the attachments it lacks, each hashed
 * as it is copied (the only time a snapshot reads an attachment); files it
 * already holds are shared, never read again. With a seal, they are sealed as
 * they are copied, into the sealed files of that key. Returns what could not
 * be copied whole, and how many files were copied.
 */
async function copyNewAttachments(
  store: BlobStore,
  backupsDir: string,
  attachments: readonly Blob[],
  seal: FolderSeal | undefined,
  onProgress: Progress,
): Promise<{ notCopied: CopiedManifest['notCopied']; copied: number }> {
  const present = seal ? await sealedFileNames(backupsDir, seal.keyId) : await sharedFileNames(backupsDir);
  const missing = attachments.filter((blob) => !present.has(blob.sha256));
  const destination = (sha256: string) =>
    seal ? sealedFilePath(backupsDir, seal.keyId, sha256) : sharedFilePath(backupsDir, sha256);
  const copy = async (source: string, sha256: string) =>
    seal
      ? (await sealFile(source, destination(sha256), seal, sha256)).named
      : copyCheckedFile(source, destination(sha256), sha256);
  const notCopied: CopiedManifest['notCopied'] = [];
  let done = 0;
  await inParallel(missing, filesAtOnce, async ({ sha256 }) => {
    const source = store.pathFor(sha256);
    if (!existsSync(source)) notCopied.push({ sha256, why: 'missing' });
    else if (!(await copy(source, sha256))) notCopied.push({ sha256, why: 'damaged' });
    onProgress(++done / missing.length);
  });
  syncFolders(missing.map((blob) => destination(blob.sha256)));
  notCopied.sort((a, b) => a.sha256.localeCompare(b.sha256));
  return { notCopied, copied: missing.length - notCopied.length };
}

/**
 * Seals the checked plain copy into the snapshot folder and reads it back:
 * SQLite's checks run on the plain copy (in the data folder) while it is
 * sealed, and the sealed file must unseal to the very bytes checked. Returns
 * the verification record (the plain bytes' checksum, as for any snapshot).
 */
async function sealCheckedCopy(
  plainCopy: string,
  snapshotDir: string,
  schemaVersion: number,
  seal: FolderSeal,
  jobs: SnapshotSource['jobs'],
  verifiedAt: Date,
): Promise<VerificationRecord> {
  const sealedPath = join(snapshotDir, sealedDatabaseName);
  // Both settle before either failure is thrown: the clean-up must not race a write.
  const [checks, sealing] = await Promise.allSettled([
    checkDatabaseFile(plainCopy, schemaVersion, jobs),
    sealFile(plainCopy, sealedPath, seal),
  ]);
  if (checks.status === 'rejected') throw checks.reason;
  if (sealing.status === 'rejected') throw sealing.reason;
  const [problems, sealed] = [checks.value, sealing.value];
  const readBack = await hashPieces(unsealedBytes(sealedPath, sealedWith(seal)));
  if (readBack.sha256 !== sealed.sha256) {
    throw new CrmError(
      'STORAGE',
      'The encrypted backup did not read back as it was written (the backup folder may be failing), so it was not kept.',
    );
  }
  return { verifiedAt: verifiedAt.toISOString(), databaseSha256: sealed.sha256, problems };
}

/**
 * Takes a snapshot: the database as one moment in time while the app keeps
 * writing (database-copy.ts), the attachments it names that the shared files
 * folder lacks, and manifest.json written last. Built in a temp folder and
 * renamed into place, so a folder with a snapshot's name is always complete.
 * From then on it is usable and listed as verifying; its verification
 * (checksums, SQLite's checks on the copy) follows, off this path (verify.ts).
 * With a seal (a chosen folder, encryption on) nothing plain reaches the
 * folder, and the snapshot is verified before it is named (sealCheckedCopy).
 */
export async function takeSnapshot(
  source: SnapshotSource,
  backupsDir: string,
  reason: string,
  onProgress: Progress = () => {},
  seal?: FolderSeal,
): Promise<SnapshotInfo> {
  const { db, store, clock, logger } = source;
  await prepareBackupFolder(backupsDir).catch((error: unknown) => {
    throw storageError(error, 'prepare the backup folder', 'the backup folder');
  });
  let createdAt = clock.now();
  while (existsSync(join(backupsDir, snapshotIdFor(createdAt)))) createdAt = new Date(createdAt.getTime() + 1);
  const id = snapshotIdFor(createdAt);
  const temp = join(backupsDir, `${tempSnapshotPrefix}${id}-${randomUUID().slice(0, 8)}`);
  // A sealed snapshot's plain copy is made in the data folder (same disk as the database), never in the chosen one.
  const work = seal ? join(seal.workDir, `${workFolderPrefix}${randomUUID()}`) : temp;
  try {
    if (seal) {
      await removeWorkLeftovers(seal.workDir);
      await mkdir(work);
    }
    await mkdir(temp);
    const copyPath = join(work, snapshotDatabaseName);
    const copiedBy = await copyLiveDatabase(db, copyPath, (fraction) => onProgress(0.8 * fraction));
    leaveWalMode(copyPath);
    // The copy is fsynced already (by copyLiveDatabase, or by SQLite as the backup committed), as is the journal mode change.
    // What it holds is read in a job: counting every table reads much of the file.
    const described = await source.jobs.run('describeCopy', { file: copyPath });
    const size = (await stat(copyPath)).size;
    const checked = seal
      ? await sealCheckedCopy(copyPath, temp, described.schemaVersion, seal, source.jobs, clock.now())
      : undefined;
    if (seal) await removeWithRetry(work);
    onProgress(0.9);
    const { notCopied, copied } = await copyNewAttachments(store, backupsDir, described.attachments, seal, (fraction) =>
      onProgress(0.9 + 0.1 * fraction),
    );

    const manifest: CopiedManifest = {
      format: 2,
      app: 'Rolodesk',
      appVersion: source.appVersion,
      schemaVersion: described.schemaVersion,
      sqliteVersion: sqliteVersion(db),
      createdAt: createdAt.toISOString(),
      reason,
      counts: described.counts,
      database: { file: snapshotDatabaseName, size },
      attachments: described.attachments,
      notCopied,
    };
    // A sealed snapshot is verified as it is made (its plain copy is gone after): the record goes in before the manifest.
    const verification = checked && { ...checked, problems: [...checked.problems, ...notCopied.map(notCopiedInWords)] };
    if (verification) await writeVerification(temp, verification);
    // Written durably, its folder synced: the manifest is the last name made inside the temp folder.
    await writeManifest(temp, manifest);
    await renameWithRetry(temp, join(backupsDir, id));
    syncFolder(backupsDir);
    onProgress(1);
    logger.info('snapshot taken', {
      id,
      reason,
      copiedBy,
      sealed: seal !== undefined,
      filesCopied: copied,
      notCopied: notCopied.length,
    });
    return snapshotInfo(id, manifest, verification ? { state: 'read', record: verification } : undefined);
  } catch (error) {
    if (seal)
      await removeWithRetry(work).catch((cleanup: unknown) =>
        logger.warn('could not remove a plain work copy; the next snapshot will', {
          work,
          error: describeError(cleanup),
        }),
      );
    await removeWithRetry(temp).catch((cleanup: unknown) =>
      logger.warn('could not remove a half-built snapshot; the next run will', { temp, error: describeError(cleanup) }),
    );
    logger.error('snapshot failed', { backupsDir, reason, error: describeError(error) });
    throw storageError(error, 'take a backup', 'the backup folder');
  }
}
