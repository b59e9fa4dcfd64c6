import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 25: dashboard indexes', () => {
  const tempDir = useTempDirs();

  it('indexes the deals and open tasks already there: every live deal, the closed ones by day, open tasks by due time', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 24);
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(
      'INSERT INTO deals (title, value_minor, currency, stage_id, position, closed_at, created_at, updated_at) VALUES (?, 100, ?, ?, 0, ?, ?, ?)',
    ).run('Open', 'EUR', 1, null, at, at);
    db.prepare(
      'INSERT INTO deals (title, value_minor, currency, stage_id, position, closed_at, created_at, updated_at) VALUES (?, 100, ?, ?, 0, ?, ?, ?)',
    ).run('Won', 'EUR', 5, at, at, at);
    const task = db.prepare(
      "INSERT INTO activities (kind, subject, occurred_at, due_at, done_at, deal_id, created_at, updated_at) VALUES ('task', ?, ?, ?, ?, 1, ?, ?)",
    );
    task.run('Open task', at, at, null, at, at);
    task.run('Done task', at, at, at, at, at);

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 25),
      memoryLogger(),
    );
    // Counted through each index (INDEXED BY fails if it is missing or cannot serve the query).
    const count = (sql: string) => db.prepare(sql).pluck().get();
    expect(
      count('SELECT count(*) FROM deals INDEXED BY deals_forecast WHERE stage_id > 0 AND deleted_at IS NULL'),
    ).toBe(2);
    expect(
      count("SELECT count(*) FROM deals INDEXED BY deals_closed WHERE closed_at > '' AND deleted_at IS NULL"),
    ).toBe(1);
    expect(
      count(
        "SELECT count(*) FROM activities INDEXED BY activities_overdue_tasks WHERE kind = 'task' AND done_at IS NULL AND deleted_at IS NULL AND due_at > ''",
      ),
    ).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
