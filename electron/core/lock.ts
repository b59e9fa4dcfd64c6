import Database from 'better-sqlite3';
import { CrmError } from './errors';

export interface DataDirLock {
  release: () => void;
}

/**
 * Claims the data directory for this process. The claim is an OS file lock
 * that SQLite holds on a small lock file (EXCLUSIVE locking mode after one
 * write), so it is released by the OS when the process dies, even by SIGKILL:
 * a crash never leaves a stale lock behind.
 */
export function acquireDataDirLock(lockFile: string): DataDirLock {
  const db = new Database(lockFile, { timeout: 0 });
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.transaction(() => {
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    })();
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new CrmError(
        'ALREADY_OPEN',
        'Rolodesk is already open on this data. Switch to the open Rolodesk window, or close it and try again.',
      );
    }
    throw error;
  }
  return { release: () => db.close() };
}
