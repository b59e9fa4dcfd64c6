import type { Migration } from '../migration';

/**
 * Indexes that let a segment be counted while it is edited (≤ 50 ms at
 * 100,000 contacts). A segment is a set of contact ids built from small
 * indexes, then the live contacts counted from one index that holds every
 * contacts column a condition tests, never the contacts' rows. Each index
 * starts with deleted_at rather than being partial: SQLite reads a column
 * named only in a partial index's WHERE from the table, row by row.
 * - contacts_for_segments: consent, lead source and created date of each person, by trash state;
 * - activities_contacted: who had an activity since a day, by date, with the person;
 * - deals_won_by: whose deals are in a stage (won, or any chosen), and when they closed.
 */
export const segmentIndexesMigration: Migration = {
  version: 24,
  name: 'segment indexes',
  up(db) {
    db.exec(`
      CREATE INDEX contacts_for_segments ON contacts (deleted_at, consent, lead_source, created_at, id);
      CREATE INDEX activities_contacted  ON activities (deleted_at, occurred_at, contact_id);
      CREATE INDEX deals_won_by          ON deals (deleted_at, stage_id, closed_at, contact_id, company_id);
    `);
  },
};
