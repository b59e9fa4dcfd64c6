import { describe, expect, it } from 'vitest';
import { captureSql } from '../../../tests/bench/capture-sql';
import { useCores } from '../../../tests/support/core';
import { smallCrm } from '../../../tests/support/crm';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { dashboardFigures } from './figures';

describe('the dashboard’s queries read indexes, never whole tables (EXPLAIN QUERY PLAN)', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('each aggregate is served by the index named for it', async () => {
    const core = await openCore(tempDir());
    await smallCrm(core);
    core.db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('News', 'email', 'EUR', ?, ?)",
      )
      .run('2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    const statements = captureSql(core.db, (db) => dashboardFigures(db).at(new Date('2026-12-09T12:00:00.000Z')));
    const plans = statements.map((sql) => ({
      sql: sql
        .replace(/WITH open_stages AS \(.*?kind = 'open'\)/s, '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60),
      plan: (core.db.prepare(`EXPLAIN QUERY PLAN ${sql.replace(/;$/, '')}`).all() as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join(' | '),
    }));
    const planOf = (words: string) =>
      plans.find((entry) => entry.sql.includes(words))?.plan ?? `no statement with ${words}`;

    expect(planOf('SELECT CASE WHEN d.expected_close')).toContain('USING COVERING INDEX deals_forecast');
    expect(planOf('SELECT s.kind')).toContain('USING COVERING INDEX deals_closed');
    expect(planOf('SELECT nullif(d.owner')).toContain('USING COVERING INDEX activities_overdue_tasks');
    expect(planOf('WITH weeks')).toContain(
      'USING INDEX activities_by_kind (kind=? AND occurred_at>? AND occurred_at<?)',
    );
    expect(planOf('SELECT status')).toContain('USING COVERING INDEX campaign_members_by_status');
    // Deals and activities are never scanned whole.
    for (const entry of plans) expect(entry.plan, entry.sql).not.toMatch(/SCAN (d|a|deals|activities)( |$)(?!USING)/);
  });
});
