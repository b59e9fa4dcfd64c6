import type { Result } from '../../shared/result';
import { systemClock, type Clock } from './clock';
import type { Handlers } from './context';
import { migrations } from './db/migrations';
import { checkpoint, openDatabase, type Db } from './db/open';
import { dispatch } from './ipc/dispatch';
import { createHandlers } from './handlers';
import { acquireDataDirLock } from './lock';
import { describeError, type Logger } from './logger';
import { prepareDataPaths, type DataPaths } from './paths';
import { settingsRepo, type SettingsRepo } from './settings/repo';

export interface CoreOptions {
  dataDir: string;
  logger: Logger;
  appVersion: string;
  clock?: Clock;
}

export interface Core {
  paths: DataPaths;
  db: Db;
  handlers: Handlers;
  settings: SettingsRepo;
  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Checkpoints the WAL, closes the database and releases the data directory. */
  close(): void;
}

/**
 * Starts the core on a data directory: folders, the single-owner lock, the
 * database (checked and migrated), and the handler table.
 */
export function openCore({ dataDir, logger, appVersion, clock = systemClock }: CoreOptions): Core {
  const paths = prepareDataPaths(dataDir, logger);
  const lock = acquireDataDirLock(paths.lockFile);
  let db: Db;
  try {
    db = openDatabase(paths.database, migrations, logger);
  } catch (error) {
    lock.release();
    throw error;
  }
  const handlers = createHandlers({ db, clock, logger, appVersion });
  let closed = false;
  return {
    paths,
    db,
    handlers,
    settings: settingsRepo(db),
    dispatch: (channel, input) => dispatch(handlers, channel, input, logger),
    close() {
      if (closed) return;
      closed = true;
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
