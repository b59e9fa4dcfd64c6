import { existsSync } from 'node:fs';
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
import { archiveSource, exportArchive } from './archive';
import type { BackupKeys } from './encryption/backup-keys';
import { isSealedSnapshot, sealedDatabaseName, sealedFilePath } from './encryption/folder-layout';
import { unsealedBytes, type FolderOpener, type FolderSeal } from './encryption/folder-sealing';
import type { Secret } from './encryption/key-set';
import { readSealedHeader } from './encryption/sealed-file';
import type { KeyFor } from './encryption/sealed-file';
import { openBackupZip } from './encryption/sealed-zip';
import { sealingForExport } from './encryption/export-sealing';
import { chosenFolderSubfolder, prepareBackupFolder, sharedFilePath } from './backup-folder';
import { readBackupConfig, writeBackupConfig, type BackupConfig } from './backup-config';
import { snapshotDatabaseName } from './manifest';
import { pruneBackups } from './prune';
import { takeSnapshot, type SnapshotSource } from './snapshot';
import { listSnapshots, publicInfo, readSnapshot } from './snapshot-list';
import { stageRestore, type RestoreSource } from './stage-restore';
import { needsPasswordProblem, recheckSnapshot, verifyNewSnapshot, type SharedFileHashes } from './verify';
import { fingerprint, pathForLog } from '../log-privacy';

export interface BackupServiceDeps {
  root: string;
  defaultLocation: string;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  emit: EventSink;
  desktop: DesktopServices;
  /** Verification and restore staging read whole files: their SQLite work runs as jobs. */
  jobs: JobRunner;
  /** The backup password's key: what encrypted backups are sealed and opened with. */
  keys: BackupKeys;
  /** The live database and attachments, or undefined while the database is damaged. */
  liveSource: () => SnapshotSource | undefined;
  /** Changes written by the live connection so far (SQLite's total_changes). */
  changeCounter: () => number;
  /** Closes the live database, swaps the staged data in, reopens. */
  replaceData: (stagingName: string) => Promise<void>;
}

