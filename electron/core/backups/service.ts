import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import type { BackupSettings, BackupStatus, SnapshotInfo } from '../../../shared/schemas/backup';
import { latestSchemaVersion } from '../db/migrations';
import { removeWithRetry } from '../durable-files';
import type { DesktopServices } from '../desktop';
import { CrmError } from '../errors';
import type { EventSink } from '../events';
import type { JobRunner } from '../jobs/runner';
import { describeError, type Logger } from '../logger';
import type { Clock } from '../clock';
import { exportArchive, stageArchive } from './archive';
import { chosenFolderSubfolder, prepareBackupFolder, sharedFilePath } from './backup-folder';
import { readBackupConfig, writeBackupConfig, type BackupConfig } from './backup-config';
import { readManifest, snapshotDatabaseName } from './manifest';
import { pruneBackups } from './prune';
import { takeSnapshot, type SnapshotSource } from './snapshot';
import { listSnapshots, snapshotInfo, writeCheck } from './snapshot-list';
import { stageRestore } from './stage-restore';
import { verifyContents, verifySnapshot, type SnapshotContents } from './verify';

export interface BackupServiceDeps {
  root: string;
  defaultLocation: string;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  emit: EventSink;
  desktop: DesktopServices;
  /** Verification and restore staging read whole files: they run as jobs. */
  jobs: JobRunner;
  /** The live database and attachments, or undefined while the database is damaged. */
  liveSource(): SnapshotSource | undefined;
  /** Changes written by the live connection so far (SQLite's total_changes). */
  changeCounter(): number;
  /** Closes the live database, swaps the staged data in, reopens. */
  replaceData(stagingName: string): Promise<void>;
}

/**
 * Snapshots, their schedule's work, export, restore and undo, one job at a
 * time. Every failure is loud: logged, sent to the window as backup.failed,
 * and kept for the status banner until a backup succeeds.
 */
