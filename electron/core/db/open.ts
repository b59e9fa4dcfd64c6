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

function quickCheck(db: Db): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((row) => row.quick_check).filter((result) => result !== 'ok');
  if (problems.length > 0) {
    throw Object.assign(new Error(`quick_check failed: ${problems.slice(0, 5).join('; ')}`), { code: 'SQLITE_CORRUPT' });
  }
}

/**
 * Opens the app's database: refuses a newer schema, sets and verifies the
 * pragmas durability depends on, checks the file (quick_check), and migrates
 * it forward.
 */
export async function openDatabase(
  file: string,
  migrations: readonly Migration[],
  logger: Logger,
  /** Runs before the first migration that would change an existing database (a snapshot). */
  beforeMigrating: (db: Db, fromVersion: number) => Promise<void> = async () => {},
): Promise<Db> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  let db: Db | undefined;
  try {
    refuseNewerSchema(file, latest);
    db = new Database(file);
    applyPragmas(db);
    quickCheck(db);
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
