import type { Migration } from '../migration';

/**
 * Imports, so one can be undone for 30 days: each run (its file, tag and
 * counts), what it created and changed (with the values before a change and
 * the record's version right after the import: another version means it was
 * edited since, and undo leaves it as it is), and its rejected rows as they
 * were in the file (saved as a CSV to fix and import again). An index on the
 * lower-cased email lets an import match people by email as an index walk.
 */
export const importsMigration: Migration = {
  version: 21,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('contact', 'company')),
        file_name   TEXT NOT NULL,
        headers     TEXT NOT NULL CHECK (json_valid(headers)),
        tag_name    TEXT NOT NULL,
        created     INTEGER NOT NULL,
        updated     INTEGER NOT NULL,
        skipped     INTEGER NOT NULL,
        rejected    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        undone_at   TEXT
      );
      CREATE INDEX imports_by_time ON imports (created_at);

      CREATE TABLE import_records (
        import_id     INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        record_kind   TEXT NOT NULL CHECK (record_kind IN ('contact', 'company')),
        record_id     INTEGER NOT NULL,
        action        TEXT NOT NULL CHECK (action IN ('created', 'changed')),
        before        TEXT CHECK (before IS NULL OR json_valid(before)),
        version_after INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (import_id, record_kind, record_id)
      ) WITHOUT ROWID;

      CREATE TABLE import_rejected (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        line      INTEGER NOT NULL,
        cells     TEXT NOT NULL CHECK (json_valid(cells)),
        reasons   TEXT NOT NULL CHECK (json_valid(reasons)),
        PRIMARY KEY (import_id, line)
      ) WITHOUT ROWID;

      CREATE INDEX contacts_by_email_key ON contacts (lower(email), id) WHERE email IS NOT NULL AND deleted_at IS NULL;
    `);
  },
};
