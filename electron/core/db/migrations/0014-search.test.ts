import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { rowidOf } from '../../search/documents';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 14: one search index', () => {
  const tempDir = useTempDirs();

  it('indexes the records that existed before it, replaces the contacts-only index, and leaves rows unchanged', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 13);
    db.prepare(
      "INSERT INTO contacts (name, email, created_at, updated_at) VALUES ('José Álvarez', 'jose@example.com', 't', 't')",
    ).run();
    db.prepare(
      "INSERT INTO companies (name, industry, created_at, updated_at) VALUES ('Café Müller', 'Gastronomie', 't', 't')",
    ).run();
    db.prepare(
      "INSERT INTO deals (title, currency, stage_id, position, created_at, updated_at) VALUES ('Müller espresso machines', 'EUR', 1, 0, 't', 't')",
    ).run();
    db.prepare(
      "INSERT INTO activities (kind, body, occurred_at, contact_id, created_at, updated_at) VALUES ('note', 'José asked about the Zürich office', 't', 1, 't', 't')",
    ).run();
    const before = db.prepare('SELECT * FROM contacts').all();

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 14),
      memoryLogger(),
    );
    expect(schemaVersion(db)).toBe(14);
    expect(db.prepare('SELECT * FROM contacts').all()).toEqual(before);
    expect(db.prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH '"jose"*'`).pluck().all()).toEqual([1]);
    const match = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck();
    expect(match.all('"jose"*')).toEqual([rowidOf('contact', 1), rowidOf('activity', 1)]);
    expect(match.all('"muller"*')).toEqual([rowidOf('company', 1), rowidOf('deal', 1)]);
    expect(match.all('"zurich"*')).toEqual([rowidOf('activity', 1)]);
    db.close();
  });

  it('keeps the index in step with inserts, updates, the trash and deletes', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 14);
    const match = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck();
    db.prepare("INSERT INTO trash (record_kind, label, deleted_at) VALUES ('contact', 'x', 't')").run();
    db.prepare(
      "INSERT INTO contacts (name, notes, created_at, updated_at) VALUES ('Anna Berg', 'likes tea', 't', 't')",
    ).run();
    expect(match.all('"tea"*')).toEqual([rowidOf('contact', 1)]);
    db.prepare("UPDATE contacts SET name = 'Anna Lind' WHERE id = 1").run();
    expect(match.all('"berg"*')).toEqual([]);
    expect(match.all('"lind"*')).toEqual([rowidOf('contact', 1)]);
    db.prepare("UPDATE contacts SET deleted_at = 't', trash_id = 1 WHERE id = 1").run();
    expect(match.all('"lind"*')).toEqual([]);
    // Changed while in the trash, then restored: found by its new name only.
    db.prepare("UPDATE contacts SET name = 'Anna Holm' WHERE id = 1").run();
    db.prepare('UPDATE contacts SET deleted_at = NULL, trash_id = NULL WHERE id = 1').run();
    expect(match.all('"holm"*')).toEqual([rowidOf('contact', 1)]);
    expect(match.all('"lind"*')).toEqual([]);
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(match.all('"holm"*')).toEqual([]);
    expect(() => db.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });
});
