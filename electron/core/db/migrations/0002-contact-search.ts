import type { Migration } from '../migration';

/**
 * Full-text index over contacts for search-as-you-type: word prefixes,
 * case- and accent-insensitive ("jose" finds "José"). External content, kept
 * in step by triggers, so the text is stored once.
 */
export const contactSearchMigration: Migration = {
  version: 2,
  name: 'contact-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        name, email, phone, company,
        content = 'contacts', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      INSERT INTO contacts_fts (rowid, name, email, phone, company)
        SELECT id, name, email, phone, company FROM contacts;
      CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, name, email, phone, company)
          VALUES (new.id, new.name, new.email, new.phone, new.company);
      END;
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, name, email, phone, company)
          VALUES ('delete', old.id, old.name, old.email, old.phone, old.company);
      END;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, email, phone, company ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, name, email, phone, company)
          VALUES ('delete', old.id, old.name, old.email, old.phone, old.company);
        INSERT INTO contacts_fts (rowid, name, email, phone, company)
          VALUES (new.id, new.name, new.email, new.phone, new.company);
      END;
    `);
  },
};
