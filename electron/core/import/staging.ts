import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MappedRow } from './rows';

/**
 * A file's rows, sorted by the mapping, kept in a SQLite file of their own
 * while an import is checked and written: memory stays the same however long
 * the file is, and the write phase (holding the database's write lock) only
 * reads rows already parsed. Throwaway data: no journal, no fsync; deleted
 * when the work ends (a leftover from a killed worker is deleted by the core).
 */
export function openStaging(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE rows (seq INTEGER PRIMARY KEY, data TEXT NOT NULL)');
  const insertRow = db.prepare<[string]>('INSERT INTO rows (data) VALUES (?)');
  const all = db.prepare<[], string>('SELECT data FROM rows ORDER BY seq').pluck();
  const batch: MappedRow[] = [];
  const flush = db.transaction((rows: MappedRow[]) => {
    for (const row of rows) insertRow.run(JSON.stringify(row));
  });

  return {
    /** Keeps a row; written in batches. */
    add(row: MappedRow): void {
      batch.push(row);
      if (batch.length >= 1000) this.flush();
    },
    flush(): void {
      flush(batch.splice(0));
    },
    /** Every row kept, in file order, one at a time (this connection is the staging file's own, so the write's statements run meanwhile). */
    *rows(): Generator<MappedRow> {
      for (const data of all.iterate()) yield JSON.parse(data) as MappedRow;
    },
    close(): void {
      db.close();
      rmSync(file, { force: true });
    },
  };
}

export type Staging = ReturnType<typeof openStaging>;
