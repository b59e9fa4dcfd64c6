import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 10: tags', () => {
  const tempDir = useTempDirs();

  it('links tags to records with real foreign keys at both ends, and names tags once ignoring case', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 9);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 10),
      memoryLogger(),
    );
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO tags (name, created_at) VALUES ('VIP', 't')").run();
    expect(() => db.prepare("INSERT INTO tags (name, created_at) VALUES ('vip', 't')").run()).toThrow(/UNIQUE/);
    db.prepare('INSERT INTO contact_tags VALUES (1, 1)').run();
    expect(() => db.prepare('INSERT INTO contact_tags VALUES (2, 1)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO deal_tags VALUES (1, 1)').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM tags WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM contact_tags').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
    db.close();
  });
});
