import type { Migration } from '../migration';

/**
 * Field changes per record (written by the repositories in the same
 * transaction as the change), and undo records for bulk edits (the values
 * before the edit).
 */
export const historyMigration: Migration = {
  version: 9,
  name: 'history',
  up(db) {
    db.exec(`
      CREATE TABLE record_history (
        id         INTEGER PRIMARY KEY,
        contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
        company_id INTEGER REFERENCES companies (id) ON DELETE CASCADE,
        deal_id    INTEGER REFERENCES deals (id) ON DELETE CASCADE,
        action     TEXT NOT NULL CHECK (action IN ('changed', 'trashed', 'restored', 'merged', 'tagged', 'untagged')),
        field      TEXT NOT NULL DEFAULT '',
        old_value,
        new_value,
        changed_at TEXT NOT NULL,
        CHECK ((contact_id IS NOT NULL) + (company_id IS NOT NULL) + (deal_id IS NOT NULL) = 1)
      );
      CREATE INDEX history_by_contact ON record_history (contact_id, changed_at, id) WHERE contact_id IS NOT NULL;
      CREATE INDEX history_by_company ON record_history (company_id, changed_at, id) WHERE company_id IS NOT NULL;
      CREATE INDEX history_by_deal    ON record_history (deal_id, changed_at, id) WHERE deal_id IS NOT NULL;

      CREATE TABLE undo_records (
        id          INTEGER PRIMARY KEY,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('contact', 'company', 'deal', 'activity')),
        label       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        payload     TEXT NOT NULL CHECK (json_valid(payload)),
        undone_at   TEXT
      );
      CREATE INDEX undo_by_time ON undo_records (created_at);
    `);
  },
};
