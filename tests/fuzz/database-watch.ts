import { createHash } from 'node:crypto';
import type { Db } from '../../electron/core/db/open';

/** Every row of every real table (FTS shadow tables too; the virtual table is read through them), and the schema version, as one hash. */
export function databaseFingerprint(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  hash.update(String(db.pragma('user_version', { simple: true })));
  for (const table of tables) {
    // Rows sorted as text: a total order for every table, WITHOUT ROWID ones too.
    const rows = (
      db
        .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        .raw()
        .all() as unknown[][]
    ).map((row) =>
      JSON.stringify(row, (_key, value: unknown) =>
        value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
      ),
    );
    hash.update(`${table}\n${rows.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

function totalChanges(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * Says whether the database changed between `mark()` and `changedSinceMark()`.
 * SQLite's total_changes() counts every row written on the connection, triggers
 * included, so when it has not moved nothing changed. It also counts writes
 * that were rolled back, so when it has moved the full fingerprint decides.
 * The fingerprint is taken again only after the count moved, so a long run of
 * refusals costs one cheap query each.
 */
export function databaseWatch(currentDb: () => Db) {
  let marked: { db: Db; changes: number; fingerprint: string } | undefined;
  return {
    mark(): void {
      const db = currentDb();
      const changes = totalChanges(db);
      if (marked && marked.db === db && marked.changes === changes) return;
      marked = { db, changes, fingerprint: databaseFingerprint(db) };
    },
    changedSinceMark(): boolean {
      if (!marked) throw new Error('mark() first');
      const db = currentDb();
      if (db !== marked.db) return databaseFingerprint(db) !== marked.fingerprint;
      const changes = totalChanges(db);
      if (changes === marked.changes) return false;
      const fingerprint = databaseFingerprint(db);
      const changed = fingerprint !== marked.fingerprint;
      marked = { db, changes, fingerprint };
      return changed;
    },
  };
}
