import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 19: saved-view problems', () => {
  const tempDir = useTempDirs();

  it('keeps the name of each deleted tag, field or stage once per number, and leaves saved views as they were', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 18);
    db.prepare(
      "INSERT INTO saved_views (record_kind, name, query, position, created_at, updated_at) VALUES ('contact', 'VIPs', '{\"tagIds\":[7]}', 0, 't', 't')",
    ).run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 19),
      memoryLogger(),
    );
    expect(db.prepare('SELECT query FROM saved_views').pluck().get()).toBe('{"tagIds":[7]}');

    const remember = db.prepare(
      "INSERT INTO deleted_filter_targets (target_kind, target_id, name, deleted_at) VALUES (?, ?, ?, 't')",
    );
    remember.run('tag', 7, 'VIP');
    remember.run('stage', 7, 'Demo booked');
    expect(() => remember.run('tag', 7, 'VIP again')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => remember.run('segment', 8, 'Other')).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
