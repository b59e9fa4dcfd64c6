import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 26: erasures', () => {
  const tempDir = useTempDirs();

  it('adds the anonymous erasure record to a database that has contacts, and keeps them', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 25);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO contacts (name, created_at, updated_at) VALUES (?, ?, ?)').run('Kept Person', at, at);

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 26),
      memoryLogger(),
    );
    db.prepare('INSERT INTO erasures (erased_on) VALUES (?)').run('2026-12-07');
    expect(() => db.prepare('INSERT INTO erasures (erased_on) VALUES (?)').run('Ana Souza')).toThrow(/CHECK/);
    expect(db.prepare('SELECT name FROM contacts').pluck().all()).toEqual(['Kept Person']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
