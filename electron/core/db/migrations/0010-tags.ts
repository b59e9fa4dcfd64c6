import type { Migration } from '../migration';

/** Tags, and one link table per kind of record, each with real foreign keys at both ends. */
export const tagsMigration: Migration = {
  version: 10,
  name: 'tags',
  up(db) {
    db.exec(`
      CREATE TABLE tags (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        color      TEXT NOT NULL DEFAULT 'gray',
        created_at TEXT NOT NULL
      );
      CREATE TABLE contact_tags (
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id, contact_id);
      CREATE TABLE company_tags (
        company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (company_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX company_tags_by_tag ON company_tags (tag_id, company_id);
      CREATE TABLE deal_tags (
        deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
        tag_id  INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (deal_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX deal_tags_by_tag ON deal_tags (tag_id, deal_id);
    `);
  },
};
