import { describe, expect, it } from 'vitest';
import type { SegmentCondition, SegmentDefinition } from '../../../shared/schemas/segment';
import { call, failure } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { callsInZone } from '../../../tests/support/in-zone';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { channels } from '../../../shared/contract';
import { consentWriter } from '../contacts/consent';
import { listRows } from '../export/list-rows';
import type { Core } from '../core';
import { segmentFilter } from './filter';
import { segmentsRepo } from './repo';

const all = (...conditions: SegmentDefinition['conditions']): SegmentDefinition => ({ match: 'all', conditions });
const any = (...conditions: SegmentDefinition['conditions']): SegmentDefinition => ({ match: 'any', conditions });
const hour = 3_600_000;
const day = 24 * hour;
const stage = { open: 1, qualified: 2, proposal: 3, won: 5, lost: 6 } as const;

/** The names a definition matches, in name order (segments.members), and its count (segments.count), which must agree. */
async function matched(core: Core, definition: SegmentDefinition): Promise<string[]> {
  const { page, problems } = await call(core, 'segments.members', { definition, offset: 0, limit: 500 });
  expect(problems).toEqual([]);
  const { count } = await call(core, 'segments.count', { definition });
  const names = page.rows.map((row) => row.name);
  expect(count).toBe(names.length);
  return names;
}

