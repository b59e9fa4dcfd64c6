import { z } from 'zod';
import type { Database } from 'better-sqlite3';
import { schemaVersion } from '../db/migrate';
import { CopiedManifest } from './manifest';

/** The tables that hold records (not SQLite's own, not the search index's shadow tables). */
export function recordTables(db: Database): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
         AND name NOT IN (SELECT name || suffix FROM sqlite_schema, (SELECT '_data' AS suffix UNION SELECT '_idx' UNION SELECT '_docsize' UNION SELECT '_config' UNION SELECT '_content')
                          WHERE sql LIKE 'CREATE VIRTUAL TABLE%')
       ORDER BY name`,
    )
    .pluck()
    .all()
    .map((name) => z.string().parse(name));
}

/** An SQL identifier as a quoted name: a table name read from a file is data, never SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function recordCounts(db: Database): Record<string, number> {
  return Object.fromEntries(
    recordTables(db).map((table) => [
      table,
      z.int().parse(
        db
          .prepare(`SELECT count(*) FROM ${quoteIdentifier(table)}`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

export function integrityCheck(db: Database): string[] {
  return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
}

export function foreignKeyCheck(db: Database): string[] {
  return (db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>).map(
    (row) => `${row.table} row ${row.rowid} points at a missing ${row.parent}`,
  );
}

export function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** What a snapshot's manifest says its database holds, read from the copy itself so it describes exactly those bytes. */
export function describeDatabase(db: Database): Pick<CopiedManifest, 'schemaVersion' | 'counts' | 'attachments'> {
  return {
    schemaVersion: schemaVersion(db),
    counts: recordCounts(db),
    // A database from before attachments existed (a snapshot before an update) has no blobs table.
    attachments: hasTable(db, 'blobs')
      ? CopiedManifest.shape.attachments.parse(db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all())
      : [],
  };
}
