import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 9: history', () => {
  const tempDir = useTempDirs();

  it('records changes of exactly one record, removed with it', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 8);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 9),
      memoryLogger(),
    );
    db.pragma('foreign_keys = ON');
    const insert = db.prepare(
      "INSERT INTO record_history (contact_id, company_id, action, field, old_value, new_value, changed_at) VALUES (?, ?, 'changed', 'email', ?, ?, 't')",
    );
    insert.run(1, null, 'a@x.se', 'b@x.se');
    expect(() => insert.run(null, null, 'a', 'b')).toThrow(/CHECK/);
    db.prepare("INSERT INTO companies (name, created_at, updated_at) VALUES ('Acme', 't', 't')").run();
    expect(() => insert.run(1, 1, 'a', 'b')).toThrow(/CHECK/);
    // Values keep their type: a number stays a number, text stays text.
    insert.run(1, null, 7, '007');
    expect(db.prepare('SELECT old_value, new_value FROM record_history WHERE id = 2').get()).toEqual({
      old_value: 7,
      new_value: '007',
    });
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM record_history').pluck().get()).toBe(0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO undo_records (record_kind, label, created_at, payload) VALUES ('contact', 'x', 't', 'nope')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
