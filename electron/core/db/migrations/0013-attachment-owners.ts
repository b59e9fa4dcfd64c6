import type { Migration } from '../migration';

/** Files on any record: one more owner column per kind, each a real foreign key, as contact_id is. */
export const attachmentOwnersMigration: Migration = {
  version: 13,
  name: 'attachment-owners',
  up(db) {
    db.exec(`
      ALTER TABLE attachments ADD COLUMN company_id INTEGER REFERENCES companies (id) ON DELETE CASCADE;
      ALTER TABLE attachments ADD COLUMN deal_id INTEGER REFERENCES deals (id) ON DELETE CASCADE;
      ALTER TABLE attachments ADD COLUMN activity_id INTEGER REFERENCES activities (id) ON DELETE CASCADE;
      CREATE INDEX attachments_by_company  ON attachments (company_id, added_at) WHERE company_id IS NOT NULL;
      CREATE INDEX attachments_by_deal     ON attachments (deal_id, added_at) WHERE deal_id IS NOT NULL;
      CREATE INDEX attachments_by_activity ON attachments (activity_id, added_at) WHERE activity_id IS NOT NULL;
    `);
  },
};
