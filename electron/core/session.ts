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
import { migrations } from './db/migrations';
import { checkpoint, openDatabase, type Db } from './db/open';
import type { DesktopServices } from './desktop';
import { describeError, type Logger } from './logger';
import type { DataPaths } from './paths';
import { changeFeed, type ChangeFeed } from './records/change-feed';
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
  };
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
  close(): Promise<void>;
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
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const { paths, logger, clock } = options;
  const store = blobStore(paths.attachments);
  const db = await openDatabase(paths.database, migrations, logger, (open) => options.beforeMigrating(open, store));
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
  const handlers = dataHandlers({ db, clock, logger, appVersion: options.appVersion, settings, store, uploads, desktop: options.desktop, scratchDir: options.scratchDir });
  const changes = changeFeed(db);
  let closed = false;
  return {
    db,
    store,
    uploads,
    settings,
    handlers,
    changes,
    async close() {
      if (closed) return;
      closed = true;
      await uploads.abortAll().catch((error: unknown) => logger.warn('could not clear uploads in progress', { error: describeError(error) }));
      try {
        checkpoint(db, 'TRUNCATE');
      } catch (error) {
        logger.warn('checkpoint on close failed; the WAL is replayed on next open', { error: describeError(error) });
      }
      db.close();
    },
  };
}