describe('segments: each condition over real contacts, companies, deals and activities', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('tags: has any of, has all of, has none of', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const press = await call(core, 'tags.create', { name: 'Presse 📰' });
    await call(core, 'contacts.create', { name: 'Anna', tagIds: [vip.id] });
    await call(core, 'contacts.create', { name: 'Bea', tagIds: [vip.id, press.id] });
    await call(core, 'contacts.create', { name: 'Cem', tagIds: [press.id] });
    await call(core, 'contacts.create', { name: 'Dora' });
    const tags = (op: 'any' | 'all' | 'none', tagIds: number[]): SegmentCondition => ({ kind: 'tags', op, tagIds });
    expect(await matched(core, all(tags('any', [vip.id, press.id])))).toEqual(['Anna', 'Bea', 'Cem']);
    expect(await matched(core, all(tags('all', [vip.id, press.id])))).toEqual(['Bea']);
    expect(await matched(core, all(tags('none', [vip.id])))).toEqual(['Cem', 'Dora']);
  });

  it('lead source and consent: is one of, is empty', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    const bea = await call(core, 'contacts.create', { name: 'Bea' });
    await call(core, 'contacts.create', { name: 'Cem' });
    // The lead source field arrives with another part of this issue; until then it is set as an import would store it.
    core.db.prepare("UPDATE contacts SET lead_source = 'Salon Créatif 🎨' WHERE id = ?").run(anna.id);
    core.db.prepare("UPDATE contacts SET lead_source = 'Website' WHERE id = ?").run(bea.id);
    const changeConsent = consentWriter(core.db);
    changeConsent({ contactId: anna.id, status: 'subscribed', source: 'form', at: new Date().toISOString() });
    changeConsent({ contactId: bea.id, status: 'do_not_contact', source: 'phone', at: new Date().toISOString() });
    expect(
      await matched(core, all({ kind: 'leadSource', op: 'isOneOf', values: ['Salon Créatif 🎨', 'website'] })),
    ).toEqual(['Anna', 'Bea']);
    expect(await matched(core, all({ kind: 'leadSource', op: 'isEmpty' }))).toEqual(['Cem']);
    expect(await matched(core, all({ kind: 'consent', values: ['subscribed', 'not_asked'] }))).toEqual(['Anna', 'Cem']);
    expect(await matched(core, all({ kind: 'consent', values: ['do_not_contact'] }))).toEqual(['Bea']);
  });

  it('company fields: the linked company’s name, industry, website and lead source contain / are / are empty', async () => {
    const core = await openCore(tempDir());
    const acme = await call(core, 'companies.create', {
      name: 'Acme Ltd',
      industry: 'Engineering',
      website: 'acme.example',
    });
    const cafe = await call(core, 'companies.create', { name: 'Café Zoë', industry: 'Food' });
    core.db.prepare("UPDATE companies SET lead_source = 'Event' WHERE id = ?").run(cafe.id);
    await call(core, 'contacts.create', { name: 'Anna', companyId: acme.id });
    await call(core, 'contacts.create', { name: 'Bea', companyId: cafe.id });
    await call(core, 'contacts.create', { name: 'Cem', company: 'Only text' });
    const companyField = (
      field: 'name' | 'industry' | 'website' | 'leadSource',
      op: 'contains' | 'is' | 'isEmpty',
      value?: string,
    ): SegmentCondition => ({
      kind: 'companyField',
      field,
      op,
      ...(value === undefined ? {} : { value }),
    });
    expect(await matched(core, all(companyField('name', 'contains', 'Zoë')))).toEqual(['Bea']);
    expect(await matched(core, all(companyField('name', 'contains', '%')))).toEqual([]);
    expect(await matched(core, all(companyField('industry', 'is', 'engineering')))).toEqual(['Anna']);
    expect(await matched(core, all(companyField('website', 'isEmpty')))).toEqual(['Bea', 'Cem']);
    expect(await matched(core, all(companyField('leadSource', 'is', 'Event')))).toEqual(['Bea']);
    expect(
      await failure(core, 'segments.count', { definition: all(companyField('name', 'contains', '  ')) }),
    ).toMatchObject({ code: 'VALIDATION' });
  });

  it('custom fields of the contact and of the company, per type', async () => {
    const clock = fixedClock('2026-06-15T12:00:00.000Z');
    const clocked = await openCore(tempDir(), { clock });
    const note = await call(clocked, 'customFields.create', { kind: 'contact', label: 'Note', type: 'text' });
    const seats = await call(clocked, 'customFields.create', { kind: 'contact', label: 'Seats', type: 'number' });
    const renewal = await call(clocked, 'customFields.create', { kind: 'contact', label: 'Renewal', type: 'date' });
    const tier = await call(clocked, 'customFields.create', {
      kind: 'company',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const gold = await call(clocked, 'companies.create', { name: 'Gold Co', custom: { [tier.id]: 'Gold' } });
    await call(clocked, 'contacts.create', {
      name: 'Anna',
      companyId: gold.id,
      custom: { [note.id]: 'Prefers café ☕', [seats.id]: 12, [renewal.id]: '2026-06-10' },
    });
    await call(clocked, 'contacts.create', {
      name: 'Bea',
      custom: { [note.id]: 'likes tea', [seats.id]: 3, [renewal.id]: '2026-01-01' },
    });
    await call(clocked, 'contacts.create', { name: 'Cem' });
    const field = (
      fieldId: number,
      rest: Omit<Extract<SegmentCondition, { kind: 'customField' }>, 'kind' | 'fieldId'>,
    ): SegmentCondition => ({ kind: 'customField', fieldId, ...rest });
    expect(await matched(clocked, all(field(note.id, { op: 'contains', value: 'café' })))).toEqual(['Anna']);
    expect(await matched(clocked, all(field(note.id, { op: 'is', value: 'LIKES TEA' })))).toEqual(['Bea']);
    expect(await matched(clocked, all(field(note.id, { op: 'isEmpty' })))).toEqual(['Cem']);
    expect(await matched(clocked, all(field(seats.id, { op: 'gt', value: 5 })))).toEqual(['Anna']);
    expect(await matched(clocked, all(field(seats.id, { op: 'lt', value: 5 })))).toEqual(['Bea']);
    expect(await matched(clocked, all(field(seats.id, { op: 'eq', value: 3 })))).toEqual(['Bea']);
    expect(await matched(clocked, all(field(renewal.id, { op: 'before', value: '2026-06-10' })))).toEqual(['Bea']);
    expect(await matched(clocked, all(field(renewal.id, { op: 'after', value: '2026-01-01' })))).toEqual(['Anna']);
    expect(await matched(clocked, all(field(renewal.id, { op: 'inLastDays', days: 7 })))).toEqual(['Anna']);
    expect(await matched(clocked, all(field(tier.id, { op: 'isOneOf', values: ['gold'] })))).toEqual(['Anna']);
    expect(await matched(clocked, all(field(tier.id, { op: 'isEmpty' })))).toEqual(['Bea', 'Cem']);
    // A test the field's type cannot take is bad input, in words.
    const wrong = await failure(clocked, 'segments.count', {
      definition: all(field(seats.id, { op: 'contains', value: 'x' })),
    });
    expect(wrong).toMatchObject({ code: 'VALIDATION' });
    expect(wrong.message).toContain('“Seats” is a number field');
  });

  it('lifecycle from the deals of the contact and the contact’s company: won 13 months ago is a former customer', async () => {
    const clock = fixedClock('2025-01-10T12:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    await call(core, 'contacts.create', { name: 'Bea', companyId: acme.id });
    const cem = await call(core, 'contacts.create', { name: 'Cem' });
    await call(core, 'contacts.create', { name: 'Dora' });
    // Anna won 13 months before "now"; Acme (Bea's company) won 11 months before; Cem has only a lost and an open deal.
    await call(core, 'deals.create', { title: 'Old win', contactId: anna.id, stageId: stage.won });
    clock.advance(60 * day);
    await call(core, 'deals.create', { title: 'Acme win', companyId: acme.id, stageId: stage.won });
    await call(core, 'deals.create', { title: 'Lost one', contactId: cem.id, stageId: stage.lost });
    await call(core, 'deals.create', { title: 'Open one', contactId: cem.id, stageId: stage.proposal });
    clock.advance(335 * day); // 2026-02-09: Anna's win 13 months ago, Acme's 11.
    const lifecycle = (...values: Array<'lead' | 'customer' | 'former_customer'>): SegmentCondition => ({
      kind: 'lifecycle',
      values,
    });
    expect(await matched(core, all(lifecycle('customer')))).toEqual(['Bea']);
    expect(await matched(core, all(lifecycle('former_customer')))).toEqual(['Anna']);
    expect(await matched(core, all(lifecycle('lead')))).toEqual(['Cem', 'Dora']);
    expect(await matched(core, all(lifecycle('lead', 'customer')))).toEqual(['Bea', 'Cem', 'Dora']);
    // A deal in the trash no longer makes anyone a customer.
    const acmeWin = (await call(core, 'deals.list', { search: 'Acme win' })).rows[0]!;
    await call(core, 'deals.delete', { id: acmeWin.id });
    expect(await matched(core, all(lifecycle('lead')))).toEqual(['Bea', 'Cem', 'Dora']);
  });

  it('deal stage: a deal of the contact or the contact’s company in one of the stages', async () => {
    const core = await openCore(tempDir());
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    await call(core, 'contacts.create', { name: 'Bea', companyId: acme.id });
    await call(core, 'contacts.create', { name: 'Cem' });
    await call(core, 'deals.create', { title: 'A', contactId: anna.id, stageId: stage.qualified });
    await call(core, 'deals.create', { title: 'B', companyId: acme.id, stageId: stage.proposal });
    expect(await matched(core, all({ kind: 'dealStage', stageIds: [stage.proposal] }))).toEqual(['Bea']);
    expect(await matched(core, all({ kind: 'dealStage', stageIds: [stage.qualified, stage.proposal] }))).toEqual([
      'Anna',
      'Bea',
    ]);
  });

  it('created date: before, after (the whole day counts), in the last N days', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    await call(core, 'contacts.create', { name: 'March first' });
    clock.advance(day);
    await call(core, 'contacts.create', { name: 'March second' });
    clock.advance(20 * day);
    await call(core, 'contacts.create', { name: 'Late March' });
    expect(await matched(core, all({ kind: 'created', op: 'before', date: '2026-03-02' }))).toEqual(['March first']);
    expect(await matched(core, all({ kind: 'created', op: 'after', date: '2026-03-01' }))).toEqual([
      'Late March',
      'March second',
    ]);
    expect(await matched(core, all({ kind: 'created', op: 'inLastDays', days: 20 }))).toEqual([
      'Late March',
      'March second',
    ]);
  });

  it('“not contacted in 90 days” counts calendar days from midnight: an activity at the first moment of the 90th day back still counts', async () => {
    const clock = fixedClock('2026-04-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const onBoundary = await call(core, 'contacts.create', { name: 'On the boundary' });
    const justBefore = await call(core, 'contacts.create', { name: 'Just before' });
    const future = await call(core, 'contacts.create', { name: 'Only a planned meeting' });
    await call(core, 'contacts.create', { name: 'Never' });
    const inTrash = await call(core, 'contacts.create', { name: 'Recent but deleted activity' });
    // 90 calendar days before 1 April 2026 is 1 January 2026 (UTC in tests).
    await call(core, 'activities.create', {
      kind: 'call',
      subject: 'Call',
      contactId: onBoundary.id,
      occurredAt: '2026-01-01T00:00:00.000Z',
    });
    await call(core, 'activities.create', {
      kind: 'call',
      subject: 'Call',
      contactId: justBefore.id,
      occurredAt: '2025-12-31T23:59:59.999Z',
    });
    await call(core, 'activities.create', {
      kind: 'meeting',
      subject: 'Next week',
      contactId: future.id,
      occurredAt: '2026-04-08T09:00:00.000Z',
    });
    const deleted = await call(core, 'activities.create', {
      kind: 'note',
      body: 'Hello',
      contactId: inTrash.id,
      occurredAt: '2026-03-30T09:00:00.000Z',
    });
    await call(core, 'activities.delete', { id: deleted.id });
    expect(await matched(core, all({ kind: 'lastActivity', op: 'noneInLast', days: 90 }))).toEqual([
      'Just before',
      'Never',
      'Only a planned meeting',
      'Recent but deleted activity',
    ]);
    expect(await matched(core, all({ kind: 'lastActivity', op: 'withinLast', days: 90 }))).toEqual(['On the boundary']);
  });

  it('“the last 90 days” is 90 calendar days across a change of the clocks, however long those days are', () => {
    const module = `${__dirname}/relative-days.ts`;
    // Berlin springs forward on 29 March 2026: 90 days back from 1 April 10:00 (CEST) is midnight of 1 January (CET).
    const [berlin, sydney, utc] = [
      callsInZone('Europe/Berlin', module, [
        ['startOfDaysAgo', '2026-04-01T08:00:00.000Z', 90],
        ['startOfDaysAgo', '2026-03-30T08:00:00.000Z', 1],
      ]),
      callsInZone('Australia/Sydney', module, [['startOfDaysAgo', '2026-04-06T01:00:00.000Z', 1]]),
      callsInZone('UTC', module, [['startOfYearAgo', '2026-02-09T12:00:00.000Z']]),
    ];
    expect(berlin).toEqual(['2025-12-31T23:00:00.000Z', '2026-03-28T23:00:00.000Z']);
    // Sydney falls back on 5 April 2026 (a 25-hour day): "yesterday" starts at its own midnight, 4 April 13:00 UTC.
    expect(sydney).toEqual(['2026-04-04T13:00:00.000Z']);
    expect(utc).toEqual(['2025-02-09T00:00:00.000Z']);
  });

  it('AND/OR groups nest: all of (consent, any of (tag, group of lifecycle and stage))', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    await call(core, 'contacts.create', { name: 'Anna', tagIds: [vip.id] });
    const bea = await call(core, 'contacts.create', { name: 'Bea' });
    const cem = await call(core, 'contacts.create', { name: 'Cem', tagIds: [vip.id] });
    await call(core, 'contacts.create', { name: 'Dora' });
    await call(core, 'deals.create', { title: 'B', contactId: bea.id, stageId: stage.proposal });
    const changeConsent = consentWriter(core.db);
    changeConsent({ contactId: cem.id, status: 'unsubscribed', source: 'email', at: new Date().toISOString() });
    const definition = all(
      { kind: 'consent', values: ['subscribed', 'not_asked'] },
      any(
        { kind: 'tags', op: 'any', tagIds: [vip.id] },
        all({ kind: 'lifecycle', values: ['lead'] }, { kind: 'dealStage', stageIds: [stage.proposal] }),
      ),
    );
    expect(await matched(core, definition)).toEqual(['Anna', 'Bea']);
    expect(await matched(core, all())).toEqual(['Anna', 'Bea', 'Cem', 'Dora']);
    expect(await matched(core, any())).toEqual(['Anna', 'Bea', 'Cem', 'Dora']);
  });
});

