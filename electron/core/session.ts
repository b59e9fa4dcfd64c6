import { existsSync } from 'node:fs';
import { blobStore, type BlobStore } from './attachments/blob-store';
import { sweepAttachments } from './attachments/sweep';
import { uploads as createUploads, type Uploads } from './attachments/uploads';
import { attachmentHandlers } from './attachments/handlers';
import type { Clock } from './clock';
import type { CoreContext } from './context';
import { activityHandlers } from './activities/handlers';
import { bulkHandlers } from './bulk/handlers';
import { companyHandlers } from './companies/handlers';
import { contactHandlers } from './contacts/handlers';
import { customFieldHandlers } from './custom-fields/handlers';
import { dealHandlers } from './deals/handlers';
import { duplicateHandlers } from './duplicates/handlers';
import { searchHandlers } from './search/handlers';
import { tagHandlers } from './tags/handlers';
import { timelineHandlers } from './timeline/handlers';
import { purgeExpiredTrash } from './trash/purge';
import { trashHandlers } from './trash/handlers';
import { viewHandlers } from './views/handlers';
import { importHandlers } from './import/handlers';
import { campaignHandlers } from './campaigns/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { privacyHandlers } from './privacy/handlers';
import { leadSourceHandlers } from './lead-sources/handlers';
import { segmentHandlers } from './segments/handlers';
import { sendingHandlers } from './sending/handlers';
import { templateHandlers } from './templates/handlers';
import { updateHandlers } from './updates/handlers';
import { firstRunHandlers } from './sample-data/handlers';
import { writeGate as createWriteGate, type WriteGate } from './db/write-gate';
import type { EventSink } from './events';
import { latestSchemaVersion, migrations } from './db/migrations';
import { schemaVersion } from './db/migrate';
import { markClosedCleanly, takeCleanCloseMark } from './db/clean-shutdown';
import { checkpoint, damagedFileError, openDatabase, quickCheckProblems, type Db } from './db/open';
import { CrmError, fromSqliteError } from './errors';
import type { DesktopServices } from './desktop';
import { describeError, type Logger } from './logger';
import type { DataPaths } from './paths';
import type { JobRunner } from './jobs/runner';
import { changeFeed, type ChangeFeed } from './records/change-feed';
import { markIntegrityChecked, watchDatabaseHealth, type DatabaseHealth } from './recovery/database-health';
import { settingsRepo, type SettingsRepo } from './settings/repo';

/** The handlers that need the database, rebuilt each time it is (re)opened. */
function dataHandlers(context: CoreContext) {
  return {
    ...contactHandlers(context),
    ...companyHandlers(context),
    ...dealHandlers(context),
    ...activityHandlers(context),
    ...tagHandlers(context),
    ...customFieldHandlers(context),
    ...viewHandlers(context),
    ...timelineHandlers(context),
    ...searchHandlers(context),
    ...trashHandlers(context),
    ...bulkHandlers(context),
    ...duplicateHandlers(context),
    ...attachmentHandlers(context),
    ...importHandlers(context),
    ...leadSourceHandlers(context),
    ...segmentHandlers(context),
    ...campaignHandlers(context),
    ...templateHandlers(context),
    ...sendingHandlers(context),
    ...dashboardHandlers(context),
    ...privacyHandlers(context),
    ...updateHandlers(context),
    ...firstRunHandlers(context),
  };
}

// Requests that only read (or only move a file's bytes, or drive an import) never wait for an import's COMMIT.
const neverWaits =
  /^(import\.|search\.)|\.(list|get|board|today|range|count|find|preview|usedBy|start|chunk|cancel|open|saveCopy)$/;

/**
 * Every handler guarded by the write gate: while an import writes, a request that may write
 * waits for its COMMIT before it starts, and any that meets its lock anyway waits and runs again.
 */
function guarded<T extends Record<string, (input: never) => unknown>>(
  handlers: T,
  gate: ReturnType<typeof createWriteGate>,
): T {
  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      gate.guard(handler, { waitFirst: !neverWaits.test(channel) }),
    ]),
  ) as T;
}
export type DataHandlers = ReturnType<typeof dataHandlers>;

