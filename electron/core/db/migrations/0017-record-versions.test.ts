import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 17: record versions', () => {
  const tempDir = useTempDirs();

  function migrated() {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 16);
    db.exec(`
      INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna Berg', 't', 't');
      INSERT INTO companies (name, created_at, updated_at) VALUES ('Acme', 't', 't');
      INSERT INTO deals (title, currency, stage_id, position, created_at, updated_at) VALUES ('Roof', 'EUR', 1, 1, 't', 't');
      INSERT INTO activities (kind, subject, occurred_at, due_at, contact_id, created_at, updated_at) VALUES ('task', 'Call back', 't', 't', 1, 't', 't');
      INSERT INTO tags (name, color, created_at) VALUES ('VIP', 'blue', 't');
      INSERT INTO custom_fields (record_kind, label, type, choices, position, created_at) VALUES ('contact', 'Size', 'text', '[]', 0, 't');
    `);
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 17),
      memoryLogger(),
    );
    return db;
  }
  const versionOf = (db: ReturnType<typeof migrated>, table: string) =>
    db.prepare(`SELECT version FROM ${table} WHERE id = 1`).pluck().get();

  it('gives existing records version 1, and every change to a record raises it by one', () => {
    const db = migrated();
    for (const table of ['contacts', 'companies', 'deals', 'activities']) expect(versionOf(db, table)).toBe(1);
    db.prepare("UPDATE contacts SET phone = '123' WHERE id = 1").run();
    db.prepare('UPDATE deals SET stage_id = 2 WHERE id = 1').run();
    db.prepare("UPDATE companies SET name = 'Acme Ltd' WHERE id = 1").run();
    db.prepare("UPDATE activities SET done_at = 't2' WHERE id = 1").run();
    for (const table of ['contacts', 'companies', 'deals', 'activities']) expect(versionOf(db, table)).toBe(2);
    db.close();
  });

  it('counts a tag or a custom value as a change to its record, and a reminder mark as none', () => {
    const db = migrated();
    db.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (1, 1)').run();
    expect(versionOf(db, 'contacts')).toBe(2);
    db.prepare("INSERT INTO contact_custom_values (contact_id, field_id, value) VALUES (1, 1, 'Large')").run();
    db.prepare("UPDATE contact_custom_values SET value = 'Small' WHERE contact_id = 1").run();
    db.prepare('DELETE FROM contact_tags WHERE contact_id = 1').run();
    expect(versionOf(db, 'contacts')).toBe(5);
    db.prepare("UPDATE activities SET notified_at = 't3' WHERE id = 1").run();
    expect(versionOf(db, 'activities')).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
