import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { duplicateActions, type DuplicateAction } from '../../../shared/schemas/import';

/** For one match key: the line of the first row that each duplicates choice would write with it (absent: none yet). */
export type LinesByAction = Partial<Record<DuplicateAction, number>>;

/**
 * The match keys of the rows a preview has passed, with, for each duplicates
 * choice, the first row that choice would write with that key: which earlier
 * rows can be matched depends on the choice (under 'skip' a duplicate is not
 * written, under 'create' it is). One row per key, looked up and written
 * once per key whatever the number of choices, in a throwaway SQLite file
 * beside the staging file (memory stays flat however long the file is; one
 * transaction, never committed: the file is deleted when the preview ends).
 */
export function previewKeys(file: string) {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(
    'CREATE TABLE keys (key TEXT PRIMARY KEY, skip INTEGER, fill INTEGER, overwrite INTEGER, "create" INTEGER) WITHOUT ROWID',
  );
  const find = db.prepare<[string], Record<DuplicateAction, number | null>>(
    'SELECT skip, fill, overwrite, "create" FROM keys WHERE key = ?',
  );
  // The first row's line stays: a later row matches the first of the file, as the run would.
  const remember = db.prepare<[Record<DuplicateAction, number | null> & { key: string }]>(`
    INSERT INTO keys (key, skip, fill, overwrite, "create") VALUES (@key, @skip, @fill, @overwrite, @create)
    ON CONFLICT (key) DO UPDATE SET skip = coalesce(skip, excluded.skip), fill = coalesce(fill, excluded.fill),
      overwrite = coalesce(overwrite, excluded.overwrite), "create" = coalesce("create", excluded."create")`);
  db.exec('BEGIN');

  return {
    linesOf(key: string): LinesByAction {
      const found = find.get(key);
      const lines: LinesByAction = {};
      if (found) for (const action of duplicateActions) if (found[action] !== null) lines[action] = found[action];
      return lines;
    },
    /** The row at `line` is written, with these keys, under each of `actions`. */
    remember(keys: readonly string[], line: number, actions: readonly DuplicateAction[]): void {
      if (actions.length === 0) return;
      const lines = Object.fromEntries(
        duplicateActions.map((action) => [action, actions.includes(action) ? line : null]),
      ) as Record<DuplicateAction, number | null>;
      for (const key of keys) remember.run({ key, ...lines });
    },
    close(): void {
      db.close();
      rmSync(file, { force: true });
    },
  };
}

export type PreviewKeys = ReturnType<typeof previewKeys>;
