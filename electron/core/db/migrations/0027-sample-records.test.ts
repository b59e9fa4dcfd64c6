import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 27: sample records', () => {
  const tempDir = useTempDirs();

  it('adds the sample marks to a database with contacts, marks none of them, and a deleted record takes its mark along', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 26);
    const at = '2026-01-01T00:00:00.000Z';
    const insert = db
      .prepare('INSERT INTO contacts (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id')
      .pluck();
    insert.get('Kept Person', at, at);

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 27),
      memoryLogger(),
    );
    expect(db.prepare('SELECT count(*) FROM sample_records').pluck().get()).toBe(0);

    const sample = insert.get('Sample Person', at, at) as number;
    db.prepare("INSERT INTO sample_records (kind, id) VALUES ('contact', ?)").run(sample);
    db.prepare('DELETE FROM contacts WHERE id = ?').run(sample);
    // SQLite hands the freed number to the next contact: it must not inherit the mark.
    expect(insert.get('Real Person', at, at)).toBe(sample);
    expect(db.prepare('SELECT count(*) FROM sample_records').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO sample_records (kind, id) VALUES ('person', 1)").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT name FROM contacts ORDER BY id').pluck().all()).toEqual(['Kept Person', 'Real Person']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
