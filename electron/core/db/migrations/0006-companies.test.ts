import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations, schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 6: companies', () => {
  const tempDir = useTempDirs();

  it('makes one company per distinct company text (ignoring case) and links every contact to its own, keeping the text', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 5);
    const insert = db.prepare('INSERT INTO contacts (name, company, created_at, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('Anna', 'Acme Ltd', '2024-01-02T00:00:00.000Z', '2024-01-05T00:00:00.000Z');
    insert.run('Bob', 'ACME LTD', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z');
    insert.run('Carl', 'Globex', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z');
    insert.run('Dina', null, '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z');
    const before = db.prepare('SELECT id, name, company FROM contacts ORDER BY id').all();

    db.pragma('foreign_keys = ON');
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 6),
      memoryLogger(),
    );
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT id, name, company FROM contacts ORDER BY id').all()).toEqual(before);
    // Spelled as the earliest contact spelled it; created and updated from its people.
    expect(db.prepare('SELECT id, name, created_at, updated_at FROM companies ORDER BY id').all()).toEqual([
      { id: 1, name: 'ACME LTD', created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-02-01T00:00:00.000Z' },
      { id: 2, name: 'Globex', created_at: '2024-03-01T00:00:00.000Z', updated_at: '2024-03-01T00:00:00.000Z' },
    ]);
    expect(db.prepare('SELECT name, company_id FROM contacts ORDER BY id').all()).toEqual([
      { name: 'Anna', company_id: 1 },
      { name: 'Bob', company_id: 1 },
      { name: 'Carl', company_id: 2 },
      { name: 'Dina', company_id: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('works on an empty database and refuses a company without a name', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 6);
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    expect(() =>
      db.prepare("INSERT INTO companies (name, created_at, updated_at) VALUES ('  ', 't', 't')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
