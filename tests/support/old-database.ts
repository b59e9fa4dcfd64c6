import Database from 'better-sqlite3';
import { runMigrations } from '../../electron/core/db/migrate';
import type { Migration } from '../../electron/core/db/migration';
import { memoryLogger } from '../../electron/core/logger';

/** Writes a database as an older Rolodesk left it: only the first `upTo` migrations applied. */
export function createDatabaseAt(file: string, migrations: readonly Migration[], upTo: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  runMigrations(
    db,
    migrations.filter((migration) => migration.version <= upTo),
    memoryLogger(),
  );
  return db;
}