describe('segments: problems, bounds and saving', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('a deleted custom field, tag, stage or choice is a problem in words, never a count', async () => {
    const core = await openCore(tempDir());
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    const tier = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Tier',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const vip = await call(core, 'tags.create', { name: 'VIP ⭐' });
    const extra = await call(core, 'stages.create', { name: 'Demo', kind: 'open' });
    await call(core, 'contacts.create', { name: 'Anna', custom: { [budget.id]: 5 } });
    const segment = await call(core, 'segments.create', {
      name: 'Big budgets',
      definition: any(
        { kind: 'customField', fieldId: budget.id, op: 'gt', value: 1 },
        { kind: 'tags', op: 'none', tagIds: [vip.id] },
        { kind: 'dealStage', stageIds: [extra.id] },
        {
          kind: 'customField',
          fieldId: tier.id,
          op: 'isOneOf',
          values: ['Silver'],
        },
      ),
    });
    expect(segment.problems).toEqual([]);
    expect((await call(core, 'segments.list', {})).segments).toMatchObject([
      { name: 'Big budgets', count: 1, problems: [] },
    ]);

    await call(core, 'customFields.delete', { id: budget.id });
    await call(core, 'tags.delete', { id: vip.id });
    await call(core, 'stages.delete', { id: extra.id });
    await call(core, 'customFields.update', { id: tier.id, choices: ['Gold'] });
    const problems = [
      { message: 'This segment uses the tag “VIP ⭐”, which was deleted; edit it to remove that condition.' },
      { message: 'This segment uses the deal stage “Demo”, which was deleted; edit it to remove that condition.' },
      { message: 'This segment uses the custom field “Budget”, which was deleted; edit it to remove that condition.' },
      {
        message:
          'This segment uses “Silver” in “Tier”, which is no longer one of its choices; edit it to remove that condition.',
      },
    ];
    expect((await call(core, 'segments.list', {})).segments).toMatchObject([{ name: 'Big budgets', count: null }]);
    expect(
      new Set((await call(core, 'segments.list', {})).segments[0]!.problems.map((problem) => problem.message)),
    ).toEqual(new Set(problems.map((problem) => problem.message)));
    expect((await call(core, 'segments.get', { id: segment.id })).problems).toHaveLength(4);
    expect(await call(core, 'segments.count', { definition: segment.definition })).toMatchObject({ count: null });
    expect(
      await call(core, 'segments.members', { definition: segment.definition, offset: 0, limit: 10 }),
    ).toMatchObject({ page: { rows: [], total: 0 } });
    // The list filtered by it shows nobody rather than the people the rest of it matches.
    expect((await call(core, 'contacts.list', { segmentId: segment.id })).rows).toEqual([]);
    // Campaigns get the words, not SQL.
    expect(() => segmentFilter(core.db, segment.definition, new Date())).toThrow(
      /custom field “Budget”, which was deleted/,
    );
  });

  it('refuses a group nested 4 deep, too many conditions and unbounded values, in words', async () => {
    const core = await openCore(tempDir());
    const consent: SegmentCondition = { kind: 'consent', values: ['subscribed'] };
    const threeDeep = all(any(all(consent)));
    expect(await call(core, 'segments.count', { definition: threeDeep })).toEqual({ count: 0, problems: [] });
    const fourDeep = await failure(core, 'segments.count', { definition: all(any(all(any(consent)))) });
    expect(fourDeep.code).toBe('VALIDATION');
    expect(fourDeep.message).toContain('Groups can be nested at most 3 deep');
    const crowded = await failure(core, 'segments.count', {
      definition: all(...Array.from({ length: 21 }, () => consent)),
    });
    expect(crowded.message).toContain('A group may hold at most 20 conditions');
    expect(
      (await failure(core, 'segments.count', { definition: all({ kind: 'lastActivity', op: 'noneInLast', days: 0 }) }))
        .message,
    ).toContain('at least 1');
    expect(
      (
        await failure(core, 'segments.count', {
          definition: all({ kind: 'leadSource', op: 'isOneOf', values: ['x'.repeat(201)] }),
        })
      ).message,
    ).toContain('at most 200 characters');
    expect(
      (
        await failure(core, 'segments.count', {
          definition: all({ kind: 'created', op: 'before', date: '2026-02-31' }),
        })
      ).code,
    ).toBe('VALIDATION');
    expect((await failure(core, 'segments.create', { name: '  ', definition: all() })).message).toContain(
      'Please enter a name',
    );
  });

  it('saves, renames, refuses a second segment of the same name, deletes; a campaign keeps no dangling link', async () => {
    const core = await openCore(tempDir());
    const created = await call(core, 'segments.create', {
      name: 'Kunden in Köln 🏙️',
      definition: all({ kind: 'consent', values: ['not_asked'] }),
    });
    await call(core, 'contacts.create', { name: 'Anna' });
    expect(await call(core, 'segments.get', { id: created.id })).toMatchObject({
      name: 'Kunden in Köln 🏙️',
      definition: { match: 'all' },
    });
    expect(
      (
        await failure(core, 'segments.create', {
          name: 'KUNDEN in köln 🏙️'.replace('KUNDEN', 'kunden'),
          definition: all(),
        })
      ).message,
    ).toContain('There is already a segment called');
    const renamed = await call(core, 'segments.update', { id: created.id, name: 'Everyone', definition: all() });
    expect(renamed).toMatchObject({ name: 'Everyone', definition: { conditions: [] } });
    expect((await call(core, 'segments.list', {})).segments).toMatchObject([{ name: 'Everyone', count: 1 }]);
    expect(await call(core, 'segments.delete', { id: created.id })).toEqual({ id: created.id });
    expect((await failure(core, 'segments.get', { id: created.id })).code).toBe('NOT_FOUND');
    expect((await failure(core, 'segments.delete', { id: created.id })).code).toBe('NOT_FOUND');
    expect((await call(core, 'contacts.list', { segmentId: created.id })).rows).toEqual([]);
  });
});

