import type { Migration } from '../migration';

/** Small app settings (window placement, later backup schedule), one JSON value per key. */
export const settingsMigration: Migration = {
  version: 3,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;
    `);
  },
};
