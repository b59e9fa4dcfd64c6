import type { Database } from 'better-sqlite3';
import { CrmError } from '../errors';
import type { Logger } from '../logger';
import type { Migration } from './migration';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function schemaTooNewError(found: number, known: number): CrmError {
  return new CrmError(
    'SCHEMA_TOO_NEW',
    `This data was written by a newer version of Rolodesk (data version ${found}; this app knows up to ${known}). ` +
      'Install the latest Rolodesk to open it. Nothing was changed.',
  );
}

/**
 * Brings the database up to the newest schema, one migration per transaction,
 * so a failure leaves it at the last version that completed.
 */
export function runMigrations(db: Database, migrations: readonly Migration[], logger: Logger): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw schemaTooNewError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    logger.info('running migration', { version: migration.version, name: migration.name });
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