describe('a segment as a list filter', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('contacts.list with segmentId lists only its people, with the list’s own search, sort and count; select-all counts the same', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    for (const name of ['Émile Zola', 'Anna Berg', 'Zoë Ångström', 'Bob Stone'])
      await call(core, 'contacts.create', { name, tagIds: name.startsWith('B') ? [] : [vip.id] });
    const segment = await call(core, 'segments.create', {
      name: 'VIPs',
      definition: all({ kind: 'tags', op: 'any', tagIds: [vip.id] }),
    });
    const page = await call(core, 'contacts.list', { segmentId: segment.id });
    expect(page.rows.map((row) => row.name)).toEqual(['Anna Berg', 'Émile Zola', 'Zoë Ångström']);
    expect(page.total).toBe(3);
    expect(
      (await call(core, 'contacts.list', { segmentId: segment.id, search: 'zola' })).rows.map((row) => row.name),
    ).toEqual(['Émile Zola']);
    expect(
      (await call(core, 'contacts.list', { segmentId: segment.id, sort: 'name', direction: 'desc' })).rows.map(
        (row) => row.name,
      ),
    ).toEqual(['Zoë Ångström', 'Émile Zola', 'Anna Berg']);
    expect(
      await call(core, 'bulk.count', { list: { kind: 'contact', query: { segmentId: segment.id } } }),
    ).toMatchObject({ total: 3 });
    const view = await call(core, 'views.create', {
      kind: 'contact',
      name: 'VIP people',
      query: { segmentId: segment.id },
    });
    expect(view.query).toMatchObject({ segmentId: segment.id });
    // An export of the list writes the segment's people only.
    const exported = listRows(
      core.db,
      channels['export.list'].input.parse({
        list: { kind: 'contact', query: { segmentId: segment.id } },
        format: 'csv',
      }).list,
    );
    expect(exported.total).toBe(3);
    expect([...exported.pages].flat().sort()).toEqual(page.rows.map((row) => row.id).sort());
  });
});

