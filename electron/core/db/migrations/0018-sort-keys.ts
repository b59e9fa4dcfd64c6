import { sortKey } from '../../records/sort-key';
import type { Migration } from '../migration';

/**
 * Sort keys for names, so Contacts and Companies sort as a phone book does
 * (Ángel after Adam, not after Z; see records/sort-key.ts): the contact's
 * and the company's name, and the company text on a contact (its list's
 * Company column). Kept by the repositories; filled here for the rows that
 * exist. The sort indexes walk key, exact name, id, so equal keys keep one
 * order. companies_by_name stays: it finds a company by its name.
 */
export const sortKeysMigration: Migration = {
  version: 18,
  name: 'sort-keys',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN name_sort TEXT;
      ALTER TABLE contacts ADD COLUMN company_sort TEXT;
      ALTER TABLE companies ADD COLUMN name_sort TEXT;
    `);
    const contacts = db.prepare<[string, string | null, number]>(
      'UPDATE contacts SET name_sort = ?, company_sort = ? WHERE id = ?',
    );
    for (const row of db
      .prepare<[], { id: number; name: string; company: string | null }>('SELECT id, name, company FROM contacts')
      .all()) {
      contacts.run(sortKey(row.name), row.company === null ? null : sortKey(row.company), row.id);
    }
    const companies = db.prepare<[string, number]>('UPDATE companies SET name_sort = ? WHERE id = ?');
    for (const row of db.prepare<[], { id: number; name: string }>('SELECT id, name FROM companies').all())
      companies.run(sortKey(row.name), row.id);
    db.exec(`
      DROP INDEX contacts_by_name;
      DROP INDEX contacts_by_company;
      DROP INDEX contacts_by_company_id;
      CREATE INDEX contacts_by_name_sort    ON contacts (name_sort, name COLLATE BINARY, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_company_sort ON contacts (company_sort IS NULL, company_sort, company COLLATE BINARY, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_company_id   ON contacts (company_id, name_sort, name COLLATE BINARY, id) WHERE company_id IS NOT NULL;
      CREATE INDEX companies_by_name_sort   ON companies (name_sort, name COLLATE BINARY, id) WHERE deleted_at IS NULL;
    `);
  },
};
