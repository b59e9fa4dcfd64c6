import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/result';
import { blobStore } from './attachments/blob-store';
import { fileResponse } from './attachments/serve';
import { sweepAttachments } from './attachments/sweep';
import { uploads as createUploads } from './attachments/uploads';
import { systemClock, type Clock } from './clock';
import type { Handlers } from './context';
import { migrations } from './db/migrations';
import { checkpoint, openDatabase, type Db } from './db/open';
import { noDesktop, type DesktopServices } from './desktop';
import { createHandlers } from './handlers';
import { dispatch } from './ipc/dispatch';
import { acquireDataDirLock } from './lock';
import { describeError, type Logger } from './logger';
import { prepareDataPaths, type DataPaths } from './paths';
import { settingsRepo, type SettingsRepo } from './settings/repo';

export interface CoreOptions {
  dataDir: string;
  logger: Logger;
  appVersion: string;
  clock?: Clock;
  desktop?: DesktopServices;
}

export interface Core {
  paths: DataPaths;
  db: Db;
  handlers: Handlers;
  settings: SettingsRepo;
  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Serves files/<sha256> to the renderer (main's app:// protocol and the e2e server). */
  fileResponse(pathname: string): Response;
  /** Drops uploads in progress, checkpoints the WAL, closes the database and releases the data directory. */
  close(): Promise<void>;
}

/** Copies handed to other programs live here, per data directory, emptied at each start. */
function scratchDirFor(dataDir: string): string {
  return join(tmpdir(), 'rolodesk-open', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
}

/**
 * Starts the core on a data directory: folders, the single-owner lock, the
 * database (checked and migrated), the attachments sweep, and the handler table.
 */
export async function openCore({ dataDir, logger, appVersion, clock = systemClock, desktop = noDesktop }: CoreOptions): Promise<Core> {
  const paths = prepareDataPaths(dataDir, logger);
  const lock = acquireDataDirLock(paths.lockFile);
  let db: Db;
  try {
    db = openDatabase(paths.database, migrations, logger);
  } catch (error) {
    lock.release();
    throw error;
  }
  const store = blobStore(paths.attachments);
  const uploads = createUploads(store, logger, () => clock.now().getTime());
  const settings = settingsRepo(db);
  const scratchDir = scratchDirFor(paths.root);
  await rm(scratchDir, { recursive: true, force: true });
  try {
    await sweepAttachments(db, store, clock, logger);
  } catch (error) {
    logger.error('the attachments sweep failed; nothing was removed after the failure', { error: describeError(error) });
  }
  const handlers = createHandlers({ db, clock, logger, appVersion, settings, store, uploads, desktop, scratchDir });
  let closed = false;
  return {
    paths,
    db,
    handlers,
    settings,
    dispatch: (channel, input) => dispatch(handlers, channel, input, logger),
    fileResponse: (pathname) => fileResponse(db, store, pathname),
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
      lock.release();
      logger.info('core closed', { dataDir: paths.root });
    },
  };
}
