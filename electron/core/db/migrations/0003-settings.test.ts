import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { runMigrations, schemaVersion } from '../migrate';
import { memoryLogger } from '../../logger';
import { migrations } from './index';

describe('migration 3: settings', () => {
  const tempDir = useTempDirs();

  it('adds a settings table that holds only valid JSON, keeping existing contacts', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 2);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 3),
      memoryLogger(),
    );
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
    db.prepare("INSERT INTO settings (key, value) VALUES ('window', '{\"width\":1280}')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('broken', '{not json')").run()).toThrow(/CHECK/);
    db.close();
  });
});
