import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 16: one search index', () => {
  const tempDir = useTempDirs();

  it('drops the contacts-only index and its triggers, and contacts stay findable in the shared index', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 15);
    db.prepare(
      "INSERT INTO contacts (name, email, created_at, updated_at) VALUES ('José Álvarez', 'jose@example.com', 't', 't')",
    ).run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 16),
      memoryLogger(),
    );

    const leftovers = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'contacts_fts%'").pluck().all();
    expect(leftovers).toEqual([]);
    // Writes to contacts still work without the old triggers, and the shared index follows them.
    db.prepare("UPDATE contacts SET name = 'Josefina Álvarez' WHERE id = 1").run();
    expect(db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH '"josefina"*'`).pluck().get()).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH '"jose"*'`).pluck().get()).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
