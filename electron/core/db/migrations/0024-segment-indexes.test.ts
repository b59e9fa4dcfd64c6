import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 24: segment indexes', () => {
  const tempDir = useTempDirs();

  it('adds the indexes a segment count reads, over the rows already there, and changes no data', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 23);
    db.prepare(
      "INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    const before = db.prepare('SELECT * FROM contacts').all();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 24),
      memoryLogger(),
    );
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('contacts_for_segments', 'activities_contacted', 'deals_won_by') ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['activities_contacted', 'contacts_for_segments', 'deals_won_by']);
    expect(db.prepare('SELECT * FROM contacts').all()).toEqual(before);
    expect(
      db
        .prepare(
          "SELECT count(*) FROM contacts INDEXED BY contacts_for_segments WHERE deleted_at IS NULL AND consent = 'not_asked'",
        )
        .pluck()
        .get(),
    ).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(24);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
