import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 7: deals', () => {
  const tempDir = useTempDirs();

  it('adds the default pipeline, keeping existing contacts and companies', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 6);
    db.prepare("INSERT INTO companies (name, created_at, updated_at) VALUES ('Acme', 't', 't')").run();
    db.prepare(
      "INSERT INTO contacts (name, company, company_id, created_at, updated_at) VALUES ('Anna', 'Acme', 1, 't', 't')",
    ).run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 7),
      memoryLogger(),
    );
    expect(db.prepare('SELECT name, kind, position FROM pipeline_stages ORDER BY position').all()).toEqual([
      { name: 'Lead', kind: 'open', position: 0 },
      { name: 'Qualified', kind: 'open', position: 1 },
      { name: 'Proposal', kind: 'open', position: 2 },
      { name: 'Negotiation', kind: 'open', position: 3 },
      { name: 'Won', kind: 'won', position: 4 },
      { name: 'Lost', kind: 'lost', position: 5 },
    ]);
    expect(db.prepare('SELECT count(*) FROM contacts WHERE company_id = 1').pluck().get()).toBe(1);
    db.close();
  });

  it('holds money as whole minor units with a currency code, and a deal only in a stage that exists', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 7);
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      "INSERT INTO deals (title, value_minor, currency, stage_id, position, expected_close, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, 't', 't')",
    );
    insert.run('Fine', 1050, 'EUR', 1, '2026-06-30');
    expect(() => insert.run('Fraction', 10.5, 'EUR', 1, null)).toThrow(/CHECK/);
    expect(() => insert.run('Negative', -1, 'EUR', 1, null)).toThrow(/CHECK/);
    expect(() => insert.run('Currency', 1, 'euro', 1, null)).toThrow(/CHECK/);
    expect(() => insert.run('Date', 1, 'EUR', 1, '30/06/2026')).toThrow(/CHECK/);
    expect(() => insert.run('Stage', 1, 'EUR', 99, null)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('DELETE FROM pipeline_stages WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