/**
 * Snapshots, their verification, the schedule's work, export, restore and
 * undo, one job at a time. A snapshot is usable once copied; its verification
 * is the next job in line. Every failure is loud: logged, sent to the window
 * as backup.failed, and kept for the status banner until a backup succeeds.
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
  /** Snapshots to a folder the user chose are sealed while backup encryption is on (the default folder sits beside the data). */
  function sealsSnapshots(): boolean {
    if (config.location === null) return false;
    try {
      return deps.keys.keySet() !== undefined;
    } catch {
      // A damaged key file: snapshots to the folder stop (they are never written in clear).
      return true;
    }
  }

  /**
   * How the next snapshot is sealed; undefined when it is plain. With
   * encryption on and no key open, no snapshot goes to the folder at all:
   * it fails in words, never falls back to writing in clear.
   */
  async function sealing(): Promise<FolderSeal | undefined> {
    if (config.location === null) return undefined;
    const keySet = deps.keys.keySet();
    if (!keySet) return undefined;
    const key = await deps.keys.masterKey();
    if (!key || key.keyId !== keySet.keyId) {
      throw new CrmError(
        'PASSWORD_REQUIRED',
        'Backups to this folder are encrypted: choose “Type the password…” under Encryption on the Backups screen to continue them.',
      );
    }
    return { ...key, keySet, workDir: root };
  }

  /** How checks open sealed snapshots: the open (or remembered) key; without it they wait for the password. */
  const opener = (typed?: Secret): FolderOpener => ({ keyFor: deps.keys.keyFor(typed), workDir: root });

  const progressOf = (job: 'snapshot' | 'verify' | 'export' | 'restore') => (fraction: number) =>
    emit('backup.progress', { job, fraction });

  /** Runs jobs one after the other: a restore never overlaps a snapshot, nor a prune a verification. */
  function exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  }

  function reportFailure(what: string, message: string, context: Record<string, unknown>): void {
    lastFailure = { at: clock.now().toISOString(), message };
    logger.error(`${what} failed`, context);
    emit('backup.failed', { message });
  }

  async function loud<T>(
    what: string,
    job: () => Promise<T>,
    stoppedOnRequest: () => boolean = () => false,
  ): Promise<T> {
    try {
      return await job();
    } catch (error) {
      if (stoppedOnRequest()) throw error;
      reportFailure(
        what,
        error instanceof CrmError ? error.message : `Rolodesk could not ${what}. The details are in the log.`,
        { error: describeError(error) },
      );
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

  /** The copy: usable and listed (as verifying) as soon as this returns. */
  async function copyNow(reason: string): Promise<SnapshotInfo> {
    const source = deps.liveSource();
    if (!source)
      throw new CrmError(
        'DATABASE_CORRUPT',
        'The database is damaged, so there is nothing safe to back up. Restore a backup first.',
      );
    const changes = deps.changeCounter();
    const info = await takeSnapshot(source, location(), reason, progressOf('snapshot'), await sealing());
    changesAtLastSnapshot = changes;
    emit('backup.changed', {});
    return info;
  }

  const didNotPass = (problems: readonly string[]) =>
    `The backup was taken but did not pass its checks: ${problems[0]}.`;

  /**
   * The verification that follows a copy; returns its problems for the caller
   * to report. A pass ends a failure reported before the snapshot was taken.
   * Old snapshots are pruned after it, so retention knows the newest verified.
   */
  async function verifyCopied(info: Pick<SnapshotInfo, 'id' | 'createdAt'>): Promise<string[]> {
    const problems = await verifyNewSnapshot(location(), info.id, clock.now(), jobs, progressOf('verify'), opener());
    if (problems.length === 0) {
      if (lastFailure && lastFailure.at <= info.createdAt) lastFailure = null;
      logger.info('snapshot verified', { id: info.id });
    }
    const pruned = await pruneBackups(location(), config.settings, clock.now(), logger).catch((error: unknown) => {
      logger.warn('pruning old backups failed', { error: describeError(error) });
      return { warning: 'Old backups could not be pruned; the backup folder keeps growing.' };
    });
    growthWarning = pruned.warning;
    emit('backup.changed', {});
    return problems;
  }

  /** Verifies every snapshot still waiting for it, oldest first (one a quit or a crash left behind included). */
  async function verifyPending(): Promise<void> {
    const pending = (await listSnapshots(location())).filter((snapshot) => snapshot.verifying).reverse();
    for (const snapshot of pending) {
      const problems = await verifyCopied(snapshot);
      if (problems.length > 0) reportFailure('verify a backup', didNotPass(problems), { id: snapshot.id, problems });
    }
  }

  /**
   * Puts the verification of what was just copied next in line; the caller does not wait for it. A sealed
   * snapshot was verified as it was made: what follows a verification (the end of a reported failure,
   * pruning) follows it all the same.
   */
  function verifyNext(copied: Promise<SnapshotInfo | undefined>): void {
    const follow = async () => {
      await verifyPending();
      const made = await copied.catch(() => undefined);
      if (made?.verified) await verifyCopied(made);
    };
    void exclusive(follow).catch((error: unknown) =>
      reportFailure('verify a backup', 'Rolodesk could not check the newest backup. The details are in the log.', {
        error: describeError(error),
      }),
    );
  }

  /** A snapshot copied and verified before the caller goes on: for an export, a restore's safety copy, a new folder. */
  async function verifiedSnapshot(reason: string): Promise<SnapshotInfo> {
    const copied = await copyNow(reason);
    const problems = await verifyCopied(copied);
    if (problems.length > 0) throw new CrmError('STORAGE', didNotPass(problems));
    return { ...copied, verified: true, verifying: false };
  }

  async function restoreFrom(
    source: RestoreSource,
    from: { kind: 'snapshot' | 'file'; name: string; createdAt: string },
  ): Promise<void> {
    if (source.manifest.schemaVersion > latestSchemaVersion) {
      throw new CrmError(
        'SCHEMA_TOO_NEW',
        `This backup was made by a newer version of Rolodesk (data version ${source.manifest.schemaVersion}). Install the latest Rolodesk to restore it. Nothing was changed.`,
      );
    }
    const progress = progressOf('restore');
    // Staging verifies every byte it copies; only verified data is ever staged for the swap.
    const staging = await stageRestore(root, source, jobs, logger, (fraction) => progress(fraction * 0.7));
    let safety: SnapshotInfo | undefined;
    try {
      safety = deps.liveSource() ? await verifiedSnapshot('before restore') : undefined;
    } catch (error) {
      await removeWithRetry(join(root, staging)).catch(() =>
        logger.warn('could not remove a restore staging folder; the next start will', { staging }),
      );
      throw error;
    }
    progress(0.9);
    await deps.replaceData(staging);
    await saveConfig({
      ...config,
      undoRestore: safety ? { restoredAt: clock.now().toISOString(), snapshotId: safety.id, restoredFrom: from } : null,
    });
    changesAtLastSnapshot = -1;
    progress(1);
    // After the undo record is saved, so a status read on this event sees it.
    emit('backup.changed', {});
    logger.info('data restored', {
      from: from.kind === 'file' ? { ...from, name: fingerprint(from.name) } : from,
      safetySnapshot: safety?.id ?? null,
    });
  }

  /** A snapshot in the backup folder as the source of a restore; one not verified yet is verified first. */
  /**
   * A snapshot in the backup folder as the source of a restore; one not
   * verified yet is verified first. A sealed one is unsealed as it is staged
   * (every byte authenticated and hashed there), with the open key or the
   * secret typed for this restore; without either, PASSWORD_REQUIRED before
   * anything is staged, so the dialog asks.
   */
  async function snapshotSource(id: string, secret?: Secret): Promise<{ source: RestoreSource; createdAt: string }> {
    const folder = location();
    const keyFor = opener(secret).keyFor;
    let snapshot = await readSnapshot(folder, id);
    if (snapshot?.verifying) {
      await verifyNewSnapshot(folder, id, clock.now(), jobs, undefined, opener(secret));
      snapshot = await readSnapshot(folder, id);
    }
    if (!snapshot?.manifest)
      throw new CrmError(
        'BACKUP_INVALID',
        'That backup has no readable manifest, so it cannot be restored. Nothing was changed.',
      );
    // Waiting for the password to be re-checked is no fault: staging checks every byte against the verified checksum anyway.
    const passed =
      snapshot.verified || (snapshot.problems.length === 1 && snapshot.problems[0] === needsPasswordProblem);
    if (!passed || snapshot.databaseSha256 === undefined) {
      throw new CrmError(
        'BACKUP_INVALID',
        `This backup cannot be restored: ${snapshot.problems[0] ?? 'it did not pass its checks'}. Nothing was changed.`,
      );
    }
    const { manifest, databaseSha256, createdAt } = snapshot;
    // Our own verified snapshot: its checksum proves SQLite's checks passed on those very bytes, sealed or not.
    const verifiedSource = (bytes: Pick<RestoreSource, 'database' | 'file'>) => ({
      createdAt,
      source: { manifest, databaseSha256, checksumProvesChecks: true, ...bytes },
    });
    const snapshotDir = join(folder, id);
    if (isSealedSnapshot(snapshotDir)) {
      const sealedPath = join(snapshotDir, sealedDatabaseName);
      const header = await readSealedHeader(sealedPath).catch(() => {
        throw new CrmError(
          'BACKUP_INVALID',
          'This backup cannot be restored: the database file is missing or damaged. Nothing was changed.',
        );
      });
      // Asks for the key now: a missing or wrong password is refused before anything is staged.
      await keyFor(header);
      // The current password typed here opens the key for the session: the safety snapshot before the restore is sealed with it.
      if (secret && header.keyId === deps.keys.keySet()?.keyId && !(await deps.keys.masterKey()))
        await deps.keys.unlock(secret);
      return verifiedSource({
        database: () => Promise.resolve(unsealedBytes(sealedPath, keyFor)),
        file: (sha256) => {
          const path = sealedFilePath(folder, header.keyId, sha256);
          return Promise.resolve(existsSync(path) ? unsealedBytes(path, keyFor) : undefined);
        },
      });
    }
    const databasePath = join(snapshotDir, snapshotDatabaseName);
    return verifiedSource({
      database: () =>
        existsSync(databasePath)
          ? Promise.resolve(databasePath)
          : Promise.reject(
              new CrmError(
                'BACKUP_INVALID',
                'This backup cannot be restored: the database file is missing. Nothing was changed.',
              ),
            ),
      file: (sha256) => Promise.resolve(sharedFilePath(folder, sha256)),
    });
  }

  async function restoreSnapshotById(id: string, secret?: Secret): Promise<void> {
    const { source, createdAt } = await snapshotSource(id, secret);
    await restoreFrom(source, { kind: 'snapshot', name: id, createdAt });
  }

  return {
    location,
    settings: () => config.settings,
    keys: deps.keys,

    async status(): Promise<BackupStatus> {
      const newestVerified = (await listSnapshots(location())).find((snapshot) => snapshot.verified);
      return {
        location: location(),
        isDefaultLocation: config.location === null,
        locationEncrypted: sealsSnapshots(),
        settings: config.settings,
        lastVerifiedAt: newestVerified?.createdAt ?? null,
        lastFailure,
        undoRestore: config.undoRestore,
        growthWarning,
      };
    },

    async list(): Promise<SnapshotInfo[]> {
      return (await listSnapshots(location())).map(publicInfo);
    },

    /** For the recovery screen: snapshots a crash left unverified are verified first, so the newest good one is offered. */
    newestVerified: () =>
      exclusive(async (): Promise<SnapshotInfo | null> => {
        for (const snapshot of await listSnapshots(location()))
          if (snapshot.verifying)
            await verifyNewSnapshot(location(), snapshot.id, clock.now(), jobs, undefined, opener());
        const newest = (await listSnapshots(location())).find((snapshot) => snapshot.verified);
        return newest ? publicInfo(newest) : null;
      }),

    /** Answers once the snapshot is copied and listed (as verifying); its verification is the next job. */
    snapshot(reason: string): Promise<SnapshotInfo> {
      const copied = exclusive(() => loud('take a backup', () => copyNow(reason)));
      verifyNext(copied);
      return copied;
    },

    /** For the schedule and for quitting: a snapshot only when something changed since the last one. */
    snapshotIfChanged(reason: string): Promise<SnapshotInfo | undefined> {
      const copied = exclusive(async () =>
        deps.liveSource() && deps.changeCounter() !== changesAtLastSnapshot
          ? loud('take a backup', () => copyNow(reason))
          : undefined,
      );
      verifyNext(copied);
      return copied;
    },

    /**
     * The snapshot before a migration, on the session's own connection. When
     * the chosen folder is encrypted and its key is not open, it goes to the
     * default folder beside the data (in clear, as the data itself is) rather
     * than stopping the update or writing in clear to the chosen folder.
     */
    async snapshotBeforeUpdate(source: SnapshotSource): Promise<SnapshotInfo> {
      let seal: FolderSeal | undefined;
      try {
        seal = await sealing();
      } catch (error) {
        logger.warn(
          'the encrypted backup folder is locked; the snapshot before the update goes to the default folder',
          { error: describeError(error) },
        );
        return takeSnapshot(source, deps.defaultLocation, 'before update');
      }
      return takeSnapshot(source, location(), 'before update', undefined, seal);
    },

    /** A snapshot copied and verified before it answers: for the command line. */
    verifiedSnapshot: (reason: string) => exclusive(() => loud('take a backup', () => verifiedSnapshot(reason))),

    /** Check again: everything hashed anew against the checksums it was verified with, and the result recorded. */
    verify: (id: string) =>
      exclusive(async () => {
        await recheckSnapshot(location(), id, clock.now(), new Map(), jobs, progressOf('verify'), opener());
        const found = await readSnapshot(location(), id);
        if (!found?.manifest) throw new CrmError('NOT_FOUND', 'That backup no longer exists.');
        return publicInfo(found);
      }),

    /** The daily re-check: a snapshot that no longer matches (a failing disk) is marked and never offered as good. */
    verifyAllIfDue: (everyMs = 24 * 3600 * 1000) =>
      exclusive(async () => {
        if (config.lastFullCheckAt && clock.now().getTime() - new Date(config.lastFullCheckAt).getTime() < everyMs)
          return;
        // Shared files are hashed once per run, however many snapshots name them.
        const hashes: SharedFileHashes = new Map();
        for (const snapshot of await listSnapshots(location())) {
          const problems = await recheckSnapshot(
            location(),
            snapshot.id,
            clock.now(),
            hashes,
            jobs,
            undefined,
            opener(),
          );
          if (problems.length === 1 && problems[0] === needsPasswordProblem)
            logger.warn('an encrypted backup waits for the backup password to be re-checked', { id: snapshot.id });
          else if (problems.length > 0)
            logger.error('a backup no longer matches its checksums', { id: snapshot.id, problems });
        }
        await saveConfig({ ...config, lastFullCheckAt: clock.now().toISOString() });
        emit('backup.changed', {});
      }),

    // Restores answer to the dialog that asked for them: a refused backup is not a failed backup.
    restoreSnapshot: (id: string, secret?: Secret) =>
      exclusive(() => logged('restore the backup', () => restoreSnapshotById(id, secret))),

    /** An exported file, plain or encrypted (keyFor opens it, or answers PASSWORD_REQUIRED before anything is read). */
    restoreArchive: (archivePath: string, keyFor: KeyFor = deps.keys.keyFor()) =>
      exclusive(() =>
        logged('restore the backup file', async () => {
          const zip = await openBackupZip(archivePath, keyFor);
          let source: Awaited<ReturnType<typeof archiveSource>>;
          try {
            source = await archiveSource(archivePath, zip.opener);
          } catch (error) {
            zip.release();
            throw error;
          }
          try {
            await restoreFrom(source, {
              kind: 'file',
              name: basename(archivePath),
              createdAt: source.manifest.createdAt,
            });
          } finally {
            source.close();
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

    /**
     * Writes one portable backup file of the data as it is now, verified by
     * reading it back. Stop counts from the moment it is asked for: while the
     * save dialog is open, while it waits behind other backup work, and
     * while it writes. Returns false when no destination was chosen. With
     * encryption on, the file is encrypted; a key not open (and not
     * remembered) answers PASSWORD_REQUIRED before the save dialog.
     */
    async exportTo(chooseDestination: (encrypted: boolean) => Promise<string | undefined>): Promise<boolean> {
      const sealing = await sealingForExport(deps.keys);
      const stopper = new AbortController();
      exportInProgress = stopper;
      const { signal } = stopper;
      const stopped = () => new CrmError('CANCELLED', 'The export was stopped. No backup file was written.');
      try {
        const destination = await chooseDestination(sealing !== undefined);
        if (destination === undefined) return false;
        if (signal.aborted) throw stopped();
        await exclusive(() =>
          loud(
            'export the backup',
            async () => {
              signal.throwIfAborted();
              const snapshot = await verifiedSnapshot('export');
              signal.throwIfAborted();
              // Read through the snapshot's own source: one in an encrypted folder is decrypted as it is packed.
              const { source } = await snapshotSource(snapshot.id);
              await exportArchive(location(), snapshot.id, destination, progressOf('export'), signal, sealing, source);
            },
            () => signal.aborted,
          ),
        );
        return true;
      } catch (error) {
        // Stopping on request is not a failure to shout about.
        if (signal.aborted) throw stopped();
        throw error;
      } finally {
        if (exportInProgress === stopper) exportInProgress = undefined;
      }
    },

    cancelExport(): boolean {
      if (!exportInProgress) return false;
      exportInProgress.abort();
      return true;
    },

    /** Backups go to our own subfolder of the chosen folder, starting with one verified snapshot there now. */
    chooseLocation: (folder: string | null) =>
      exclusive(async () => {
        const target = folder === null ? null : join(folder, chosenFolderSubfolder);
        await prepareBackupFolder(target ?? deps.defaultLocation);
        await saveConfig({ ...config, location: target });
        logger.info('backup location changed', { location: pathForLog(location()) });
        if (deps.liveSource()) await loud('take a backup', () => verifiedSnapshot('new backup folder'));
      }),

    updateSettings: (settings: BackupSettings) => exclusive(() => saveConfig({ ...config, settings })),

    /** Waits for every job queued so far, verifications included: on quit (so the last snapshot is verified before the app exits), in tests and the bench. */
    settled: () => exclusive(() => Promise.resolve()),
  };
}

export type BackupService = ReturnType<typeof backupService>;
