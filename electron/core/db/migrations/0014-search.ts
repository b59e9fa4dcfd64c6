import { documentSources, documentSql } from '../../search/documents';
import type { Migration } from '../migration';

/**
 * One full-text index over contacts, companies, deals and activities: word
 * prefixes, case- and accent-insensitive ("jose" finds "José"), ranked with
 * bm25. Prefix indexes for 1–4 letters, as people type a word. Contentless (the text lives in the tables once); triggers keep it in
 * step, removing a row with exactly the values it was added with, and leave
 * rows in the trash out. The contacts-only index of migration 2 stays: the
 * contact list searches it (name, email, phone, company) as it always did.
 */
export const searchMigration: Migration = {
  version: 14,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, detail, body,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4'
      );
    `);
    for (const source of documentSources) {
      const { table } = source;
      const watched = [source.title, ...source.detail, source.body, 'deleted_at'].join(', ');
      db.exec(`
        INSERT INTO search_fts (rowid, title, detail, body) SELECT ${documentSql(source, table)} FROM ${table} WHERE deleted_at IS NULL;
        CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} WHEN new.deleted_at IS NULL BEGIN
          INSERT INTO search_fts (rowid, title, detail, body) VALUES (${documentSql(source, 'new')});
        END;
        CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} WHEN old.deleted_at IS NULL BEGIN
          INSERT INTO search_fts (search_fts, rowid, title, detail, body) VALUES ('delete', ${documentSql(source, 'old')});
        END;
        CREATE TRIGGER search_${table}_update AFTER UPDATE OF ${watched} ON ${table} BEGIN
          INSERT INTO search_fts (search_fts, rowid, title, detail, body) SELECT 'delete', ${documentSql(source, 'old')} WHERE old.deleted_at IS NULL;
          INSERT INTO search_fts (rowid, title, detail, body) SELECT ${documentSql(source, 'new')} WHERE new.deleted_at IS NULL;
        END;
      `);
    }
  },
};
