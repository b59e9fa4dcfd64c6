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
import { CopiedManifest, snapshotDatabaseName, writeManifest } from './manifest';
import { copyCheckedFile, sharedFileNames, syncFolders } from './shared-files';
import { snapshotInfo } from './snapshot-list';

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
 * already holds are shared, never read again. Returns what could not be
 * copied whole, and how many files were copied.
 */
async function copyNewAttachments(store: BlobStore, backupsDir: string, attachments: readonly Blob[], onProgress: Progress): Promise<{ notCopied: CopiedManifest['notCopied']; copied: number }> {
  const present = await sharedFileNames(backupsDir);
  const missing = attachments.filter((blob) => !present.has(blob.sha256));
  const notCopied: CopiedManifest['notCopied'] = [];
  let done = 0;
  await inParallel(missing, filesAtOnce, async ({ sha256 }) => {
    const source = store.pathFor(sha256);
    if (!existsSync(source)) notCopied.push({ sha256, why: 'missing' });
    else if (!(await copyCheckedFile(source, sharedFilePath(backupsDir, sha256), sha256))) notCopied.push({ sha256, why: 'damaged' });
    onProgress(++done / missing.length);
  });
  syncFolders(missing.map((blob) => sharedFilePath(backupsDir, blob.sha256)));
  notCopied.sort((a, b) => a.sha256.localeCompare(b.sha256));
  return { notCopied, copied: missing.length - notCopied.length };
}

/**
 * Takes a snapshot: the database as one moment in time while the app keeps
 * writing (database-copy.ts), the attachments it names that the shared files
 * folder lacks, and manifest.json written last. Built in a temp folder and
 * renamed into place, so a folder with a snapshot's name is always complete.
 * From then on it is usable and listed as verifying; its verification
 * (checksums, SQLite's checks on the copy) follows, off this path (verify.ts).
 */
export async function takeSnapshot(source: SnapshotSource, backupsDir: string, reason: string, onProgress: Progress = () => {}): Promise<SnapshotInfo> {
  const { db, store, clock, logger } = source;
  await prepareBackupFolder(backupsDir).catch((error: unknown) => {
    throw storageError(error, 'prepare the backup folder', 'the backup folder');
  });
  let createdAt = clock.now();
  while (existsSync(join(backupsDir, snapshotIdFor(createdAt)))) createdAt = new Date(createdAt.getTime() + 1);
  const id = snapshotIdFor(createdAt);
  const temp = join(backupsDir, `${tempSnapshotPrefix}${id}-${randomUUID().slice(0, 8)}`);
  try {
    await mkdir(temp);
    const copyPath = join(temp, snapshotDatabaseName);
    const copiedBy = await copyLiveDatabase(db, copyPath, (fraction) => onProgress(0.9 * fraction));
    leaveWalMode(copyPath);
    // The copy is fsynced already (by copyLiveDatabase, or by SQLite as the backup committed), as is the journal mode change.
    // What it holds is read in a job: counting every table reads much of the file.
    const described = await source.jobs.run('describeCopy', { file: copyPath });
    const { notCopied, copied } = await copyNewAttachments(store, backupsDir, described.attachments, (fraction) => onProgress(0.9 + 0.1 * fraction));

    const manifest: CopiedManifest = {
      format: 2,
      app: 'Rolodesk',
      appVersion: source.appVersion,
      schemaVersion: described.schemaVersion,
      sqliteVersion: sqliteVersion(db),
      createdAt: createdAt.toISOString(),
      reason,
      counts: described.counts,
      database: { file: snapshotDatabaseName, size: (await stat(copyPath)).size },
      attachments: described.attachments,
      notCopied,
    };
    // Written durably, its folder synced: the manifest is the last name made inside the temp folder.
    await writeManifest(temp, manifest);
    await renameWithRetry(temp, join(backupsDir, id));
    syncFolder(backupsDir);
    onProgress(1);
    logger.info('snapshot taken', { id, reason, copiedBy, filesCopied: copied, notCopied: notCopied.length });
    return snapshotInfo(id, manifest);
  } catch (error) {
    await removeWithRetry(temp).catch((cleanup: unknown) => logger.warn('could not remove a half-built snapshot; the next run will', { temp, error: describeError(cleanup) }));
    logger.error('snapshot failed', { backupsDir, reason, error: describeError(error) });
    throw storageError(error, 'take a backup', 'the backup folder');
  }
}
