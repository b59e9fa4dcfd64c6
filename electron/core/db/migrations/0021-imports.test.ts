import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 21: imports', () => {
  const tempDir = useTempDirs();

  it('adds the imports tables, keeps every contact, and matches emails (any capitals) by index', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 20);
    const insert = db.prepare(
      "INSERT INTO contacts (name, email, created_at, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    insert.run('Anna', 'Anna@Example.com');
    insert.run('Bob', null);
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 21),
      memoryLogger(),
    );

    expect(db.prepare('SELECT name FROM contacts ORDER BY id').pluck().all()).toEqual(['Anna', 'Bob']);
    const byEmail =
      "SELECT id FROM contacts WHERE lower(email) = 'anna@example.com' AND email IS NOT NULL AND deleted_at IS NULL";
    expect(db.prepare(byEmail).pluck().all()).toEqual([1]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${byEmail}`).all() as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join(' ');
    expect(plan).toContain('contacts_by_email_key');

    const run = db
      .prepare(
        "INSERT INTO imports (record_kind, file_name, headers, tag_name, created, updated, skipped, rejected, created_at) VALUES ('contact', 'a.csv', '[\"Name\"]', 'Imported 2026-12-06', 1, 0, 0, 1, '2026-12-06T10:00:00.000Z') RETURNING id",
      )
      .pluck()
      .get() as number;
    db.prepare(
      "INSERT INTO import_records (import_id, record_kind, record_id, action, version_after) VALUES (?, 'contact', 1, 'created', 1)",
    ).run(run);
    db.prepare(
      'INSERT INTO import_rejected (import_id, line, cells, reasons) VALUES (?, 3, \'[""]\', \'["The row has no name."]\')',
    ).run(run);
    expect(() =>
      db
        .prepare(
          "INSERT INTO import_records (import_id, record_kind, record_id, action) VALUES (?, 'deal', 1, 'created')",
        )
        .run(run),
    ).toThrow(/CHECK/);
    // What an import kept goes with it.
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM imports WHERE id = ?').run(run);
    expect(
      db.prepare('SELECT (SELECT count(*) FROM import_records) + (SELECT count(*) FROM import_rejected)').pluck().get(),
    ).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
