import type { Migration } from '../migration';

/**
 * The contact list now searches the one index of migration 14, so the
 * contacts-only index of migration 2 goes, with its triggers: every contact
 * write was indexed twice.
 */
export const oneSearchIndexMigration: Migration = {
  version: 16,
  name: 'one search index',
  up(db) {
    db.exec(`
      DROP TRIGGER contacts_fts_insert;
      DROP TRIGGER contacts_fts_delete;
      DROP TRIGGER contacts_fts_update;
      DROP TABLE contacts_fts;
    `);
  },
};
