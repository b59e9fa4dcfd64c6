import type { Migration } from '../migration';

/**
 * Indexes that let a segment be counted while it is edited (≤ 50 ms at
 * 100,000 contacts). A segment is a set of contact ids built from small
 * indexes, then the live contacts counted from one index that holds every
 * contacts column a condition tests, never the contacts' rows. Each is
 * partial (live rows only) and also holds deleted_at as its last column:
 * SQLite reads a column named only in a partial index's WHERE from the
 * table, row by row. (Leading with deleted_at instead would lure the
 * lists' pages away from the indexes that keep them in order.)
 * - contacts_for_segments: consent, lead source and created date of each person, by trash state;
 * - activities_contacted: who had an activity since a day, by date, with the person;
 * - deals_won_by: whose deals are in a stage (won, or any chosen), and when they closed.
 */
export const segmentIndexesMigration: Migration = {
  version: 24,
  name: 'segment indexes',
  up(db) {
    db.exec(`
      CREATE INDEX contacts_for_segments ON contacts (consent, lead_source, created_at, deleted_at) WHERE deleted_at IS NULL;
      CREATE INDEX activities_contacted  ON activities (occurred_at, contact_id, deleted_at) WHERE deleted_at IS NULL AND contact_id IS NOT NULL;
      CREATE INDEX deals_won_by          ON deals (stage_id, closed_at, contact_id, company_id, deleted_at) WHERE deleted_at IS NULL;
    `);
  },
};
