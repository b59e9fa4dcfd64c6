import { join } from 'node:path';
import { channelNames } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { DueReminder } from '../../shared/schemas/activity';
import { activitiesRepo } from './activities/repo';
import { emptyScratchFolder, resetScratchFolder } from './attachments/scratch-folder';
import { fileResponseFor, locateFile, type FileLocation } from './attachments/serve';
import { backupHandlers } from './backups/handlers';
import { backupEncryptionHandlers } from './backups/encryption/handlers';
import { openedBackupFile } from './backups/opened-file';
import { exportHandlers } from './export/handlers';
import { helpHandlers } from './help/handlers';
import { sqliteVersionOf } from './help/sqlite-version';
import { finishInterruptedRestore, removeRestoreLeftovers, swapInStagedData } from './backups/restore-journal';
import { backupKeys } from './backups/encryption/backup-keys';
import { backupService, type BackupService } from './backups/service';
import { purgeExpiredTrash } from './trash/purge';
import { systemClock, type Clock } from './clock';
import type { Handlers } from './context';
import { latestSchemaVersion } from './db/migrations';
import { markClosedCleanly } from './db/clean-shutdown';
import type { Db } from './db/open';
import { noDesktop, type DesktopServices } from './desktop';
import { CrmError } from './errors';
import { ignoreEvents, type EventSink } from './events';
import { dispatch } from './ipc/dispatch';
import { jobRunner, type JobRunner } from './jobs/runner';
import { acquireDataDirLock } from './lock';
import { describeError, type Logger } from './logger';
import { prepareDataPaths, type DataPaths } from './paths';
import { damageDetails, moveDamagedAside, type Damage } from './recovery/damaged-database';
import { openSession, type Session } from './session';
import type { SettingsRepo } from './settings/repo';
import { campaignRuns } from './sending/email-settings';
import { updateRestartHandler } from './updates/handlers';
import { runningWork } from './updates/running-work';
import { recordStart, type MigratedAtStart } from './updates/update-notice';

export interface CoreOptions {
  dataDir: string;
  logger: Logger;
  appVersion: string;
  clock?: Clock;
  desktop?: DesktopServices;
  /** Where the core's events go (main forwards them to the window). */
  emit?: EventSink;
  /** Starts the job workers; tests wrap the real runner to hold a job back (the quick check after a crash, say). */
  startJobs?: (logger: Logger) => JobRunner;
  /** How often "Restart to update" looks again while an import or sending runs; tests shorten it. */
  updateWaitPollMs?: number;
}

export interface Core {
  paths: DataPaths;
  backups: BackupService;
  /** The open database; throws while it is damaged. */
  readonly db: Db;
  readonly settings: SettingsRepo;
  /** Set when the database was found damaged; the window shows the recovery screen. */
  readonly damage: Damage | undefined;
  dispatch: (channel: unknown, input: unknown) => Promise<Result<unknown>>;
  /**
   * Tasks that fell due since the last check and were not yet notified,
   * marked notified in the same transaction (main polls this and shows a
   * notification for each). Empty while the database is damaged. Waits
   * while an import writes (it holds the database's write lock).
   */
  dueReminders: (now?: Date) => Promise<DueReminder[]>;
  /**
   * Settles once the core accepts writes: at once after a clean close; after an unclean one when the quick
   * check has passed (true) or found damage (false). Background work that writes waits for it.
   */
  writesAccepted: () => Promise<boolean>;
  /** Deletes trash entries 30 days old or more, and the files only they used (runs at start-up too; main may call it daily). Waits while an import writes. */
  purgeTrash: (now?: Date) => Promise<number>;
  /** Where files/<sha256> is on disk, for the host to stream to the window. */
  fileLocation: (pathname: string) => FileLocation;
  /** The same as a response, streamed (for callers in the core's own thread). */
  fileResponse: (pathname: string) => Response;
  /** Waits for a backup in progress, drops uploads, checkpoints, closes, releases the data directory. */
  close: () => Promise<void>;
  /**
   * A backup file the user opened from outside Rolodesk (main found its path in the command line or
   * macOS's open-file): kept for a restore, and the window is told its name (never the path).
   */
  openBackupFile: (path: string) => void;
}

const damagedError = () =>
  new CrmError(
    'DATABASE_CORRUPT',
    'The Rolodesk database is damaged, so Rolodesk stopped using it. The recovery screen shows how to get your data back.',
  );

/** Copies handed to other programs live here: inside the user's own data folder, private, emptied at start and at close. */
function scratchDirFor(dataDir: string): string {
  return join(dataDir, 'scratch');
}

/**
 * Starts the core on a data directory: folders, the single-owner lock, a
 * restore a crash interrupted, the database (checked and migrated, with a
 * snapshot before any migration), the attachments sweep, backups, and the
 * handler table. A damaged database is moved aside and the core starts in
 * recovery mode instead of failing.
 */
