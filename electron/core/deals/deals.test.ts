import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { call, count, danglingKeys, failure, update } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { arrayContaining, stringMatching } from '../../../tests/support/matchers';

async function stageId(core: Core, name: string): Promise<number> {
  const { stages } = await call(core, 'stages.list', {});
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage.id;
}

describe('deals', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('creates a deal in the first open stage, with money in minor units and a currency code', async () => {
    const core = await openCore(tempDir());
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    const deal = await call(core, 'deals.create', {
      title: 'Renewal',
      companyId: acme.id,
      valueMinor: 1_250_050,
      currency: 'sek',
      expectedCloseDate: '2026-06-30',
      probability: 40,
    });
    expect(deal).toMatchObject({
      title: 'Renewal',
      companyName: 'Acme',
      valueMinor: 1_250_050,
      currency: 'SEK',
      stageName: 'Lead',
      stageKind: 'open',
      probability: 40,
      closedAt: null,
    });
    for (const [input, field] of [
      [{ title: 'x', valueMinor: 10.5 }, 'valueMinor'],
      [{ title: 'x', valueMinor: -1 }, 'valueMinor'],
      [{ title: 'x', currency: 'euro' }, 'currency'],
      [{ title: 'x', expectedCloseDate: '2026-02-30' }, 'expectedCloseDate'],
      [{ title: 'x', probability: 101 }, 'probability'],
      [{ title: '' }, 'title'],
    ] as const) {
      expect(await failure(core, 'deals.create', input)).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field }] },
      });
    }
    expect(await failure(core, 'deals.create', { title: 'x', companyId: 999 })).toMatchObject({
      code: 'NOT_FOUND',
      details: { fields: [{ field: 'companyId' }] },
    });
  });

  it('updates only the fields given, writes a history entry per change, and marks won deals closed', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const deal = await call(core, 'deals.create', { title: 'Renewal', valueMinor: 1000 });
    clock.advance(60_000);
    const won = await update(core, 'deals.update', {
      id: deal.id,
      stageId: await stageId(core, 'Won'),
      valueMinor: 2000,
    });
    expect(won).toMatchObject({
      title: 'Renewal',
      valueMinor: 2000,
      stageKind: 'won',
      closedAt: '2026-03-01T09:01:00.000Z',
    });
    const { entries } = await call(core, 'timeline.list', { record: { kind: 'deal', id: deal.id } });
    expect(
      entries
        .filter((entry) => entry.type === 'change')
        .map((entry) => entry.type === 'change' && [entry.change.field, entry.change.oldValue, entry.change.newValue]),
    ).toEqual(
      arrayContaining([
        ['stage', 'Lead', 'Won'],
        ['valueMinor', 1000, 2000],
      ]),
    );
    const reopened = await update(core, 'deals.update', { id: deal.id, stageId: await stageId(core, 'Qualified') });
    expect(reopened.closedAt).toBeNull();
  });

  it('lists a page sorted by any column, filtered by stage, status and company', async () => {
    const core = await openCore(tempDir());
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    await call(core, 'deals.create', { title: 'Beta', valueMinor: 300, owner: 'Zed' });
    await call(core, 'deals.create', {
      title: 'alpha',
      valueMinor: 100,
      companyId: acme.id,
      expectedCloseDate: '2026-01-01',
    });
    await call(core, 'deals.create', {
      title: 'Gamma',
      valueMinor: 200,
      stageId: await stageId(core, 'Won'),
      owner: 'Amy',
    });
    // Deals list newest first by default; these pages ask for ascending unless they say otherwise.
    const titles = async (input: Parameters<typeof call<'deals.list'>>[2]) =>
      (await call(core, 'deals.list', { direction: 'asc', ...input })).rows.map((row) => row.title);
    expect(await titles({ sort: 'title' })).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(await titles({ sort: 'value', direction: 'desc' })).toEqual(['Beta', 'Gamma', 'alpha']);
    expect(await titles({ sort: 'owner' })).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(await titles({ sort: 'expectedCloseDate', direction: 'desc' })).toEqual(['alpha', 'Gamma', 'Beta']);
    expect(await titles({ sort: 'stage' })).toEqual(['Beta', 'alpha', 'Gamma']);
    expect(await titles({ sort: 'title', status: 'open' })).toEqual(['alpha', 'Beta']);
    expect(await titles({ sort: 'title', stageIds: [await stageId(core, 'Won')] })).toEqual(['Gamma']);
    expect(await titles({ sort: 'title', companyId: acme.id })).toEqual(['alpha']);
    expect(await titles({ sort: 'title', search: 'gam' })).toEqual(['Gamma']);
    expect((await call(core, 'deals.list', { status: 'open' })).total).toBe(2);
  });

  describe('the board', () => {
    it('shows every stage with its count and totals per currency computed over the whole stage, and at most the asked cards', async () => {
      const core = await openCore(tempDir());
      const lead = await stageId(core, 'Lead');
      for (let i = 0; i < 205; i++)
        await call(core, 'deals.create', {
          title: `Lead ${i}`,
          valueMinor: 100,
          currency: i % 5 === 0 ? 'USD' : 'EUR',
        });
      await call(core, 'deals.create', {
        title: 'Proposal one',
        valueMinor: 999,
        stageId: await stageId(core, 'Proposal'),
      });
      await call(core, 'deals.create', { title: 'Won one', valueMinor: 5000, stageId: await stageId(core, 'Won') });
      const trashed = await call(core, 'deals.create', { title: 'Gone', valueMinor: 1_000_000 });
      await call(core, 'deals.delete', { id: trashed.id });

      const board = await call(core, 'deals.board', {});
      expect(board.columns.map((column) => [column.stage.name, column.count, column.deals.length])).toEqual([
        ['Lead', 205, 200],
        ['Qualified', 0, 0],
        ['Proposal', 1, 1],
        ['Negotiation', 0, 0],
        ['Won', 1, 0],
        ['Lost', 0, 0],
      ]);
      const leadColumn = board.columns.find((column) => column.stage.id === lead)!;
      expect(leadColumn.totals).toEqual([
        { currency: 'EUR', valueMinor: 164 * 100 },
        { currency: 'USD', valueMinor: 41 * 100 },
      ]);
      expect(leadColumn.deals[0]?.title).toBe('Lead 0');
      const withClosed = await call(core, 'deals.board', { includeClosed: true, cardsPerStage: 10 });
      expect(withClosed.columns.map((column) => column.deals.length)).toEqual([10, 0, 1, 0, 1, 0]);
    });

    it('a card says what the list says of the same deal: names, money, dates, owner, tags; a deleted company or person shows no name', async () => {
      const core = await openCore(tempDir());
      const acme = await call(core, 'companies.create', { name: 'Ölwerk & Söhne 🍺' });
      const gone = await call(core, 'companies.create', { name: 'Gone Ltd' });
      const anna = await call(core, 'contacts.create', { name: 'Anna Ångström' });
      const vip = await call(core, 'tags.create', { name: 'VIP' });
      const hot = await call(core, 'tags.create', { name: 'Hot' });
      await call(core, 'deals.create', {
        title: 'Full',
        companyId: acme.id,
        contactId: anna.id,
        valueMinor: 1_250_050,
        currency: 'SEK',
        expectedCloseDate: '2026-03-29',
        owner: 'Zoë',
        probability: 40,
        tagIds: [vip.id, hot.id],
      });
      await call(core, 'deals.create', { title: 'Bare', stageId: await stageId(core, 'Won') });
      await call(core, 'deals.create', {
        title: 'Orphan',
        companyId: gone.id,
        stageId: await stageId(core, 'Proposal'),
        tagIds: [hot.id],
      });
      await call(core, 'companies.delete', { id: gone.id });

      const cards = (await call(core, 'deals.board', { includeClosed: true })).columns.flatMap(
        (column) => column.deals,
      );
      const rows = (await call(core, 'deals.list', { limit: 100 })).rows;
      expect(cards).toHaveLength(3);
      for (const card of cards)
        expect({ ...card, tagIds: [...card.tagIds].sort() }).toEqual(
          ((row) => ({ ...row, tagIds: [...row.tagIds].sort() }))(rows.find((row) => row.id === card.id)!),
        );
      expect(cards.find((card) => card.title === 'Full')).toMatchObject({
        companyName: 'Ölwerk & Söhne 🍺',
        contactName: 'Anna Ångström',
        stageName: 'Lead',
        stageKind: 'open',
        owner: 'Zoë',
      });
      expect(cards.find((card) => card.title === 'Orphan')).toMatchObject({
        companyName: '',
        stageName: 'Proposal',
        tagIds: [hot.id],
      });
    });

    it('moves a card to a stage and position (drag or keyboard), keeping the others in order', async () => {
      const core = await openCore(tempDir());
      const [a, b, c] = [
        await call(core, 'deals.create', { title: 'A' }),
        await call(core, 'deals.create', { title: 'B' }),
        await call(core, 'deals.create', { title: 'C' }),
      ];
      const qualified = await stageId(core, 'Qualified');
      const order = async (stage: string) =>
        (await call(core, 'deals.board', {})).columns
          .find((column) => column.stage.name === stage)!
          .deals.map((deal) => deal.title);
      await call(core, 'deals.move', { id: c.id, stageId: c.stageId, index: 0 });
      expect(await order('Lead')).toEqual(['C', 'A', 'B']);
      await call(core, 'deals.move', { id: c.id, stageId: c.stageId, index: 2 });
      expect(await order('Lead')).toEqual(['A', 'B', 'C']);
      await call(core, 'deals.move', { id: a.id, stageId: a.stageId, index: 1 });
      expect(await order('Lead')).toEqual(['B', 'A', 'C']);
      const moved = await call(core, 'deals.move', { id: b.id, stageId: qualified, index: 99 });
      expect(moved.stageName).toBe('Qualified');
      expect(await order('Lead')).toEqual(['A', 'C']);
      expect(await order('Qualified')).toEqual(['B']);
      // Many moves into the same gap keep working (positions are spread out again when they get too close).
      for (let i = 0; i < 80; i++)
        await call(core, 'deals.move', { id: i % 2 === 0 ? c.id : b.id, stageId: a.stageId, index: 1 });
      expect(await order('Lead')).toEqual(['A', 'B', 'C']);
    });
  });

  describe('stages', () => {
    it('are created, renamed, reordered and given a kind', async () => {
      const core = await openCore(tempDir());
      const demo = await call(core, 'stages.create', { name: 'Demo' });
      expect(demo).toMatchObject({ name: 'Demo', kind: 'open', position: 6 });
      expect(await failure(core, 'stages.create', { name: 'demo' })).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'name' }] },
      });
      await call(core, 'stages.update', { id: demo.id, name: 'Demo booked' });
      const { stages } = await call(core, 'stages.list', {});
      const ids = stages.map((stage) => stage.id);
      const reordered = await call(core, 'stages.reorder', { ids: [demo.id, ...ids.filter((id) => id !== demo.id)] });
      expect(reordered.stages.map((stage) => stage.name).slice(0, 2)).toEqual(['Demo booked', 'Lead']);
      expect(await failure(core, 'stages.reorder', { ids: [demo.id] })).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'ids' }] },
      });
      const deal = await call(core, 'deals.create', { title: 'First' });
      expect(deal.stageName).toBe('Demo booked');
    });

    it('deleting a stage that holds deals needs a target stage; its deals (trashed ones too) move there', async () => {
      const core = await openCore(tempDir());
      const proposal = await stageId(core, 'Proposal');
      const negotiation = await stageId(core, 'Negotiation');
      const kept = await call(core, 'deals.create', { title: 'Kept', stageId: proposal });
      const binned = await call(core, 'deals.create', { title: 'Binned', stageId: proposal });
      const { trashId } = await call(core, 'deals.delete', { id: binned.id });
      await call(core, 'deals.create', { title: 'Already there', stageId: negotiation });

      const refused = await failure(core, 'stages.delete', { id: proposal });
      expect(refused).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'moveDealsTo', message: stringMatching(/holds 2 deals/) }] },
      });
      expect(await failure(core, 'stages.delete', { id: proposal, moveDealsTo: proposal })).toMatchObject({
        code: 'VALIDATION',
      });
      expect(await failure(core, 'stages.delete', { id: proposal, moveDealsTo: 999 })).toMatchObject({
        code: 'NOT_FOUND',
      });

      expect(await call(core, 'stages.delete', { id: proposal, moveDealsTo: negotiation })).toEqual({ id: proposal });
      expect(await call(core, 'deals.get', { id: kept.id })).toMatchObject({ stageName: 'Negotiation' });
      const column = (await call(core, 'deals.board', {})).columns.find(
        (candidate) => candidate.stage.id === negotiation,
      )!;
      expect(column.deals.map((deal) => deal.title)).toEqual(['Already there', 'Kept']);
      expect((await call(core, 'stages.list', {})).stages.map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4]);
      await call(core, 'trash.restore', { trashId });
      expect(await call(core, 'deals.get', { id: binned.id })).toMatchObject({ stageName: 'Negotiation' });
      expect(danglingKeys(core)).toEqual([]);
    });

    it('an empty stage goes without a target; the last open stage stays', async () => {
      const core = await openCore(tempDir());
      for (const name of ['Qualified', 'Proposal', 'Negotiation'])
        await call(core, 'stages.delete', { id: await stageId(core, name) });
      expect(await failure(core, 'stages.delete', { id: await stageId(core, 'Lead') })).toMatchObject({
        code: 'VALIDATION',
      });
      expect(await failure(core, 'stages.update', { id: await stageId(core, 'Lead'), kind: 'won' })).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'kind' }] },
      });
      expect(count(core, 'SELECT count(*) FROM pipeline_stages')).toBe(3);
    });
  });
});
