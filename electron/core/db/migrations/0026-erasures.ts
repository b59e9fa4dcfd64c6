import type { Migration } from '../migration';

/**
 * The anonymous record of people erased for good: a day and nothing else. No
 * name, no record number, not even the time of day, so nothing in it leads
 * back to the person (a backup taken that day still holds them; see
 * privacy/backups-holding.ts).
 */
export const erasuresMigration: Migration = {
  version: 26,
  name: 'erasures',
  up(db) {
    db.exec(`
      CREATE TABLE erasures (
        id        INTEGER PRIMARY KEY,
        erased_on TEXT NOT NULL CHECK (erased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
      );
    `);
  },
};
