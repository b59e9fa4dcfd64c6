import type { Migration } from '../migration';

/** Saved views: a named filter and sort per kind of list, stored as the list request's JSON. */
export const savedViewsMigration: Migration = {
  version: 12,
  name: 'saved-views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id          INTEGER PRIMARY KEY,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('contact', 'company', 'deal', 'activity')),
        name        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
        query       TEXT NOT NULL CHECK (json_valid(query) AND json_type(query) = 'object'),
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (record_kind, name)
      );
    `);
  },
};
