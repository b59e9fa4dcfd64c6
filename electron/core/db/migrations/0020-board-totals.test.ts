import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabaseAt } from '../../../../tests/support/old-database';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { memoryLogger } from '../../logger';
import { runMigrations } from '../migrate';
import { migrations } from './index';

describe('migration 20: board totals', () => {
  const tempDir = useTempDirs();

  it('adds up the live deals per stage and currency, leaves the trash out, and the triggers keep it so', () => {
    const db = createDatabaseAt(join(tempDir(), 'crm.db'), migrations, 19);
    const insert = db.prepare(
      "INSERT INTO deals (title, value_minor, currency, stage_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    insert.run('A', 100, 'EUR', 1);
    insert.run('B', 250, 'EUR', 1);
    insert.run('C', 70, 'USD', 1);
    insert.run('D', 5, 'EUR', 2);
    const trashed = Number(insert.run('E', 999, 'EUR', 2).lastInsertRowid);
    db.prepare(
      "INSERT INTO trash (id, record_kind, label, deleted_at) VALUES (1, 'deal', 'E', '2026-01-02T00:00:00.000Z')",
    ).run();
    db.prepare("UPDATE deals SET deleted_at = '2026-01-02T00:00:00.000Z', trash_id = 1 WHERE id = ?").run(trashed);

    runMigrations(
      db,
      migrations.filter((m) => m.version <= 20),
      memoryLogger(),
    );
    const totals = () =>
      db
        .prepare('SELECT stage_id, currency, deals, value_minor FROM deal_stage_totals ORDER BY stage_id, currency')
        .raw()
        .all();
    expect(totals()).toEqual([
      [1, 'EUR', 2, 350],
      [1, 'USD', 1, 70],
      [2, 'EUR', 1, 5],
    ]);
    db.prepare('UPDATE deals SET deleted_at = NULL, trash_id = NULL WHERE id = ?').run(trashed);
    db.prepare("UPDATE deals SET stage_id = 2, currency = 'USD' WHERE title = 'C'").run();
    db.prepare("DELETE FROM deals WHERE title = 'D'").run();
    expect(totals()).toEqual([
      [1, 'EUR', 2, 350],
      [2, 'EUR', 1, 999],
      [2, 'USD', 1, 70],
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
