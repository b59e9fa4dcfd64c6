import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { schemaVersion } from '../migrate';
import { migrations } from './index';

describe('migration 1: contacts', () => {
  const tempDir = useTempDirs();

  it('creates the contacts table with its sort indexes on an empty database', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 1);
    expect(schemaVersion(db)).toBe(1);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'contacts_by_name',
        'contacts_by_email',
        'contacts_by_phone',
        'contacts_by_company',
        'contacts_by_updated',
      ]),
    );
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 'x', 'x')").run();
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a blank name at the database level too', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 1);
    expect(() =>
      db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('  ', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('sorts blanks last and names without regard to case', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 1);
    const insert = db.prepare("INSERT INTO contacts (name, company, created_at, updated_at) VALUES (?, ?, 'x', 'x')");
    insert.run('bob', null);
    insert.run('Anna', 'Zeta Ltd');
    insert.run('Carl', 'acme');
    expect(db.prepare('SELECT name FROM contacts ORDER BY name, id').pluck().all()).toEqual(['Anna', 'bob', 'Carl']);
    expect(db.prepare('SELECT name FROM contacts ORDER BY company IS NULL, company, id').pluck().all()).toEqual([
      'Carl',
      'Anna',
      'bob',
    ]);
    db.close();
  });
});
