import { describe, expect, it } from 'vitest';
import type { FieldedKind } from '../../../shared/schemas/record';
import { call, failure } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';

/** One record of the kind, named `name`, with the tags and custom values given. */
async function recordOf(
  core: Core,
  kind: FieldedKind,
  name: string,
  extras: { tagIds?: number[]; custom?: Record<string, string | number> } = {},
): Promise<number> {
  if (kind === 'contact') return (await call(core, 'contacts.create', { name, ...extras })).id;
  if (kind === 'company') return (await call(core, 'companies.create', { name, ...extras })).id;
  return (await call(core, 'deals.create', { title: name, ...extras })).id;
}

async function listOf(core: Core, kind: FieldedKind, query: Record<string, unknown>): Promise<number[]> {
  const request = { ...query, offset: 0, limit: 100 };
  const page =
    kind === 'contact'
      ? await call(core, 'contacts.list', request)
      : kind === 'company'
        ? await call(core, 'companies.list', request)
        : await call(core, 'deals.list', request);
  return page.rows.map((row) => row.id);
}

describe('saved views', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('store a named filter and sort per list, checked with that list’s own schema, and apply as a list request', async () => {
    const core = await openCore(tempDir());
    const view = await call(core, 'views.create', {
      kind: 'deal',
      name: 'Open by value',
      query: { status: 'open', sort: 'value', direction: 'desc' },
    });
    expect(view).toMatchObject({
      kind: 'deal',
      name: 'Open by value',
      position: 0,
      query: { status: 'open', sort: 'value', direction: 'desc', search: '', tagIds: [] },
    });
    await call(core, 'deals.create', { title: 'Small', valueMinor: 1 });
    await call(core, 'deals.create', { title: 'Large', valueMinor: 100 });
    const page = await call(core, 'deals.list', { ...(view.query as object), offset: 0, limit: 50 });
    expect(page.rows.map((row) => row.title)).toEqual(['Large', 'Small']);

    expect(
      await failure(core, 'views.create', { kind: 'deal', name: 'Bad', query: { sort: 'shoeSize' } }),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'query.sort' }] } });
    expect(await failure(core, 'views.create', { kind: 'deal', name: 'open BY value', query: {} })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'name' }] },
    });
    expect(
      await failure(core, 'views.create', { kind: 'contact', name: 'Paged', query: { offset: 100 } }),
    ).toMatchObject({ code: 'VALIDATION' });
    await call(core, 'views.create', { kind: 'contact', name: 'Open by value', query: {} });

    expect(await call(core, 'views.update', { id: view.id, name: 'Pipeline' })).toMatchObject({
      name: 'Pipeline',
      query: { sort: 'value' },
    });
    expect((await call(core, 'views.list', { kind: 'deal' })).views.map((saved) => saved.name)).toEqual(['Pipeline']);
    await call(core, 'views.delete', { id: view.id });
    expect((await call(core, 'views.list', { kind: 'deal' })).views).toEqual([]);
  });

  for (const kind of ['contact', 'company', 'deal'] as const) {
    it(`a ${kind} view filtered by a deleted tag keeps its filter, names the tag, and lists nothing until the filter is changed`, async () => {
      const core = await openCore(tempDir());
      const hot = await call(core, 'tags.create', { name: 'Hot' });
      // Created last, so a number handed out again after its delete would be its own.
      const vip = await call(core, 'tags.create', { name: 'VIP' });
      await recordOf(core, kind, 'Anna', { tagIds: [vip.id] });
      const bob = await recordOf(core, kind, 'Bob', { tagIds: [hot.id] });
      await recordOf(core, kind, 'Carl');
      const view = await call(core, 'views.create', {
        kind,
        name: 'VIP clients',
        query: { tagIds: [vip.id, hot.id], tagMatch: 'any' },
      });
      expect(view.problems).toEqual([]);

      await call(core, 'tags.delete', { id: vip.id });
      const [kept] = (await call(core, 'views.list', { kind })).views;
      expect(kept).toMatchObject({ id: view.id, query: { tagIds: [vip.id, hot.id], tagMatch: 'any' } });
      expect(kept!.problems).toEqual([
        { message: 'This view filters by the tag “VIP”, which was deleted.', target: { kind: 'tag', id: vip.id } },
      ]);
      // Bob still has Hot, but the view as saved no longer means anything: it shows nobody rather than a guess.
      expect(await listOf(core, kind, kept!.query)).toEqual([]);

      // A new tag never takes the deleted one's number, so the view cannot quietly start filtering by it.
      const newsletter = await call(core, 'tags.create', { name: 'Newsletter' });
      expect(newsletter.id).not.toBe(vip.id);
      expect((await call(core, 'views.list', { kind })).views[0]!.problems).toHaveLength(1);

      const saved = await call(core, 'views.update', { id: view.id, query: { ...kept!.query, tagIds: [hot.id] } });
      expect(saved.problems).toEqual([]);
      expect(await listOf(core, kind, saved.query)).toEqual([bob]);
    });

    it(`a ${kind} view filtered by a deleted custom field, or by a choice no longer offered, says so and lists nothing`, async () => {
      const core = await openCore(tempDir());
      const size = await call(core, 'customFields.create', {
        kind,
        label: 'Size',
        type: 'choice',
        choices: ['Small', 'Medium', 'Large'],
      });
      const budget = await call(core, 'customFields.create', { kind, label: 'Budget', type: 'number' });
      await recordOf(core, kind, 'Anna', { custom: { [size.id]: 'Large', [budget.id]: 500 } });
      await recordOf(core, kind, 'Bob', { custom: { [size.id]: 'Small' } });
      const big = await call(core, 'views.create', {
        kind,
        name: 'Big spenders',
        query: { custom: [{ fieldId: budget.id, op: 'gt', value: 100 }] },
      });
      const medium = await call(core, 'views.create', {
        kind,
        name: 'Medium sized',
        query: { custom: [{ fieldId: size.id, op: 'eq', value: 'Medium' }] },
      });

      await call(core, 'customFields.delete', { id: budget.id });
      await call(core, 'customFields.update', { id: size.id, choices: ['Small', 'Large'] });
      const views = (await call(core, 'views.list', { kind })).views;
      const bigNow = views.find((each) => each.id === big.id)!;
      expect(bigNow.query).toMatchObject({ custom: [{ fieldId: budget.id, op: 'gt', value: 100 }] });
      expect(bigNow.problems).toEqual([
        {
          message: 'This view filters by the field “Budget”, which was deleted.',
          target: { kind: 'customField', id: budget.id },
        },
      ]);
      expect(await listOf(core, kind, bigNow.query)).toEqual([]);
      expect(views.find((each) => each.id === medium.id)!.problems).toEqual([
        {
          message: 'This view filters by “Medium” in “Size”, which is no longer one of its choices.',
          target: { kind: 'choice', id: size.id, choice: 'Medium' },
        },
      ]);

      const saved = await call(core, 'views.update', { id: big.id, query: { custom: [] } });
      expect(saved.problems).toEqual([]);
      expect(await listOf(core, kind, saved.query)).toHaveLength(2);
    });
  }

  it('a deal view filtered by a deleted stage names the stage and lists nothing', async () => {
    const core = await openCore(tempDir());
    const { stages } = await call(core, 'stages.list', {});
    const lead = stages.find((stage) => stage.name === 'Lead')!;
    const demo = await call(core, 'stages.create', { name: 'Demo booked' });
    await call(core, 'deals.create', { title: 'Renewal', stageId: lead.id });
    await call(core, 'deals.create', { title: 'Pilot', stageId: demo.id });
    const view = await call(core, 'views.create', {
      kind: 'deal',
      name: 'Early',
      query: { stageIds: [lead.id, demo.id] },
    });
    await call(core, 'stages.delete', { id: demo.id, moveDealsTo: lead.id });

    const [kept] = (await call(core, 'views.list', { kind: 'deal' })).views;
    expect(kept).toMatchObject({ id: view.id, query: { stageIds: [lead.id, demo.id] } });
    expect(kept!.problems).toEqual([
      {
        message: 'This view filters by the stage “Demo booked”, which was deleted.',
        target: { kind: 'stage', id: demo.id },
      },
    ]);
    expect(await listOf(core, 'deal', kept!.query)).toEqual([]);
    expect((await call(core, 'stages.create', { name: 'Trial' })).id).not.toBe(demo.id);
  });

  it('views.usedBy names the views whose filters use a tag, a field or a stage, for the delete to warn', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const size = await call(core, 'customFields.create', {
      kind: 'company',
      label: 'Size',
      type: 'choice',
      choices: ['Small', 'Large'],
    });
    const { stages } = await call(core, 'stages.list', {});
    const proposal = stages.find((stage) => stage.name === 'Proposal')!;
    await call(core, 'views.create', { kind: 'contact', name: 'VIP clients', query: { tagIds: [vip.id] } });
    await call(core, 'views.create', {
      kind: 'deal',
      name: 'VIP deals in proposal',
      query: { tagIds: [vip.id], stageIds: [proposal.id] },
    });
    await call(core, 'views.create', {
      kind: 'company',
      name: 'Large ones',
      query: { custom: [{ fieldId: size.id, op: 'eq', value: 'Large' }] },
    });
    await call(core, 'views.create', { kind: 'contact', name: 'Everyone', query: {} });

    const names = async (target: { kind: 'tag' | 'customField' | 'stage'; id: number }) =>
      (await call(core, 'views.usedBy', { target })).views.map((view) => [view.kind, view.name]);
    expect(await names({ kind: 'tag', id: vip.id })).toEqual([
      ['contact', 'VIP clients'],
      ['deal', 'VIP deals in proposal'],
    ]);
    expect(await names({ kind: 'customField', id: size.id })).toEqual([['company', 'Large ones']]);
    expect(await names({ kind: 'stage', id: proposal.id })).toEqual([['deal', 'VIP deals in proposal']]);
    expect(await names({ kind: 'stage', id: stages.find((stage) => stage.name === 'Won')!.id })).toEqual([]);
  });
});
