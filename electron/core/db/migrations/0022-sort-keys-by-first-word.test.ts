import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { sortKey } from '../../records/sort-key';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 22: names filed from their first word', () => {
  const tempDir = useTempDirs();

  it('refiles the names whose key the old rule took from what stood before their first word, and leaves every other row as it was', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 21);
    const now = '2026-01-01T00:00:00.000Z';
    // Keys as the old rule made them: from the first letter after NFKD, a stray mark kept.
    const contacts: Array<[string, string, string | null, string | null]> = [
      ['™ James', 'tm james', '℡ Callers', 'tel callers'],
      ['\u0903Jamal', '\u0903jamal', null, null],
      ['Élodie Martin', 'elodie martin', 'Ørsted', 'orsted'],
      ['Anna Berg', 'anna berg', 'Acme', 'acme'],
    ];
    const insert = db.prepare(
      'INSERT INTO contacts (name, name_sort, company, company_sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const [name, key, company, companyKey] of contacts) insert.run(name, key, company, companyKey, now, now);
    db.prepare('INSERT INTO companies (name, name_sort, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      'ⓐ Apex',
      'a apex',
      now,
      now,
    );
    const versions = () => db.prepare('SELECT version FROM contacts ORDER BY id').pluck().all();
    const before = versions();

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 22),
      memoryLogger(),
    );

    const rows = db.prepare('SELECT name, name_sort, company, company_sort FROM contacts ORDER BY id').all() as Array<{
      name: string;
      name_sort: string;
      company: string | null;
      company_sort: string | null;
    }>;
    for (const row of rows) {
      expect(row.name_sort, row.name).toBe(sortKey(row.name));
      expect(row.company_sort, row.name).toBe(row.company === null ? null : sortKey(row.company));
    }
    expect(rows.map((row) => row.name_sort)).toEqual(['james', 'jamal', 'elodie martin', 'anna berg']);
    expect(rows[0]!.company_sort).toBe('callers');
    expect(db.prepare('SELECT name_sort FROM companies').pluck().get()).toBe('apex');
    // Rows whose keys were right are not written (their version, which a window's edit is checked against, stays).
    expect(versions().slice(2)).toEqual(before.slice(2));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
