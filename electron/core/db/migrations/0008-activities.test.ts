import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 8: activities', () => {
  const tempDir = useTempDirs();

  it('adds activities beside the existing records, each belonging to at least one of them', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 7);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 8),
      memoryLogger(),
    );
    db.pragma('foreign_keys = ON');
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
    const insert = db.prepare(
      "INSERT INTO activities (kind, subject, occurred_at, due_at, contact_id, created_at, updated_at) VALUES (?, ?, 't', ?, ?, 't', 't')",
    );
    insert.run('call', 'Called', null, 1);
    insert.run('task', 'Call back', '2026-01-01T10:00:00.000Z', 1);
    expect(() => insert.run('call', 'Nobody', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('note', 'Due note', '2026-01-01T10:00:00.000Z', 1)).toThrow(/CHECK/);
    expect(() => insert.run('fax', 'Old tech', null, 1)).toThrow(/CHECK/);
    expect(() => insert.run('call', 'Ghost', null, 99)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
