import type { Migration } from '../migration';

/**
 * Files kept with records. `blobs` is one row per stored file (content
 * addressed by sha256); an attachment row and a contact photo point at a blob,
 * so no row can name a file the store does not hold.
 */
export const attachmentsMigration: Migration = {
  version: 4,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size       INTEGER NOT NULL CHECK (size > 0),
        mime_type  TEXT NOT NULL,
        type_label TEXT NOT NULL,
        stored_at  TEXT NOT NULL
      ) WITHOUT ROWID;
      -- One owner column per record kind, each a real foreign key; later kinds add theirs.
      CREATE TABLE attachments (
        id         INTEGER PRIMARY KEY,
        contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
        sha256     TEXT NOT NULL REFERENCES blobs (sha256),
        file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        added_at   TEXT NOT NULL
      );
      CREATE INDEX attachments_by_contact ON attachments (contact_id, added_at);
      CREATE INDEX attachments_by_blob ON attachments (sha256);
      ALTER TABLE contacts ADD COLUMN photo_sha256 TEXT REFERENCES blobs (sha256);
      CREATE INDEX contacts_by_photo ON contacts (photo_sha256) WHERE photo_sha256 IS NOT NULL;
    `);
  },
};
