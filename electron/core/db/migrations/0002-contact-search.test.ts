import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { runMigrations, schemaVersion } from '../migrate';
import { memoryLogger } from '../../logger';
import { migrations } from './index';

describe('migration 2: contact search index', () => {
  const tempDir = useTempDirs();

  it('indexes the contacts that existed before it and keeps them unchanged', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 1);
    const insert = db.prepare("INSERT INTO contacts (name, email, created_at, updated_at) VALUES (?, ?, 't', 't')");
    insert.run('José Álvarez', 'jose@example.com');
    insert.run('Zoë Smith', null);
    const before = db.prepare('SELECT * FROM contacts ORDER BY id').all();

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 2),
      memoryLogger(),
    );

    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM contacts ORDER BY id').all()).toEqual(before);
    const match = db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid').pluck();
    expect(match.all('"jose"*')).toEqual([1]);
    expect(match.all('"zoe"*')).toEqual([2]);
    db.close();
  });

  it('keeps the index in step with inserts, updates and deletes', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 2);
    const match = db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?').pluck();
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna Berg', 't', 't')").run();
    expect(match.all('"berg"*')).toEqual([1]);
    db.prepare("UPDATE contacts SET name = 'Anna Lind' WHERE id = 1").run();
    expect(match.all('"berg"*')).toEqual([]);
    expect(match.all('"lind"*')).toEqual([1]);
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(match.all('"lind"*')).toEqual([]);
    // FTS5 raises SQLITE_CORRUPT_VTAB when the index and the table disagree.
    expect(() => db.exec("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });
});
