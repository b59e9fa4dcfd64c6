import type { Migration } from '../migration';

export const contactsMigration: Migration = {
  version: 1,
  name: 'contacts',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
        email      TEXT COLLATE NOCASE,
        phone      TEXT COLLATE NOCASE,
        company    TEXT COLLATE NOCASE,
        notes      TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- One index per sortable column; (x IS NULL) first so blanks sort last.
      CREATE INDEX contacts_by_name    ON contacts (name, id);
      CREATE INDEX contacts_by_email   ON contacts (email IS NULL, email, id);
      CREATE INDEX contacts_by_phone   ON contacts (phone IS NULL, phone, id);
      CREATE INDEX contacts_by_company ON contacts (company IS NULL, company, id);
      CREATE INDEX contacts_by_updated ON contacts (updated_at, id);
    `);
  },
};