export async function openCore({
  dataDir,
  logger,
  appVersion,
  clock = systemClock,
  desktop = noDesktop,
  emit = ignoreEvents,
  startJobs = jobRunner,
  updateWaitPollMs,
}: CoreOptions): Promise<Core> {
  const paths = prepareDataPaths(dataDir, logger);
  const lock = acquireDataDirLock(paths.lockFile);
  let session: Session | undefined;
  let damage: Damage | undefined;
  let closed = false;
  /** Set when this start migrated the data (an update): the window tells what changed. */
  let migratedAtStart: MigratedAtStart | undefined;
  const scratchDir = scratchDirFor(paths.root);
  // [H6 jobs] Long reads (checks, verification, duplicate search, restore staging) run in job workers.
  const jobs = startJobs(logger);
  /**
   * [H6 jobs] Set while the session is swapped (a restore) or set aside (damage found): requests wait for the
   * outcome, since long jobs yield and requests now arrive meanwhile.
   */
  let changingSession: Promise<unknown> | undefined;
  function whileChangingSession<T>(change: () => Promise<T>): Promise<T> {
    const running = change();
    const settled = running.catch(() => undefined);
    changingSession = settled;
    void settled.then(() => {
      if (changingSession === settled) changingSession = undefined;
    });
    return running;
  }
  /** The live file itself is checked (in a job) before it is called damaged: the error may have come from elsewhere. */
  const liveDatabaseIsSound = () =>
    jobs.run('quickCheck', { file: paths.database }).then(
      (problems) => problems.length === 0,
      () => false,
    );

  const backups: BackupService = backupService({
    root: paths.root,
    defaultLocation: paths.backups,
    appVersion,
    clock,
    logger,
    emit,
    desktop,
    jobs,
    keys: backupKeys(paths.root, desktop, logger),
    liveSource: () => session && { db: session.db, store: session.store, appVersion, clock, logger, jobs },
    changeCounter: () => (session ? (session.db.prepare('SELECT total_changes()').pluck().get() as number) : 0),
    replaceData: async (stagingName) => {
      await session?.stopBackgroundWork();
      await whileChangingSession(async () => {
        const closing = session;
        session = undefined;
        await closing?.close();
        await swapInStagedData(paths.root, stagingName);
        // Staging checked the file and closed it cleanly: its quick check waits for the background, as after a clean close.
        await markClosedCleanly(paths.database);
        damage = undefined;
        await startSession();
      });
      await removeRestoreLeftovers(paths.root, logger);
      emit('data.restored', {});
    },
  });

  async function becomeDamaged(error: unknown): Promise<void> {
    const detectedAt = clock.now().toISOString();
    const movedTo = await moveDamagedAside(paths.root, clock);
    damage = {
      detectedAt,
      movedTo,
      details: damageDetails(error, { appVersion, dataDir: paths.root, detectedAt, movedTo }),
    };
    logger.error('the database is damaged; it was moved aside and Rolodesk is in recovery mode', {
      movedTo,
      error: describeError(error),
    });
  }

  async function startSession(): Promise<void> {
    try {
      session = await openSession({
        paths,
        logger,
        clock,
        appVersion,
        desktop,
        scratchDir,
        jobs,
        emit,
        onDamaged: (error) => void damagedWhileRunning(error),
        beforeMigrating: async (db, store, fromVersion) => {
          const snapshot = await backups.snapshotBeforeUpdate({ db, store, appVersion, clock, logger, jobs });
          migratedAtStart = { fromVersion, toVersion: latestSchemaVersion, snapshotId: snapshot.id };
        },
      });
    } catch (error) {
      if (!(error instanceof CrmError && error.code === 'DATABASE_CORRUPT')) throw error;
      await becomeDamaged(error);
    }
  }

  /** A query found the database damaged while in use: close it, keep it aside, tell the window. */
  async function damagedWhileRunning(error: unknown): Promise<void> {
    if (!session) {
      // Already found (by a background check, say): the caller waits until the window is told.
      await changingSession;
      return;
    }
    const open = session;
    session = undefined;
    return whileChangingSession(async () => {
      await open.abandon();
      await becomeDamaged(error);
      emit('data.damaged', {});
    });
  }

  try {
    await finishInterruptedRestore(paths.root, logger);
    await resetScratchFolder(scratchDir, logger);
    await startSession();
    // Only the first opening is the start of this version: a restore that migrates an older backup is no update.
    if (session) recordStart(session.settings, appVersion, migratedAtStart);
  } catch (error) {
    await jobs.close();
    lock.release();
    throw error;
  }

  const opened = openedBackupFile();
  const serviceHandlers = {
    'app.info': () => ({
      version: appVersion,
      schemaVersion: latestSchemaVersion,
      mode: damage ? ('recovery' as const) : ('normal' as const),
    }),
    ...backupHandlers(backups, desktop, () => clock.now()),
    ...backupEncryptionHandlers(backups, desktop, () => clock.now(), opened),
    'recovery.status': async () => ({
      damaged: damage !== undefined,
      movedTo: damage?.movedTo ?? null,
      details: damage?.details ?? '',
      newestVerified: await backups.newestVerified(),
    }),
    'app.closeAnswer': ({ close }: { close: boolean }) => {
      desktop.answerClose(close);
      return { closing: close };
    },
    'recovery.copyDetails': () => {
      desktop.copyText(damage?.details ?? 'Rolodesk found no damage.');
      return { copied: true as const };
    },
    ...updateRestartHandler({
      running: () =>
        session
          ? runningWork({
              importWriting: () => session?.writeGate.held ?? false,
              sendingCampaigns: () => (session ? campaignRuns(session.settings).running().length : 0),
            })
          : [],
      verifiedSnapshot: (reason) => backups.verifiedSnapshot(reason),
      desktop,
      logger,
      pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...(updateWaitPollMs === undefined ? {} : { pollMs: updateWaitPollMs }),
    }),
    ...helpHandlers({
      appVersion,
      versions: process.versions,
      system: `${process.platform} ${process.arch}`,
      // The live database's library; while it is damaged, the same library on an empty in-memory one.
      sqliteVersion: () => sqliteVersionOf(session?.db),
      dataFolder: paths.root,
      logsFolder: paths.logs,
      logger,
      desktop,
      now: () => clock.now(),
      backupStatus: () => backups.status(),
      storedSettings: () => session?.settings.entries() ?? new Map(),
    }),
    'recovery.startEmpty': async () => {
      if (!damage) throw new CrmError('NOT_FOUND', 'The database is not damaged; there is nothing to start over from.');
      await startSession();
      damage = undefined;
      emit('data.restored', {});
      return { started: true as const };
    },
  };
  /** Tells the window which records the last request (or background job) changed. */
  function announceChanges(): void {
    const changes = session?.changes.drain();
    if (changes) emit('records.changed', changes);
  }

  // While damaged, every data channel answers DATABASE_CORRUPT; backups and recovery still work.
  const damagedTable = Object.fromEntries(
    channelNames.map((channel) => [channel, () => Promise.reject(damagedError())]),
  ) as unknown as Handlers;
  /**
   * A write that is not a request (the reminders' notified mark, the daily
   * trash purge): while an import writes it waits for the import's COMMIT
   * rather than failing "busy", as a request does; it reads `session` only
   * when it runs, so it writes to the database open then.
   */
  const afterImport = <T>(write: () => T | Promise<T>): Promise<T> =>
    session ? session.writeGate.guard(write, { waitFirst: true })() : Promise.resolve().then(write);

  // Exports outlive a session (one may be cancelled by a restore's swap) but need its database: none while it is damaged.
  const exportTable = exportHandlers({ databaseFile: paths.database, jobs, desktop, clock, logger, emit });
  const table = (): Handlers =>
    session ? { ...serviceHandlers, ...exportTable, ...session.handlers } : { ...damagedTable, ...serviceHandlers };

  return {
    paths,
    backups,
    get db() {
      if (!session) throw damagedError();
      return session.db;
    },
    get settings() {
      if (!session) throw damagedError();
      return session.settings;
    },
    get damage() {
      return damage;
    },
    async dispatch(channel, input) {
      await changingSession;
      const result = await dispatch(table(), channel, input, logger);
      announceChanges();
      if (!result.ok && result.error.code === 'DATABASE_CORRUPT' && session) {
        // While the check after a crash runs, its verdict is the one to wait for (a second check would double the wait).
        const open = session;
        const sound = open.checking ? await open.writesAccepted : await liveDatabaseIsSound();
        if (!sound && session === open)
          await damagedWhileRunning(new CrmError('DATABASE_CORRUPT', result.error.message));
      }
      return result;
    },
    dueReminders(now = clock.now()) {
      // Marking a reminder shown is a write: none before the check after a crash passed (the next look finds them).
      return afterImport(() => (session && !session.checking ? activitiesRepo(session.db).dueReminders(now) : []));
    },
    async writesAccepted() {
      await changingSession;
      return session ? session.writesAccepted : false;
    },
    async purgeTrash(now = clock.now()) {
      const open = session;
      // After a crash, a purge waits for the quick check; the session may have changed meanwhile.
      if (!open || !(await open.writesAccepted) || session !== open) return 0;
      const purged = await afterImport(() =>
        session === open ? purgeExpiredTrash(open.db, open.store, logger, now) : 0,
      );
      announceChanges();
      return purged;
    },
    fileLocation: (pathname) => (session ? locateFile(session.db, session.store, pathname) : { found: false }),
    fileResponse: (pathname) =>
      fileResponseFor(session ? locateFile(session.db, session.store, pathname) : { found: false }),
    openBackupFile(path) {
      emit('backups.fileOpened', { fileName: opened.offer(path) });
      logger.info('a backup file was opened from outside Rolodesk; the window offers to restore it');
    },
    async close() {
      if (closed) return;
      closed = true;
      await backups.settled().catch(() => undefined);
      const closing = session;
      session = undefined;
      await closing?.close();
      await emptyScratchFolder(scratchDir, logger);
      await jobs.close();
      lock.release();
      logger.info('core closed');
    },
  };
}
