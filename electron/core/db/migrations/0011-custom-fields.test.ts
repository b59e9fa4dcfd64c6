import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 11: custom fields', () => {
  const tempDir = useTempDirs();

  it('stores values as given (text stays text, numbers stay numbers), removed with their field or record', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 10);
    db.prepare("INSERT INTO contacts (name, created_at, updated_at) VALUES ('Anna', 't', 't')").run();
    runMigrations(
      db,
      migrations.filter((m) => m.version <= 11),
      memoryLogger(),
    );
    db.pragma('foreign_keys = ON');
    const field = db.prepare(
      "INSERT INTO custom_fields (record_kind, label, type, choices, position, created_at) VALUES (?, ?, ?, ?, 0, 't')",
    );
    field.run('contact', 'Customer no.', 'text', '[]');
    field.run('contact', 'Budget', 'number', '[]');
    expect(() => field.run('contact', 'budget', 'number', '[]')).toThrow(/UNIQUE/);
    expect(() => field.run('activity', 'Mood', 'text', '[]')).toThrow(/CHECK/);
    expect(() => field.run('contact', 'Size', 'choice', '{"a":1}')).toThrow(/CHECK/);
    db.prepare('INSERT INTO contact_custom_values VALUES (1, 1, ?), (1, 2, ?)').run('007', 1200.5);
    expect(
      db.prepare('SELECT value, typeof(value) AS type FROM contact_custom_values ORDER BY field_id').all(),
    ).toEqual([
      { value: '007', type: 'text' },
      { value: 1200.5, type: 'real' },
    ]);
    db.prepare('DELETE FROM custom_fields WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM contact_custom_values').pluck().get()).toBe(1);
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM contact_custom_values').pluck().get()).toBe(0);
    db.close();
  });
});
