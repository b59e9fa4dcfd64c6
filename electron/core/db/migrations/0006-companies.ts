import type { Migration } from '../migration';

/**
 * Companies as records. Contacts keep their company text and gain a link:
 * one company is made per distinct company text (ignoring case), spelled as
 * its earliest contact spelled it, and every contact is linked to its own.
 */
export const companiesMigration: Migration = {
  version: 6,
  name: 'companies',
  up(db) {
    db.exec(`
      CREATE TABLE companies (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
        website    TEXT COLLATE NOCASE,
        phone      TEXT COLLATE NOCASE,
        address    TEXT,
        industry   TEXT COLLATE NOCASE,
        notes      TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        trash_id   INTEGER REFERENCES trash (id),
        CHECK ((deleted_at IS NULL) = (trash_id IS NULL))
      );
      CREATE INDEX companies_by_name     ON companies (name, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_by_industry ON companies (industry IS NULL, industry, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_by_website  ON companies (website IS NULL, website, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_by_phone    ON companies (phone IS NULL, phone, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_by_updated  ON companies (updated_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_by_created  ON companies (created_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_in_trash    ON companies (trash_id); -- whole-table: also what a count(*) reads (see migration 5)

      ALTER TABLE contacts ADD COLUMN company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL;
      CREATE INDEX contacts_by_company_id ON contacts (company_id, name, id) WHERE company_id IS NOT NULL;

      INSERT INTO companies (name, created_at, updated_at)
        SELECT (SELECT first.company FROM contacts first WHERE first.company = grouped.company ORDER BY first.created_at, first.id LIMIT 1),
               min(grouped.created_at), max(grouped.updated_at)
        FROM contacts grouped
        WHERE grouped.company IS NOT NULL AND length(trim(grouped.company)) > 0
        GROUP BY grouped.company
        ORDER BY min(grouped.id);
      UPDATE contacts SET company_id = (SELECT companies.id FROM companies WHERE companies.name = contacts.company)
        WHERE company IS NOT NULL;
    `);
  },
};
