import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 12: saved views', () => {
  const tempDir = useTempDirs();

  it('keeps a JSON object per view, one name per kind', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 11);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 12),
      memoryLogger(),
    );
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
    const insert = db.prepare(
      "INSERT INTO saved_views (record_kind, name, query, position, created_at, updated_at) VALUES (?, ?, ?, 0, 't', 't')",
    );
    insert.run('contact', 'VIPs', '{"tagIds":[1]}');
    insert.run('deal', 'VIPs', '{}');
    expect(() => insert.run('contact', 'vips', '{}')).toThrow(/UNIQUE/);
    expect(() => insert.run('contact', 'List', '[1]')).toThrow(/CHECK/);
    expect(() => insert.run('contact', 'Broken', '{')).toThrow(/CHECK/);
    db.close();
  });
});
