import { describe, expect, it } from 'vitest';
import type { DealBoard } from '../../../shared/schemas/deal';
import { captureSql } from '../../../tests/bench/capture-sql';
import { call, update } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { dealsRepo } from './repo';

/** Value per stage and currency, and deals per stage, added up from the deals themselves: what the board must say. */
function addedUp(core: Core) {
  const rows = core.db
    .prepare<[], { stage_id: number; currency: string; n: number; total: number }>(
      'SELECT stage_id, currency, count(*) AS n, sum(value_minor) AS total FROM deals WHERE deleted_at IS NULL GROUP BY stage_id, currency ORDER BY stage_id, currency',
    )
    .all();
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.stage_id, (counts.get(row.stage_id) ?? 0) + row.n);
  return { totals: rows.map((row) => `${row.stage_id} ${row.currency} ${row.total}`), counts };
}

/** The board's counts and totals are what the deals add up to. */
async function expectExact(core: Core, step: string): Promise<void> {
  const board: DealBoard = await call(core, 'deals.board', { includeClosed: true });
  const { totals, counts } = addedUp(core);
  expect(
    board.columns.flatMap((column) =>
      column.totals.map((total) => `${column.stage.id} ${total.currency} ${total.valueMinor}`),
    ),
    step,
  ).toEqual(totals);
  expect(
    board.columns.map((column) => column.count),
    step,
  ).toEqual(board.columns.map((column) => counts.get(column.stage.id) ?? 0));
}

describe('the deal board’s totals', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('stay exact however a deal changes: added, valued, re-priced, moved, trashed, restored, deleted for good, its stage deleted', async () => {
    const core = await openCore(tempDir());
    const { stages } = await call(core, 'stages.list', {});
    const [lead, qualified, proposal] = stages;
    const deal = (title: string, valueMinor: number, currency: string, stageId: number) =>
      call(core, 'deals.create', { title, valueMinor, currency, stageId });
    const a = await deal('A', 1_000, 'EUR', lead!.id);
    const b = await deal('B', 2_500, 'EUR', lead!.id);
    const c = await deal('C', 700, 'USD', lead!.id);
    const d = await deal('D', 50, 'EUR', qualified!.id);
    await expectExact(core, 'added');
    await update(core, 'deals.update', { id: a.id, valueMinor: 1_234 });
    await expectExact(core, 'valued');
    await update(core, 'deals.update', { id: b.id, currency: 'GBP', valueMinor: 2_000 });
    await expectExact(core, 're-priced');
    await call(core, 'deals.move', { id: c.id, stageId: proposal!.id, index: 0 });
    await call(core, 'deals.move', { id: d.id, stageId: lead!.id, index: 1 });
    await expectExact(core, 'moved');
    const trashed = await call(core, 'deals.delete', { id: a.id });
    await expectExact(core, 'trashed');
    await call(core, 'trash.restore', { trashId: trashed.trashId });
    await expectExact(core, 'restored');
    const gone = await call(core, 'deals.delete', { id: d.id });
    await call(core, 'trash.deleteForever', { trashId: gone.trashId });
    await expectExact(core, 'deleted for good');
    await call(core, 'bulk.apply', {
      kind: 'deal',
      ids: [a.id, b.id, c.id],
      action: { type: 'set', field: 'stageId', value: qualified!.id },
    });
    await expectExact(core, 'bulk stage change');
    await call(core, 'stages.delete', { id: qualified!.id, moveDealsTo: proposal!.id });
    await expectExact(core, 'stage deleted, its deals moved');
    expect(
      core.db.prepare('SELECT count(*) FROM deal_stage_totals WHERE stage_id = ?').pluck().get(qualified!.id),
    ).toBe(0);
    // A filtered board adds up its own deals.
    await update(core, 'deals.update', { id: c.id, owner: 'Maria' });
    const maria = await call(core, 'deals.board', { owner: 'Maria', includeClosed: true });
    expect(maria.columns.flatMap((column) => column.totals)).toEqual([{ currency: 'USD', valueMinor: 700 }]);
  });

  it('load without adding up the deals: the totals are read as kept, the cards from each stage’s index', async () => {
    const core = await openCore(tempDir());
    await call(core, 'deals.create', { title: 'Pilot', valueMinor: 100, currency: 'EUR' });
    const statements = captureSql(core.db, (db) => dealsRepo(db).board({ cardsPerStage: 200, includeClosed: true }));
    const plans = statements.map((sql) =>
      (core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((row) => row.detail)
        .join(' | '),
    );
    // No statement reads every deal; each stage's cards are a search of its index.
    expect(plans.filter((plan) => /SCAN d\b/.test(plan))).toEqual([]);
    expect(plans.filter((plan) => plan.includes('SEARCH d USING INDEX deals_by_stage (stage_id=?)'))).toHaveLength(6);
    expect(plans.some((plan) => /SCAN deal_stage_totals\b/.test(plan))).toBe(true);
  });
});
