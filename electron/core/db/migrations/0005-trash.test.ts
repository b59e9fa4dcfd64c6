import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 5: trash', () => {
  const tempDir = useTempDirs();

  it('keeps every contact, none of them in the trash, and makes the sort indexes leave trashed rows out', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 4);
    db.prepare(
      "INSERT INTO contacts (name, email, created_at, updated_at) VALUES ('Anna', 'anna@example.com', 't', 't'), ('Bob', NULL, 't', 't')",
    ).run();
    const before = db.prepare('SELECT id, name, email FROM contacts ORDER BY id').all();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 5),
      memoryLogger(),
    );
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT id, name, email FROM contacts ORDER BY id').all()).toEqual(before);
    expect(
      db.prepare('SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND trash_id IS NULL').pluck().get(),
    ).toBe(2);
    const partial = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql LIKE '%WHERE deleted_at IS NULL'",
      )
      .pluck()
      .all();
    expect(partial).toEqual(
      expect.arrayContaining([
        'contacts_by_name',
        'contacts_by_email',
        'contacts_by_phone',
        'contacts_by_company',
        'contacts_by_updated',
      ]),
    );
    db.close();
  });

  it('lets no row name a trash entry that does not exist', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 5);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    expect(() => db.prepare("UPDATE contacts SET deleted_at = 't', trash_id = 9 WHERE id = 1").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db
        .prepare("INSERT INTO trash (record_kind, label, deleted_at, detail) VALUES ('contact', 'x', 't', '{bad')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
