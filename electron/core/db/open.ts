import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CrmError, fromSqliteError } from '../errors';
import { describeError, type Logger } from '../logger';
import { runMigrations, schemaTooNewError, schemaVersion } from './migrate';
import type { Migration } from './migration';

export type Db = Database.Database;

/** Pragma, the value to set, and what SQLite must read back once it took effect. */
const requiredPragmas: ReadonlyArray<[name: string, value: string, expected: string | number]> = [
  ['journal_mode', 'WAL', 'wal'],
  ['synchronous', 'FULL', 2],
  ['foreign_keys', 'ON', 1],
  ['busy_timeout', '5000', 5000],
  // A restored database becomes the live one: its triggers and views may use only SQLite's harmless functions.
  ['trusted_schema', 'OFF', 0],
];

/**
 * Refuses, before anything is written, a database from a newer Rolodesk. The
 * look is read-only so not even a WAL checkpoint touches the file.
 */
function refuseNewerSchema(file: string, latest: number): void {
  if (!existsSync(file)) return;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const found = schemaVersion(probe);
    if (found > latest) throw schemaTooNewError(found, latest);
  } finally {
    probe.close();
  }
}

function applyPragmas(db: Db): void {
  for (const [name, value, expected] of requiredPragmas) {
    db.pragma(`${name} = ${value}`);
    const actual = db.pragma(name, { simple: true });
    if (actual !== expected) {
      throw new Error(`SQLite setting ${name} is ${String(actual)}, expected ${String(expected)}`);
    }
  }
}

/** PRAGMA quick_check: what it found wrong, nothing when the file is sound. */
export function quickCheckProblems(db: Db): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  return rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
}

/** The error a check that found damage throws: SQLite's own code, so every caller maps it as it maps a query that met the damage. */
export function damagedFileError(check: string, problems: readonly string[]): Error {
  return Object.assign(new Error(`${check} failed: ${problems.slice(0, 5).join('; ')}`), { code: 'SQLITE_CORRUPT' });
}

/** The check before use when the caller has no other: quick_check on this connection. */
function quickCheckHere(db: Db): void {
  const problems = quickCheckProblems(db);
  if (problems.length > 0) throw damagedFileError('quick_check', problems);
}

export interface OpenOptions {
  /** Runs before the first migration that would change an existing database (a snapshot). */
  beforeMigrating?: (db: Db, fromVersion: number) => Promise<void>;
  /**
   * Checks the file after the pragmas and before anything is written; throws
   * if it is damaged. By default quick_check on this connection; the app's
   * session runs it as a job, or after opening when the last close was clean.
   */
  checkBeforeUse?: (db: Db) => void | Promise<void>;
}

/**
 * Opens the app's database: refuses a newer schema, sets and verifies the
 * pragmas durability depends on, checks the file, and migrates it forward.
 */
export async function openDatabase(
  file: string,
  migrations: readonly Migration[],
  logger: Logger,
  options: OpenOptions = {},
): Promise<Db> {
  const { beforeMigrating = async () => {}, checkBeforeUse = quickCheckHere } = options;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  let db: Db | undefined;
  try {
    refuseNewerSchema(file, latest);
    db = new Database(file);
    applyPragmas(db);
    await checkBeforeUse(db);
    const current = schemaVersion(db);
    if (current > 0 && current < latest) await beforeMigrating(db, current);
    runMigrations(db, migrations, logger);
    logger.info('database opened', { file, schemaVersion: schemaVersion(db), sqlite: sqliteVersion(db) });
    return db;
  } catch (error) {
    db?.close();
    const mapped = fromSqliteError(error);
    logger.error('could not open the database', { file, error: describeError(error) });
    if (mapped instanceof CrmError) throw mapped;
    throw error;
  }
}

export function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

/** Folds the WAL back into the main file; done on a throttle and on quit. */
export function checkpoint(db: Db, mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
  db.pragma(`wal_checkpoint(${mode})`);
}