/** One open database with everything built on it; closed and reopened around a restore. */
export interface Session {
  db: Db;
  store: BlobStore;
  uploads: Uploads;
  settings: SettingsRepo;
  handlers: DataHandlers;
  /** Closed while an import (or its undo) writes on a connection of its own; writes outside the requests go through it too. */
  writeGate: WriteGate;
  /** The records changed since it was last drained (main sends them to the window). */
  changes: ChangeFeed;
  /**
   * Settles once writes are accepted: at once after a clean close; after an
   * unclean one, when the quick check has passed (true) or found damage or the
   * session closed first (false; no write was accepted).
   */
  writesAccepted: Promise<boolean>;
  /** The quick check after an unclean shutdown is still running: reads are answered, writes wait. */
  readonly checking: boolean;
  /**
   * Stops the checks reading the file while requests are still answered: a
   * stop waits for the check's current SQLite statement, so a swap calls this
   * first and holds requests only for the swap itself.
   */
  stopBackgroundWork: () => Promise<void>;
  close: () => Promise<void>;
  /** For a database found damaged: stops its jobs and closes it as it is (no checkpoint, no clean-close mark). */
  abandon: () => Promise<void>;
}

export interface SessionOptions {
  paths: DataPaths;
  logger: Logger;
  clock: Clock;
  appVersion: string;
  desktop: DesktopServices;
  scratchDir: string;
  /** Called with the open database before a migration changes it (takes a snapshot); `fromVersion`: the schema it found. */
  beforeMigrating: (db: Db, store: BlobStore, fromVersion: number) => Promise<void>;
  jobs: JobRunner;
  /** A background check found the open database damaged. */
  onDamaged: (error: Error) => void;
  /** Events to the window. */
  emit: EventSink;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const { paths, logger, clock, jobs } = options;
  const store = blobStore(paths.attachments);
  /*
   * After a clean close the quick check waits until the app is serving. After
   * a crash nothing may be written before it passes, but reads need not wait:
   * it runs in a job with the write gate held, while the core answers reads.
   * Only when a migration would write at once does it run before opening.
   */
  const closedCleanly = takeCleanCloseMark(paths.database);
  const isNew = !existsSync(paths.database);
  let checkWhileServing = false;
  const db = await openDatabase(paths.database, migrations, logger, {
    beforeMigrating: (open, fromVersion) => options.beforeMigrating(open, store, fromVersion),
    checkBeforeUse: async (open) => {
      if (closedCleanly || isNew) return;
      if (schemaVersion(open) === latestSchemaVersion) {
        checkWhileServing = true;
        return;
      }
      const problems = await jobs.run('quickCheck', { file: paths.database });
      if (problems.length > 0) throw damagedFileError('quick_check', problems);
      logger.info('quick check passed before opening (the last close was not clean)');
    },
  });
  const openedAt = Date.now();
  const uploads = createUploads(store, logger, () => clock.now().getTime());
  const settings = settingsRepo(db);
  /** The start-up writes: the attachments sweep (it deletes files no row names) and the 30-day trash purge. */
  async function tidyUp(): Promise<void> {
    try {
      await sweepAttachments(db, store, clock, logger, checkWhileServing ? { keepTempsFrom: openedAt } : {});
    } catch (error) {
      logger.error('the attachments sweep failed; nothing was removed after the failure', {
        error: describeError(error),
      });
    }
    try {
      await purgeExpiredTrash(db, store, logger, clock.now());
    } catch (error) {
      logger.error('emptying the trash of entries older than 30 days failed; it is retried at the next start', {
        error: describeError(error),
      });
    }
  }
  if (!checkWhileServing) await tidyUp();
  const writeGate = createWriteGate(db);
  const finishBeforeClose: Array<() => Promise<void>> = [];
  const handlers = guarded(
    dataHandlers({
      db,
      databaseFile: paths.database,
      jobs,
      clock,
      logger,
      appVersion: options.appVersion,
      settings,
      store,
      uploads,
      desktop: options.desktop,
      scratchDir: options.scratchDir,
      emit: options.emit,
      writeGate,
      beforeClose: (stop) => void finishBeforeClose.push(stop),
    }),
    writeGate,
  );
  const changes = changeFeed(db);
  // A file just created has nothing to check yet: its weekly check counts from now.
  if (isNew) markIntegrityChecked(settings, clock.now());
  let stopping = false;
  let health: DatabaseHealth | undefined;
  const watchHealth = (quickCheckPending: boolean) => {
    if (!stopping)
      health = watchDatabaseHealth({
        jobs,
        file: paths.database,
        settings,
        clock,
        logger,
        quickCheckPending,
        onDamaged: options.onDamaged,
        whenWritable: (write) => writeGate.guard(write, { waitFirst: true })(),
      });
  };

