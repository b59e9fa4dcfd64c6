import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupSettings } from '../../../shared/schemas/backup';
import { removeWithRetry } from '../durable-files';
import { describeError, type Logger } from '../logger';
import { isOurBackupFolder, sharedFilesFolder, tempSnapshotPrefix } from './backup-folder';
import { isSealedSnapshot, sealedFilesFolder, sealedKeyIds, snapshotKeyId } from './encryption/folder-layout';
import { snapshotsToKeep } from './retention';
import { listSnapshots, type ListedSnapshot } from './snapshot-list';

export interface PruneReport {
  deleted: string[];
  failed: string[];
  filesDeleted: number;
  /** Set when backups keep growing: deletes that fail, or more snapshots than the policy keeps. */
  warning: string | null;
}

const shaPattern = /^[0-9a-f]{64}$/;

/**
 * Applies the retention policy inside our own backups folder only (it must
 * carry the marker file), to names of our own pattern only; then deletes
 * shared attachment files no remaining snapshot names, and half-built
 * snapshots left by an interrupted run. Call only while no snapshot is being taken.
 */
export async function pruneBackups(
  backupsDir: string,
  policy: BackupSettings,
  now: Date,
  logger: Logger,
): Promise<PruneReport> {
  const report: PruneReport = { deleted: [], failed: [], filesDeleted: 0, warning: null };
  if (!isOurBackupFolder(backupsDir)) {
    logger.warn('not pruning: the folder has no Rolodesk backups marker', { backupsDir });
    return report;
  }
  const attempt = async (path: string): Promise<boolean> => {
    try {
      await removeWithRetry(path);
      return true;
    } catch (error) {
      logger.warn('could not delete an old backup item; will retry next time', { path, error: describeError(error) });
      return false;
    }
  };

  for (const entry of await readdir(backupsDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith(tempSnapshotPrefix)) await attempt(join(backupsDir, entry.name));
  }

  const snapshots = await listSnapshots(backupsDir);
  const keep = snapshotsToKeep(
    snapshots.map((snapshot) => ({
      id: snapshot.id,
      createdAt: new Date(snapshot.createdAt),
      verified: snapshot.verified,
    })),
    now,
    policy,
  );
  for (const snapshot of snapshots) {
    if (keep.has(snapshot.id)) continue;
    if (await attempt(join(backupsDir, snapshot.id))) report.deleted.push(snapshot.id);
    else report.failed.push(snapshot.id);
  }

  const remaining = snapshots.filter((snapshot) => !report.deleted.includes(snapshot.id));
  const attemptAll = async (paths: string[]) => {
    for (const path of paths) if (await attempt(path)) report.filesDeleted++;
  };
  // Without every remaining manifest (and sealed snapshot's key) we cannot know which files are still needed: keep them all.
  const needed = await filesNeeded(backupsDir, remaining);
  if (needed) {
    await attemptAll(await unusedFiles(join(backupsDir, sharedFilesFolder), needed.plain));
    for (const keyId of await sealedKeyIds(backupsDir)) {
      await attemptAll(
        await unusedFiles(join(backupsDir, sealedFilesFolder, keyId), needed.sealed.get(keyId) ?? new Set()),
      );
    }
  }

  const expectedMax = policy.keepNewest + policy.keepDaily + policy.keepWeekly + 1;
  if (report.failed.length > 0) {
    report.warning = `${report.failed.length} old backup${report.failed.length === 1 ? '' : 's'} could not be deleted (another program may be using the backup folder), so backups are growing.`;
  } else if (remaining.length > expectedMax) {
    report.warning = `The backup folder holds ${remaining.length} snapshots, more than the ${expectedMax} Rolodesk keeps; some could not be pruned.`;
  }
  if (report.warning) logger.warn('backups keep growing', { backupsDir, warning: report.warning });
  if (report.deleted.length > 0 || report.filesDeleted > 0)
    logger.info('old backups pruned', { deleted: report.deleted, filesDeleted: report.filesDeleted });
  return report;
}

/** The attachments the remaining snapshots name, plain and per sealing key; undefined when that cannot be known. */
async function filesNeeded(
  backupsDir: string,
  remaining: readonly ListedSnapshot[],
): Promise<{ plain: Set<string>; sealed: Map<string, Set<string>> } | undefined> {
  const plain = new Set<string>();
  const sealed = new Map<string, Set<string>>();
  for (const snapshot of remaining) {
    if (!snapshot.manifest) return undefined;
    let names = plain;
    if (isSealedSnapshot(join(backupsDir, snapshot.id))) {
      const keyId = await snapshotKeyId(join(backupsDir, snapshot.id)).catch(() => undefined);
      if (keyId === undefined) return undefined;
      names = sealed.get(keyId) ?? new Set();
      sealed.set(keyId, names);
    }
    for (const file of snapshot.manifest.attachments) names.add(file.sha256);
  }
  return { plain, sealed };
}

/** Files in a shared files area (<2 hex>/<sha256>) that no snapshot needs, and leftovers of interrupted copies. */
async function unusedFiles(area: string, needed: ReadonlySet<string>): Promise<string[]> {
  const unused: string[] = [];
  for (const bucket of existsSync(area) ? await readdir(area) : []) {
    if (!/^[0-9a-f]{2}$/.test(bucket)) continue;
    for (const name of await readdir(join(area, bucket))) {
      if ((shaPattern.test(name) && !needed.has(name)) || name.endsWith('.partial'))
        unused.push(join(area, bucket, name));
    }
  }
  return unused;
}
