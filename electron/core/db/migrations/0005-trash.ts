import type { Migration } from '../migration';

/**
 * The trash: a delete marks rows with deleted_at and the trash entry they went
 * with, so a restore brings back exactly that delete. Contacts' sort indexes
 * become partial (rows in the trash left out), so a list page and its count
 * stay index walks.
 */
export const trashMigration: Migration = {
  version: 5,
  name: 'trash',
  up(db) {
    db.exec(`
      CREATE TABLE trash (
        id          INTEGER PRIMARY KEY,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('contact', 'company', 'deal', 'activity')),
        label       TEXT NOT NULL,
        deleted_at  TEXT NOT NULL,
        -- counts per kind, and links a restore puts back (contacts detached from a company)
        detail      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
      );
      CREATE INDEX trash_by_time ON trash (deleted_at, id);

      ALTER TABLE contacts ADD COLUMN deleted_at TEXT;
      ALTER TABLE contacts ADD COLUMN trash_id INTEGER REFERENCES trash (id);
      -- Whole-table, not partial: besides finding a trash entry's rows, it is the narrow index SQLite
      -- counts a table by, and "all rows less those in the trash" is how an unfiltered list counts.
      CREATE INDEX contacts_in_trash ON contacts (trash_id);

      DROP INDEX contacts_by_name;
      DROP INDEX contacts_by_email;
      DROP INDEX contacts_by_phone;
      DROP INDEX contacts_by_company;
      DROP INDEX contacts_by_updated;
      CREATE INDEX contacts_by_name    ON contacts (name, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_email   ON contacts (email IS NULL, email, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_phone   ON contacts (phone IS NULL, phone, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_company ON contacts (company IS NULL, company, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_updated ON contacts (updated_at, id) WHERE deleted_at IS NULL;
    `);
  },
};