export function backupService(deps: BackupServiceDeps) {
  const { root, clock, logger, emit, jobs } = deps;
  let config: BackupConfig = readBackupConfig(root);
  let lastFailure: BackupStatus['lastFailure'] = null;
  let growthWarning: string | null = null;
  let changesAtLastSnapshot = -1;
  let queue: Promise<unknown> = Promise.resolve();
  let exportInProgress: AbortController | undefined;

  const location = () => config.location ?? deps.defaultLocation;
  const saveConfig = async (next: BackupConfig) => {
    await writeBackupConfig(root, next);
    config = next;
  };

  /** Runs jobs one after the other: a restore never overlaps a snapshot. */
  function exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  async function loud<T>(what: string, job: () => Promise<T>, stoppedOnRequest: () => boolean = () => false): Promise<T> {
    try {
      return await job();
    } catch (error) {
      if (stoppedOnRequest()) throw error;
      const message = error instanceof CrmError ? error.message : `Rolodesk could not ${what}. The details are in the log.`;
      lastFailure = { at: clock.now().toISOString(), message };
      logger.error(`${what} failed`, { error: describeError(error) });
      emit('backup.failed', { message });
      throw error;
    }
  }

  async function logged<T>(what: string, job: () => Promise<T>): Promise<T> {
    try {
      return await job();
    } catch (error) {
      logger.error(`${what} failed; nothing was changed`, { error: describeError(error) });
      throw error;
    }
  }

  async function snapshotNow(reason: string): Promise<SnapshotInfo> {
    const source = deps.liveSource();
    if (!source) throw new CrmError('DATABASE_CORRUPT', 'The database is damaged, so there is nothing safe to back up. Restore a backup first.');
    const changes = deps.changeCounter();
    const info = await takeSnapshot(source, location(), reason, (fraction) => emit('backup.progress', { job: 'snapshot', fraction }));
    changesAtLastSnapshot = changes;
    if (!info.verified) throw new CrmError('STORAGE', `The backup was taken but did not pass its checks: ${info.problems[0] ?? 'unknown problem'}.`);
    lastFailure = null;
    const pruned = await pruneBackups(location(), config.settings, clock.now(), logger).catch((error: unknown) => {
      logger.warn('pruning old backups failed', { error: describeError(error) });
      return { warning: 'Old backups could not be pruned; the backup folder keeps growing.' };
    });
    growthWarning = pruned.warning;
    emit('backup.changed', {});
    return info;
  }

  async function restoreContents(contents: SnapshotContents, source: { kind: 'snapshot' | 'file'; name: string }): Promise<void> {
    if (contents.manifest.schemaVersion > latestSchemaVersion) {
      throw new CrmError('SCHEMA_TOO_NEW', `This backup was made by a newer version of Rolodesk (data version ${contents.manifest.schemaVersion}). Install the latest Rolodesk to restore it. Nothing was changed.`);
    }
    const progress = (fraction: number) => emit('backup.progress', { job: 'restore', fraction });
    const problems = await verifyContents(contents, jobs, (fraction) => progress(fraction * 0.3));
    if (problems.length > 0) throw new CrmError('BACKUP_INVALID', `This backup cannot be restored: ${problems[0]}. Nothing was changed.`);
    const safety = deps.liveSource() ? await snapshotNow('before restore') : undefined;
    const staging = await stageRestore(root, contents, jobs, logger, (fraction) => progress(0.4 + fraction * 0.5));
    await deps.replaceData(staging);
    await saveConfig({
      ...config,
      undoRestore: safety ? { restoredAt: clock.now().toISOString(), snapshotId: safety.id, restoredFrom: { ...source, createdAt: contents.manifest.createdAt } } : null,
    });
    changesAtLastSnapshot = -1;
    progress(1);
    // After the undo record is saved, so a status read on this event sees it.
    emit('backup.changed', {});
    logger.info('data restored', { from: source, safetySnapshot: safety?.id ?? null });
  }

  async function restoreSnapshotById(id: string): Promise<void> {
    const dir = join(location(), id);
    let manifest;
    try {
      manifest = await readManifest(dir);
    } catch {
      throw new CrmError('BACKUP_INVALID', 'That backup has no readable manifest, so it cannot be restored. Nothing was changed.');
    }
    await restoreContents({ databasePath: join(dir, snapshotDatabaseName), manifest, filePath: (sha256) => sharedFilePath(location(), sha256) }, { kind: 'snapshot', name: id });
  }

  return {
    location,
    settings: () => config.settings,

    async status(): Promise<BackupStatus> {
      const newestVerified = (await listSnapshots(location())).find((snapshot) => snapshot.verified);
      return {
        location: location(),
        isDefaultLocation: config.location === null,
        settings: config.settings,
        lastVerifiedAt: newestVerified?.createdAt ?? null,
        lastFailure,
        undoRestore: config.undoRestore,
        growthWarning,
      };
    },

    async list(): Promise<SnapshotInfo[]> {
      return (await listSnapshots(location())).map(({ manifest: _manifest, ...info }) => info);
    },

    async newestVerified(): Promise<SnapshotInfo | null> {
      const newest = (await listSnapshots(location())).find((snapshot) => snapshot.verified);
      if (!newest) return null;
      const { manifest: _manifest, ...info } = newest;
      return info;
    },

    snapshot: (reason: string) => exclusive(() => loud('take a backup', () => snapshotNow(reason))),

    /** For the schedule and for quitting: a snapshot only when something changed since the last one. */
    snapshotIfChanged: (reason: string) =>
      exclusive(async () => (deps.liveSource() && deps.changeCounter() !== changesAtLastSnapshot ? loud('take a backup', () => snapshotNow(reason)) : undefined)),

    /** Re-hashes one snapshot now and records the result. */
    verify: (id: string) =>
      exclusive(async () => {
        const problems = await verifySnapshot(location(), id, jobs, (fraction) => emit('backup.progress', { job: 'verify', fraction }));
        await writeCheck(join(location(), id), { checkedAt: clock.now().toISOString(), problems });
        const found = (await listSnapshots(location())).find((snapshot) => snapshot.id === id);
        if (!found?.manifest) throw new CrmError('NOT_FOUND', 'That backup no longer exists.');
        return snapshotInfo(id, found.manifest, { checkedAt: clock.now().toISOString(), problems });
      }),

    /** The daily re-check: a snapshot that no longer matches (a failing disk) is marked and never offered as good. */
    verifyAllIfDue: (everyMs = 24 * 3600 * 1000) =>
      exclusive(async () => {
        if (config.lastFullCheckAt && clock.now().getTime() - new Date(config.lastFullCheckAt).getTime() < everyMs) return;
        for (const snapshot of await listSnapshots(location())) {
          const problems = await verifySnapshot(location(), snapshot.id, jobs);
          await writeCheck(join(location(), snapshot.id), { checkedAt: clock.now().toISOString(), problems });
          if (problems.length > 0) logger.error('a backup no longer matches its checksums', { id: snapshot.id, problems });
        }
        await saveConfig({ ...config, lastFullCheckAt: clock.now().toISOString() });
        emit('backup.changed', {});
      }),

    // Restores answer to the dialog that asked for them: a refused backup is not a failed backup.
    restoreSnapshot: (id: string) => exclusive(() => logged('restore the backup', () => restoreSnapshotById(id))),

    restoreArchive: (archivePath: string) =>
      exclusive(() =>
        logged('restore the backup file', async () => {
          const staging = join(root, `.restore-archive-${randomUUID()}`);
          try {
            await restoreContents(await stageArchive(archivePath, staging), { kind: 'file', name: basename(archivePath) });
          } finally {
            await removeWithRetry(staging).catch(() => logger.warn('could not remove an unpacked backup file', { staging }));
          }
        }),
      ),

    undoRestore: () =>
      exclusive(async () => {
        const undo = config.undoRestore;
        if (!undo) throw new CrmError('NOT_FOUND', 'There is no restore to undo.');
        await logged('undo the restore', () => restoreSnapshotById(undo.snapshotId));
        await saveConfig({ ...config, undoRestore: null });
      }),

    /** Writes one portable backup file of the data as it is now, verified by reading it back. */
    exportTo: (destination: string) =>
      exclusive(async () => {
        exportInProgress = new AbortController();
        const { signal } = exportInProgress;
        try {
          await loud(
            'export the backup',
            async () => {
              const snapshot = await snapshotNow('export');
              signal.throwIfAborted();
              await exportArchive(location(), snapshot.id, destination, jobs, (fraction) => emit('backup.progress', { job: 'export', fraction }), signal);
            },
            () => signal.aborted,
          );
        } catch (error) {
          // Stopping on request is not a failure to shout about.
          if (signal.aborted) throw new CrmError('CANCELLED', 'The export was stopped. No backup file was written.');
          throw error;
        } finally {
          exportInProgress = undefined;
        }
      }),

    cancelExport(): boolean {
      if (!exportInProgress) return false;
      exportInProgress.abort();
      return true;
    },

    /** Backups go to our own subfolder of the chosen folder, starting with one snapshot there now. */
    chooseLocation: (folder: string | null) =>
      exclusive(async () => {
        const target = folder === null ? null : join(folder, chosenFolderSubfolder);
        await prepareBackupFolder(target ?? deps.defaultLocation);
        await saveConfig({ ...config, location: target });
        logger.info('backup location changed', { location: location() });
        if (deps.liveSource()) await loud('take a backup', () => snapshotNow('new backup folder'));
      }),

    updateSettings: (settings: BackupSettings) => exclusive(() => saveConfig({ ...config, settings })),

    /** Waits for the job in progress (on quit). */
    idle: () => exclusive(async () => undefined),
  };
}

export type BackupService = ReturnType<typeof backupService>;
