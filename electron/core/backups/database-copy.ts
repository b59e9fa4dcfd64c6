import Database from 'better-sqlite3';
import { copyFile, open } from 'node:fs/promises';
import type { Db } from '../db/open';
import { flushWhileCopying } from './flush-while-copying';

/** Fraction done, 0…1, for the progress bar. */
export type Progress = (fraction: number) => void;

/** How the copy was made, for the log. */
export type CopyMethod = 'file copy' | 'backup API';

// Pages copied per step of the online backup (1 MB of 4 KB pages): the event loop runs between steps, so
// requests keep answering; bigger steps measured no faster.
const pagesPerStep = 256;

/**
 * Folds the WAL into the database file without waiting for anyone. True when
 * the WAL is empty afterwards; false when a reader elsewhere still needs it
 * (or a transaction is open), and nothing was changed but what SQLite could
 * fold in.
 */
function emptyTheWal(db: Db): boolean {
  if (db.inTransaction) return false;
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{
      busy: number;
      log: number;
      checkpointed: number;
    }>;
    return result !== undefined && result.busy === 0 && result.log === result.checkpointed;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * The database file, copied by the operating system while it cannot change.
 * Once the WAL is empty, a read transaction begun on a second connection gets
 * SQLite's read-lock 0 (it reads the file alone), and no checkpoint can write
 * into the file while that lock is held: backfilling needs it exclusively. So
 * the file stays this moment while the app goes on writing (into the WAL), and
 * a plain copy of it is a consistent snapshot, made at the disk's pace.
 */
async function copyQuiescedFile(db: Db, target: string): Promise<void> {
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  try {
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    await copyFile(db.name, target);
    const handle = await open(target, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } finally {
    if (reader.inTransaction) reader.exec('COMMIT');
    reader.close();
  }
}

/**
 * Copies the live database to `target` (a new file) as one moment in time,
 * while the app keeps writing. Where reads ignore SQLite's locks (POSIX) and
 * the WAL can be emptied, the quiesced file is copied whole; otherwise (on
 * Windows SQLite's byte-range locks are mandatory, and a reader elsewhere may
 * keep the WAL from emptying) SQLite's online backup API copies it on the
 * connection the app writes with, in steps, flushed along the way so its
 * final commit has little left to fsync. Either copy still says WAL mode in
 * its header: the caller turns that off.
 */
export async function copyLiveDatabase(db: Db, target: string, onProgress: Progress): Promise<CopyMethod> {
  if (process.platform !== 'win32' && emptyTheWal(db)) {
    onProgress(0);
    await copyQuiescedFile(db, target);
    onProgress(1);
    return 'file copy';
  }
  const flush = flushWhileCopying(target);
  try {
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages === 0 ? 0.5 : (totalPages - remainingPages) / totalPages);
        flush.copied(totalPages - remainingPages);
        return pagesPerStep;
      },
    });
  } finally {
    await flush.settled();
  }
  return 'backup API';
}
