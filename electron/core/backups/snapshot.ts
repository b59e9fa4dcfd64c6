import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnapshotInfo } from '../../../shared/schemas/backup';
import type { BlobStore } from '../attachments/blob-store';
import { storageError } from '../attachments/blob-store';
import type { Clock } from '../clock';
import { sqliteVersion, type Db } from '../db/open';
import { removeWithRetry, renameWithRetry, syncFile, syncFolder } from '../durable-files';
import type { JobRunner } from '../jobs/runner';
import type { Logger } from '../logger';
import { describeError } from '../logger';
import { prepareBackupFolder, sharedFilePath, snapshotIdFor, tempSnapshotPrefix } from './backup-folder';
import { flushWhileCopying } from './flush-while-copying';
import { hashFile, snapshotDatabaseName, writeManifest, type Manifest } from './manifest';
import { snapshotInfo } from './snapshot-list';
import { copyCheckedFile } from './shared-files';

export interface SnapshotSource {
  db: Db;
  store: BlobStore;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  /** The checks on the copy read all of it: they run as a job. */
  jobs: JobRunner;
}

/** Fraction done, 0…1, for the progress bar. */
export type Progress = (fraction: number) => void;

// Pages copied per step of the online backup; the event loop runs between steps.
const pagesPerStep = 256;

/**
 * Takes a snapshot: the database through SQLite's online backup API (on the
 * connection the app writes with, so it completes even while the app writes),
 * checks run on the copy, the attachments it names copied once into the shared
 * files folder, and manifest.json written last. Built in a temp folder and
 * renamed into place, so a folder with a snapshot's name is always complete.
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
    const flush = flushWhileCopying(copyPath);
    try {
      await db.backup(copyPath, {
        progress: ({ totalPages, remainingPages }) => {
          onProgress(totalPages === 0 ? 0.5 : (0.6 * (totalPages - remainingPages)) / totalPages);
          flush.copied(totalPages - remainingPages);
          return pagesPerStep;
        },
      });
    } finally {
      await flush.settled();
    }

    // A snapshot stands alone: no -wal or -shm beside it (set first, so the checks read the plain file).
    const copy = new Database(copyPath);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = await source.jobs.run('inspectCopy', { file: copyPath, listContents: true });
    onProgress(0.7);

    const attachmentProblems: string[] = [];
    for (const [index, blob] of checked.attachments.entries()) {
      const problem = await copyCheckedFile(store.pathFor(blob.sha256), sharedFilePath(backupsDir, blob.sha256), blob);
      if (problem) attachmentProblems.push(problem);
      onProgress(0.7 + (0.25 * (index + 1)) / checked.attachments.length);
    }

    await syncFile(copyPath);
    const manifest: Manifest = {
      format: 1,
      app: 'Rolodesk',
      appVersion: source.appVersion,
      schemaVersion: checked.schemaVersion,
      sqliteVersion: sqliteVersion(db),
      createdAt: createdAt.toISOString(),
      reason,
      counts: checked.counts,
      database: { file: snapshotDatabaseName, ...(await hashFile(copyPath)) },
      attachments: checked.attachments,
      checks: { integrityCheck: checked.integrity, foreignKeyCheck: checked.foreignKeys, attachmentProblems },
    };
    await writeManifest(temp, manifest);
    syncFolder(temp);
    await renameWithRetry(temp, join(backupsDir, id));
    syncFolder(backupsDir);
    onProgress(1);
    const info = snapshotInfo(id, manifest, undefined);
    logger[info.verified ? 'info' : 'error']('snapshot taken', { id, reason, verified: info.verified, problems: info.problems });
    return info;
  } catch (error) {
    await removeWithRetry(temp).catch((cleanup: unknown) => logger.warn('could not remove a half-built snapshot; the next run will', { temp, error: describeError(cleanup) }));
    logger.error('snapshot failed', { backupsDir, reason, error: describeError(error) });
    throw storageError(error, 'take a backup', 'the backup folder');
  }
}
