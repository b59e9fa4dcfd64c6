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
import { writeGate as createWriteGate } from './db/write-gate';
import type { EventSink } from './events';
import { migrations } from './db/migrations';
import { markClosedCleanly, takeCleanCloseMark } from './db/clean-shutdown';
import { checkpoint, damagedFileError, openDatabase, type Db } from './db/open';
import type { DesktopServices } from './desktop';
import { describeError, type Logger } from './logger';
import type { DataPaths } from './paths';
import type { JobRunner } from './jobs/runner';
import { changeFeed, type ChangeFeed } from './records/change-feed';
import { markIntegrityChecked, watchDatabaseHealth } from './recovery/database-health';
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
  };
}

// Requests that only read (or only move a file's bytes, or drive an import) never wait for an import's COMMIT.
const neverWaits = /^(import\.|search\.)|\.(list|get|board|today|range|count|find|preview|usedBy|start|chunk|cancel|open|saveCopy)$/;

/**
 * Every handler guarded by the write gate: while an import writes, a request that may write
 * waits for its COMMIT before it starts, and any that meets its lock anyway waits and runs again.
 */
function guarded<T extends Record<string, (input: never) => unknown>>(handlers: T, gate: ReturnType<typeof createWriteGate>): T {
  return Object.fromEntries(Object.entries(handlers).map(([channel, handler]) => [channel, gate.guard(handler, { waitFirst: !neverWaits.test(channel) })])) as T;
}
export type DataHandlers = ReturnType<typeof dataHandlers>;

/** One open database with everything built on it; closed and reopened around a restore. */
export interface Session {
  db: Db;
  store: BlobStore;
  uploads: Uploads;
  settings: SettingsRepo;
  handlers: DataHandlers;
  /** The records changed since it was last drained (main sends them to the window). */
  changes: ChangeFeed;
  /**
   * Stops the checks reading the file while requests are still answered: a
   * stop waits for the check's current SQLite statement, so a swap calls this
   * first and holds requests only for the swap itself.
   */
  stopBackgroundWork(): Promise<void>;
  close(): Promise<void>;
  /** For a database found damaged: stops its jobs and closes it as it is (no checkpoint, no clean-close mark). */
  abandon(): Promise<void>;
}

export interface SessionOptions {
  paths: DataPaths;
  logger: Logger;
  clock: Clock;
  appVersion: string;
  desktop: DesktopServices;
  scratchDir: string;
  /** Called with the open database before a migration changes it (takes a snapshot). */
  beforeMigrating(db: Db, store: BlobStore): Promise<void>;
  jobs: JobRunner;
  /** A background check found the open database damaged. */
  onDamaged(error: Error): void;
  /** Events to the window. */
  emit: EventSink;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const { paths, logger, clock, jobs } = options;
  const store = blobStore(paths.attachments);
  // After a clean close the quick check waits until the app is serving; after a crash it runs first, in a job.
  const closedCleanly = takeCleanCloseMark(paths.database);
  const isNew = !existsSync(paths.database);
  const db = await openDatabase(paths.database, migrations, logger, {
    beforeMigrating: (open) => options.beforeMigrating(open, store),
    checkBeforeUse: async () => {
      if (closedCleanly || isNew) return;
      const problems = await jobs.run('quickCheck', { file: paths.database });
      if (problems.length > 0) throw damagedFileError('quick_check', problems);
      logger.info('quick check passed before opening (the last close was not clean)');
    },
  });
  const uploads = createUploads(store, logger, () => clock.now().getTime());
  const settings = settingsRepo(db);
  try {
    await sweepAttachments(db, store, clock, logger);
  } catch (error) {
    logger.error('the attachments sweep failed; nothing was removed after the failure', { error: describeError(error) });
  }
  try {
    await purgeExpiredTrash(db, store, logger, clock.now());
  } catch (error) {
    logger.error('emptying the trash of entries older than 30 days failed; it is retried at the next start', { error: describeError(error) });
  }
  const writeGate = createWriteGate(db);
  const handlers = guarded(dataHandlers({
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
  }), writeGate);
  const changes = changeFeed(db);
  // A file just created has nothing to check yet: its weekly check counts from now.
  if (isNew) markIntegrityChecked(settings, clock.now());
  const health = watchDatabaseHealth({ jobs, file: paths.database, settings, clock, logger, quickCheckPending: closedCleanly, onDamaged: options.onDamaged });
  let closed = false;
  /** Nothing reads the file any more once this resolves (so it can be closed, moved or swapped). */
  async function stopBackgroundWork(): Promise<void> {
    health.stop();
    await jobs.stopJobsOn(paths.database);
  }
  return {
    db,
    store,
    uploads,
    settings,
    handlers,
    changes,
    stopBackgroundWork,
    async close() {
      if (closed) return;
      closed = true;
      await stopBackgroundWork();
      await uploads.abortAll().catch((error: unknown) => logger.warn('could not clear uploads in progress', { error: describeError(error) }));
      try {
        checkpoint(db, 'TRUNCATE');
      } catch (error) {
        logger.warn('checkpoint on close failed; the WAL is replayed on next open', { error: describeError(error) });
      }
      db.close();
      await markClosedCleanly(paths.database).catch((error: unknown) =>
        logger.warn('could not mark the database closed cleanly; the next start checks it first', { error: describeError(error) }),
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
