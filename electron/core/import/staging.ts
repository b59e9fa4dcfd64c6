import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SourceRow } from '../../../shared/schemas/import';
import { z } from 'zod';
import { parseStoredJson } from '../db/stored-json';
import { CrmError } from '../errors';
import type { MappedRow } from './rows';

const StoredCells = z.array(z.string());
const damagedStaging = () =>
  new CrmError('STORAGE', 'The copy of the file Rolodesk made for this import is damaged. Start the import again.');

/**
 * A file's rows, kept in a SQLite file of their own while an import is
 * checked and written: memory stays the same however long the file is, and
 * the write phase (holding the database's write lock) only reads rows
 * already parsed. Kept as read (their cells as one JSON array, half the
 * text of a mapped row) and sorted by the mapping as they are read back.
 * Throwaway data: no journal, no fsync; deleted when the work ends (a
 * leftover from a killed worker is deleted by the core).
 */
export function openStaging(file: string, mapped: (row: SourceRow) => MappedRow) {
  mkdirSync(dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // Written once and read once, both in order: a page is never wanted again, so a cache the size of the file (up
  // to SQLite's 16 MB here) would only make a long file's import hold more memory than a short one's.
  db.pragma('cache_size = -1024');
  db.exec('CREATE TABLE rows (seq INTEGER PRIMARY KEY, line INTEGER NOT NULL, problem TEXT, cells TEXT NOT NULL)');
  const insertRow = db.prepare<[number, string | null, string]>(
    'INSERT INTO rows (line, problem, cells) VALUES (?, ?, ?)',
  );
  const all = db.prepare<[], { line: number; problem: string | null; cells: string }>(
    'SELECT line, problem, cells FROM rows ORDER BY seq',
  );
  const batch: SourceRow[] = [];
  const flush = db.transaction((rows: SourceRow[]) => {
    for (const row of rows) insertRow.run(row.line, row.problem ?? null, JSON.stringify(row.cells));
  });

  return {
    /** Keeps a row; written in batches. */
    add(row: SourceRow): void {
      batch.push(row);
      if (batch.length >= 1000) this.flush();
    },
    flush(): void {
      flush(batch.splice(0));
    },
    /** Every row kept, in file order, one at a time (this connection is the staging file's own, so the write's statements run meanwhile). */
    *rows(): Generator<MappedRow> {
      for (const { line, problem, cells } of all.iterate()) {
        const row: SourceRow = { line, cells: parseStoredJson(StoredCells, cells, damagedStaging) };
        if (problem !== null) row.problem = problem;
        yield mapped(row);
      }
    },
    close(): void {
      db.close();
      rmSync(file, { force: true });
    },
  };
}

export type Staging = ReturnType<typeof openStaging>;
