import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 13: attachment owners', () => {
  const tempDir = useTempDirs();
  const sha = 'cd'.repeat(32);

  it('keeps existing contact attachments and lets files belong to companies, deals and activities, removed with them', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 12);
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    db.prepare("INSERT INTO blobs VALUES (?, 10, 'text/plain', 'a plain text file', 't')").run(sha);
    db.prepare("INSERT INTO attachments (contact_id, sha256, file_name, added_at) VALUES (1, ?, 'a.txt', 't')").run(
      sha,
    );
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 13),
      memoryLogger(),
    );
    expect(db.prepare('SELECT contact_id, company_id, deal_id, activity_id, file_name FROM attachments').all()).toEqual(
      [{ contact_id: 1, company_id: null, deal_id: null, activity_id: null, file_name: 'a.txt' }],
    );
    db.prepare("INSERT INTO companies (name, created_at, updated_at) VALUES ('Acme', 't', 't')").run();
    db.prepare(
      "INSERT INTO deals (title, currency, stage_id, position, created_at, updated_at) VALUES ('Deal', 'EUR', 1, 0, 't', 't')",
    ).run();
    db.prepare(
      "INSERT INTO activities (kind, subject, occurred_at, company_id, created_at, updated_at) VALUES ('note', 'Hi', 't', 1, 't', 't')",
    ).run();
    const attach = db.prepare(
      "INSERT INTO attachments (company_id, deal_id, activity_id, sha256, file_name, added_at) VALUES (?, ?, ?, ?, 'b.txt', 't')",
    );
    attach.run(1, null, null, sha);
    attach.run(null, 1, null, sha);
    attach.run(null, null, 1, sha);
    expect(() => attach.run(9, null, null, sha)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM activities WHERE id = 1').run();
    db.prepare('DELETE FROM deals WHERE id = 1').run();
    db.prepare('DELETE FROM companies WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
    db.close();
  });
});