describe('segment counts use indexes (EXPLAIN QUERY PLAN)', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  function plan(core: Core, definition: SegmentDefinition): string {
    const counted = segmentsRepo(core.db).countSql(definition, new Date())!;
    return (core.db.prepare(`EXPLAIN QUERY PLAN ${counted.sql}`).all(counted.params) as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join(' | ');
  }

  it('tag + consent, lifecycle, “not contacted in 90 days” and a custom field read covering indexes only: no row of contacts, deals or activities', async () => {
    const core = await openCore(tempDir());
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    const field = await call(core, 'customFields.create', { kind: 'contact', label: 'Seats', type: 'number' });
    const tagAndConsent = plan(
      core,
      all({ kind: 'tags', op: 'any', tagIds: [vip.id] }, { kind: 'consent', values: ['subscribed'] }),
    );
    expect(tagAndConsent).toMatch(/SEARCH contact_tags USING COVERING INDEX contact_tags_by_tag \(tag_id=\?\)/);
    // Few people carry a tag: the count visits just them, by id.
    expect(tagAndConsent).toMatch(/^SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    const lifecycle = plan(core, all({ kind: 'lifecycle', values: ['customer', 'former_customer', 'lead'] }));
    expect(lifecycle).toMatch(/SEARCH d USING COVERING INDEX deals_won_by \(stage_id=\? AND closed_at>\?\)/);
    expect(lifecycle).toMatch(/SEARCH cc USING COVERING INDEX contacts_by_company_id \(company_id=\?\)/);
    const quiet = plan(core, all({ kind: 'lastActivity', op: 'noneInLast', days: 90 }));
    expect(quiet).toMatch(/SEARCH a USING COVERING INDEX activities_contacted \(occurred_at>\? AND occurred_at<\?\)/);
    const custom = plan(
      core,
      all(
        { kind: 'customField', fieldId: field.id, op: 'gt', value: 3 },
        { kind: 'created', op: 'inLastDays', days: 30 },
      ),
    );
    expect(custom).toMatch(/SEARCH v USING COVERING INDEX contact_custom_values_by_field \(field_id=\? AND value>\?\)/);
    // Whole-list conditions count from contacts_for_segments without reading a contact's row.
    for (const shown of [lifecycle, quiet]) expect(shown).toMatch(/^SCAN c USING COVERING INDEX contacts_for_segments/);
    for (const shown of [tagAndConsent, lifecycle, quiet, custom]) {
      // The sets come from covering indexes (json_each and the six pipeline stages aside); contacts by index or by id.
      const reads = shown
        .split(' | ')
        .filter(
          (step) =>
            /^(SEARCH|SCAN) /.test(step) && !/json_each|pipeline_stages|^SEARCH c USING INTEGER PRIMARY KEY/.test(step),
        );
      expect(reads.filter((step) => !step.includes('COVERING INDEX'))).toEqual([]);
    }
  });
});