  /** Quick check in a job; should the job itself fail (not the check), on this connection instead: writes must not wait forever. */
  async function quickCheckAfterCrash(): Promise<void> {
    let problems: string[];
    try {
      problems = await jobs.run('quickCheck', { file: paths.database });
    } catch (error) {
      if (stopping) throw error;
      logger.warn('the quick check could not run in a job; it runs on the core connection instead', {
        error: describeError(error),
      });
      problems = quickCheckProblems(db);
    }
    if (problems.length > 0) throw damagedFileError('quick_check', problems);
  }

  let checking = checkWhileServing;
  const writesAccepted: Promise<boolean> = !checkWhileServing
    ? (watchHealth(closedCleanly), Promise.resolve(true))
    : writeGate.hold(async () => {
        // The caller holds this session before the check can end: damage is reported to a session it knows.
        await new Promise((resolve) => setImmediate(resolve));
        logger.info('quick check started; reads are answered, writes wait for it (the last close was not clean)');
        const closedFirst = () => {
          checking = false;
          writeGate.shut(
            new CrmError(
              'CANCELLED',
              'Rolodesk closed the data before this change could be saved. Nothing was changed.',
            ),
          );
          return false;
        };
        try {
          await quickCheckAfterCrash();
        } catch (error) {
          if (stopping) return closedFirst();
          checking = false;
          const damage = fromSqliteError(error);
          if (damage instanceof CrmError && damage.code === 'DATABASE_CORRUPT') {
            // Shut before the gate opens, so no write that waited runs; then the recovery screen.
            writeGate.shut(damage);
            logger.error('the quick check after an unclean shutdown found the database damaged', {
              error: describeError(error),
            });
            options.onDamaged(error as Error);
          } else {
            writeGate.shut(
              new CrmError(
                'STORAGE',
                'Rolodesk could not check its database after it was last closed unexpectedly, so it saves no changes. Restart Rolodesk to try again.',
              ),
            );
            logger.error(
              'the quick check after an unclean shutdown could not run; changes are refused until a restart',
              { error: describeError(error) },
            );
          }
          return false;
        }
        // Closing meanwhile: the data is about to close (or be swapped), so nothing that waited may start now.
        if (stopping) return closedFirst();
        logger.info('quick check passed; writes are accepted (the last close was not clean)');
        await tidyUp();
        checking = false;
        watchHealth(false);
        return true;
      });
  let closed = false;
  /** Nothing reads the file any more once this resolves (so it can be closed, moved or swapped). */
  async function stopBackgroundWork(): Promise<void> {
    stopping = true;
    health?.stop();
    await Promise.all(
      finishBeforeClose.map((stop) =>
        stop().catch((error: unknown) =>
          logger.warn('background work did not stop cleanly', { error: describeError(error) }),
        ),
      ),
    );
    await jobs.stopJobsOn(paths.database);
  }
  return {
    db,
    store,
    uploads,
    settings,
    handlers,
    writeGate,
    changes,
    writesAccepted,
    get checking() {
      return checking;
    },
    stopBackgroundWork,
    async close() {
      if (closed) return;
      closed = true;
      await stopBackgroundWork();
      await uploads
        .abortAll()
        .catch((error: unknown) => logger.warn('could not clear uploads in progress', { error: describeError(error) }));
      if (!(await writesAccepted)) {
        // Never checked: no checkpoint and no clean-close mark, so the next start checks it first.
        db.close();
        logger.info('database closed before its quick check passed; the next start checks it again');
        return;
      }
      try {
        checkpoint(db, 'TRUNCATE');
      } catch (error) {
        logger.warn('checkpoint on close failed; the WAL is replayed on next open', { error: describeError(error) });
      }
      db.close();
      await markClosedCleanly(paths.database).catch((error: unknown) =>
        logger.warn('could not mark the database closed cleanly; the next start checks it first', {
          error: describeError(error),
        }),
      );
    },
    async abandon() {
      if (closed) return;
      closed = true;
      await stopBackgroundWork();
      await uploads.abortAll().catch(() => undefined);
      try {
        db.close();
      } catch (error) {
        logger.warn('closing the damaged database failed', { error: describeError(error) });
      }
    },
  };
}
