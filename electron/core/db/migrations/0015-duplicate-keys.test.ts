import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 15: duplicate keys', () => {
  const tempDir = useTempDirs();

  it('fills the match keys of existing contacts and companies', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 14);
    db.prepare(
      "INSERT INTO contacts (name, phone, created_at, updated_at) VALUES ('  José   ÁLVAREZ ', '+34 (91) 123-45-67', 't', 't'), ('Bo', '123', 't', 't')",
    ).run();
    db.prepare(
      "INSERT INTO companies (name, phone, created_at, updated_at) VALUES ('Acme, Inc.', NULL, 't', 't')",
    ).run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 15),
      memoryLogger(),
    );
    expect(db.prepare('SELECT name_key, phone_key FROM contacts ORDER BY id').all()).toEqual([
      { name_key: 'jose alvarez', phone_key: '911234567' },
      { name_key: 'bo', phone_key: null },
    ]);
    expect(db.prepare('SELECT name_key, phone_key FROM companies').all()).toEqual([
      { name_key: 'acme', phone_key: null },
    ]);
    db.close();
  });
});
