import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 18: sort keys', () => {
  const tempDir = useTempDirs();

  it('fills the sort keys of existing contacts and companies, and their lists read in phone-book order from the new indexes', () => {
    const before = Math.max(...migrations.filter((m) => m.version < 18).map((m) => m.version));
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, before);
    const contact = db.prepare("INSERT INTO contacts (name, company, created_at, updated_at) VALUES (?, ?, 't', 't')");
    for (const [name, company] of [
      ['Zed', 'Zulu'],
      ['Émile', null],
      ['Ángel', 'Éclair'],
      ['Adam', 'ACME'],
      ['Bertil', ''],
    ] as const)
      contact.run(name, company);
    db.prepare(
      "INSERT INTO companies (name, created_at, updated_at) VALUES ('Øresund Ltd', 't', 't'), ('Zulu', 't', 't'), ('Ábaco', 't', 't')",
    ).run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 18),
      memoryLogger(),
    );

    expect(db.prepare('SELECT name, name_sort, company_sort FROM contacts ORDER BY name_sort, name, id').all()).toEqual(
      [
        { name: 'Adam', name_sort: 'adam', company_sort: 'acme' },
        { name: 'Ángel', name_sort: 'angel', company_sort: 'eclair' },
        { name: 'Bertil', name_sort: 'bertil', company_sort: '' },
        { name: 'Émile', name_sort: 'emile', company_sort: null },
        { name: 'Zed', name_sort: 'zed', company_sort: 'zulu' },
      ],
    );
    expect(db.prepare('SELECT name FROM companies ORDER BY name_sort').pluck().all()).toEqual([
      'Ábaco',
      'Øresund Ltd',
      'Zulu',
    ]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND (name LIKE 'contacts_by_%' OR name LIKE 'companies_by_name%') ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'companies_by_name',
        'companies_by_name_sort',
        'contacts_by_company_id',
        'contacts_by_company_sort',
        'contacts_by_name_sort',
      ]),
    );
    expect(indexes).not.toContain('contacts_by_name');
    expect(indexes).not.toContain('contacts_by_company');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
