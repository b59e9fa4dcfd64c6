import { companyNameKey, nameKey, phoneKey } from '../../duplicates/keys';
import type { Migration } from '../migration';

/**
 * Match keys for finding duplicates: the name without case, accents or extra
 * spaces, and the last 9 digits of the phone. Kept by the repositories;
 * filled here for the rows that exist.
 */
export const duplicateKeysMigration: Migration = {
  version: 15,
  name: 'duplicate-keys',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN name_key TEXT;
      ALTER TABLE contacts ADD COLUMN phone_key TEXT;
      ALTER TABLE companies ADD COLUMN name_key TEXT;
      ALTER TABLE companies ADD COLUMN phone_key TEXT;
    `);
    for (const [table, key] of [
      ['contacts', nameKey],
      ['companies', companyNameKey],
    ] as const) {
      const update = db.prepare(`UPDATE ${table} SET name_key = ?, phone_key = ? WHERE id = ?`);
      for (const row of db.prepare(`SELECT id, name, phone FROM ${table}`).all() as Array<{
        id: number;
        name: string;
        phone: string | null;
      }>) {
        update.run(key(row.name), row.phone ? phoneKey(row.phone) : null, row.id);
      }
    }
    db.exec(`
      CREATE INDEX contacts_by_name_key   ON contacts (name_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_phone_key  ON contacts (phone_key, id) WHERE phone_key IS NOT NULL AND deleted_at IS NULL;
      CREATE INDEX companies_by_name_key  ON companies (name_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX companies_by_phone_key ON companies (phone_key, id) WHERE phone_key IS NOT NULL AND deleted_at IS NULL;
    `);
  },
};
