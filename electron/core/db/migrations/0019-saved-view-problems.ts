import type { Migration } from '../migration';

/**
 * Tags, custom fields and stages that were deleted, by number, with the
 * name they had. A saved view that still filters by one can then say what
 * it misses ("the tag “VIP”, which was deleted"), and a number in this table
 * is never handed out again, so such a view cannot quietly start filtering
 * by something new that happens to get the old number.
 */
export const savedViewProblemsMigration: Migration = {
  version: 19,
  name: 'saved-view-problems',
  up(db) {
    db.exec(`
      CREATE TABLE deleted_filter_targets (
        target_kind TEXT NOT NULL CHECK (target_kind IN ('tag', 'customField', 'stage')),
        target_id   INTEGER NOT NULL,
        name        TEXT NOT NULL,
        deleted_at  TEXT NOT NULL,
        PRIMARY KEY (target_kind, target_id)
      ) WITHOUT ROWID;
    `);
  },
};
