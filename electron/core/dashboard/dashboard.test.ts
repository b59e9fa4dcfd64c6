import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/schemas/dashboard';
import { useCores } from '../../../tests/support/core';
import { call, update } from '../../../tests/support/crm';
import { callsInZone } from '../../../tests/support/in-zone';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { dataPaths } from '../paths';

/** A clock a test sets to any moment, forwards or back: records are made on the dates they name. */
function settableClock(start: string) {
  let now = new Date(start);
  return { now: () => new Date(now), set: (moment: string) => void (now = new Date(moment)) };
}

// Wednesday 9 December 2026, noon (tests run in UTC; the zone test names its own).
const today = '2026-12-09T12:00:00.000Z';

describe('the dashboard', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function startAt(moment = today) {
    const clock = settableClock(moment);
    const dataDir = tempDir();
    const core = await openCore(dataDir, { clock });
    const { stages } = await call(core, 'stages.list', {});
    const stage = (name: string) => stages.find((candidate) => candidate.name === name)!.id;
    const company = await call(core, 'companies.create', { name: 'Acme Ltd' });
    return { core, clock, dataDir, stage, company };
  }

  const figures = (core: Core): Promise<Dashboard> => call(core, 'dashboard.get', {});

  it('on an empty database says there is nothing yet, with every figure zero and no division by zero', async () => {
    const core = await openCore(tempDir(), { clock: settableClock(today) });
    expect(await call(core, 'dashboard.start', {})).toEqual({ hasRecords: false });
    const dashboard = await figures(core);
    expect(dashboard.hasRecords).toBe(false);
    expect(dashboard.currencies).toEqual([]);
    expect(dashboard.pipeline.map((stage) => [stage.name, stage.deals, stage.totals])).toEqual([
      ['Lead', 0, []],
      ['Qualified', 0, []],
      ['Proposal', 0, []],
      ['Negotiation', 0, []],
    ]);
    expect(dashboard.winRate).toMatchObject({ won: 0, lost: 0, rate: null, averageWon: [] });
    expect(dashboard.forecast.months.map((month) => month.month)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    expect(dashboard.forecast.months.every((month) => month.deals === 0 && month.weighted.length === 0)).toBe(true);
    expect(dashboard.overdueTasks).toEqual([]);
    expect(dashboard.activityWeeks.map((week) => week.total)).toEqual(Array(12).fill(0));
    expect(dashboard.newestCampaign).toBeNull();
  });

  it('counts a company alone as data, and a trashed one not', async () => {
    const { core, company } = await startAt();
    expect(await call(core, 'dashboard.start', {})).toEqual({ hasRecords: true });
    await call(core, 'companies.delete', { id: company.id, contacts: 'detach' });
    expect(await call(core, 'dashboard.start', {})).toEqual({ hasRecords: false });
  });

  it('adds up open deals per stage and per currency, leaving out closed and trashed deals', async () => {
    const { core, stage } = await startAt();
    await call(core, 'deals.create', { title: 'A', valueMinor: 100_000, currency: 'EUR', stageId: stage('Lead') });
    await call(core, 'deals.create', { title: 'B', valueMinor: 50_000, currency: 'EUR', stageId: stage('Lead') });
    await call(core, 'deals.create', { title: 'C', valueMinor: 3_000, currency: 'JPY', stageId: stage('Lead') });
    await call(core, 'deals.create', { title: 'D', valueMinor: 70_000, currency: 'USD', stageId: stage('Proposal') });
    await call(core, 'deals.create', { title: 'Won', valueMinor: 999_999, currency: 'EUR', stageId: stage('Won') });
    const trashed = await call(core, 'deals.create', {
      title: 'Trashed',
      valueMinor: 1,
      currency: 'EUR',
      stageId: stage('Lead'),
    });
    await call(core, 'deals.delete', { id: trashed.id });

    const dashboard = await figures(core);
    expect(dashboard.currencies).toEqual(['EUR', 'JPY', 'USD']);
    expect(dashboard.pipeline.map((row) => [row.name, row.deals, row.totals])).toEqual([
      [
        'Lead',
        3,
        [
          { currency: 'EUR', valueMinor: 150_000, deals: 2 },
          { currency: 'JPY', valueMinor: 3_000, deals: 1 },
        ],
      ],
      ['Qualified', 0, []],
      ['Proposal', 1, [{ currency: 'USD', valueMinor: 70_000, deals: 1 }]],
      ['Negotiation', 0, []],
    ]);
  });

  it('weights the forecast by each deal’s probability, else its stage’s default, by expected close month', async () => {
    const { core, stage } = await startAt();
    const deal = (
      title: string,
      valueMinor: number,
      stageName: string,
      expectedCloseDate: string | null,
      probability: number | null,
      currency = 'EUR',
    ) =>
      call(core, 'deals.create', {
        title,
        valueMinor,
        currency,
        stageId: stage(stageName),
        expectedCloseDate,
        probability,
      });
    await deal('Half', 100_000, 'Lead', '2026-12-31', 50);
    await deal('Lead default', 100_000, 'Lead', '2026-12-01', null); // first of 4 open stages: 20 %
    await deal('Negotiation default', 10_000, 'Negotiation', '2027-02-28', null); // fourth of 4: 80 %
    await deal('Dollars', 10_000, 'Qualified', '2027-02-01', 10, 'USD');
    await deal('Last month', 10_000, 'Proposal', '2026-11-30', 100);
    await deal('Next year', 10_000, 'Proposal', '2027-12-01', 100);
    await deal('No date', 10_000, 'Proposal', null, 100);
    await deal('Won, not forecast', 10_000, 'Won', '2026-12-15', 100);
    await deal('Zero chance', 10_000, 'Lead', '2026-12-15', 0);

    const { forecast } = await figures(core);
    expect(forecast.stageDefaults.map((row) => [row.name, row.probability])).toEqual([
      ['Lead', 20],
      ['Qualified', 40],
      ['Proposal', 60],
      ['Negotiation', 80],
    ]);
    const month = (text: string) => forecast.months.find((row) => row.month === text)!;
    expect(month('2026-12')).toEqual({
      month: '2026-12',
      deals: 3,
      weighted: [{ currency: 'EUR', valueMinor: 70_000, deals: 3 }],
    });
    expect(month('2027-01')).toEqual({ month: '2027-01', deals: 0, weighted: [] });
    expect(month('2027-02')).toEqual({
      month: '2027-02',
      deals: 2,
      weighted: [
        { currency: 'EUR', valueMinor: 8_000, deals: 1 },
        { currency: 'USD', valueMinor: 1_000, deals: 1 },
      ],
    });
    expect(forecast.overdue).toEqual({ deals: 1, weighted: [{ currency: 'EUR', valueMinor: 10_000, deals: 1 }] });
    expect(forecast.later).toEqual({ deals: 1, weighted: [{ currency: 'EUR', valueMinor: 10_000, deals: 1 }] });
    expect(forecast.undatedDeals).toBe(1);
  });

  it('takes the win rate and average deal size from deals closed in the last 12 months only', async () => {
    const { core, clock, stage } = await startAt();
    const closeOn = async (
      moment: string,
      title: string,
      stageName: 'Won' | 'Lost',
      valueMinor: number,
      currency = 'EUR',
    ) => {
      clock.set(moment);
      await call(core, 'deals.create', { title, valueMinor, currency, stageId: stage(stageName) });
    };
    await closeOn('2025-11-09T12:00:00.000Z', 'Won 13 months ago', 'Won', 1_000_000);
    await closeOn('2025-12-08T23:59:00.000Z', 'Lost the day before the 12 months', 'Lost', 5);
    await closeOn('2025-12-09T00:00:00.000Z', 'Won as the 12 months start', 'Won', 20_000);
    await closeOn('2026-06-01T12:00:00.000Z', 'Won in June', 'Won', 40_001);
    await closeOn('2026-07-01T12:00:00.000Z', 'Won in dollars', 'Won', 5_000, 'USD');
    await closeOn('2026-08-01T12:00:00.000Z', 'Lost in August', 'Lost', 9_999);
    clock.set(today);
    const open = await call(core, 'deals.create', { title: 'Still open', valueMinor: 1, stageId: stage('Lead') });
    expect(open.closedAt).toBeNull();

    const { winRate } = await figures(core);
    expect(winRate.since).toBe('2025-12-09T00:00:00.000Z');
    expect(winRate).toMatchObject({ won: 3, lost: 1, rate: 0.75 });
    expect(winRate.averageWon).toEqual([
      { currency: 'EUR', valueMinor: 30_001 }, // (20,000 + 40,001) / 2, rounded to the cent
      { currency: 'USD', valueMinor: 5_000 },
    ]);
  });

  it('counts overdue open tasks by the owner of their deal, the rest as unassigned', async () => {
    const { core, clock, stage, company } = await startAt();
    const annasDeal = await call(core, 'deals.create', {
      title: 'Anna’s',
      owner: 'Anna Ström',
      stageId: stage('Lead'),
    });
    const ownerless = await call(core, 'deals.create', { title: 'Nobody’s', stageId: stage('Lead') });
    const task = (subject: string, dueAt: string, on: { dealId: number } | { companyId: number }) =>
      call(core, 'activities.create', { kind: 'task', subject, dueAt, ...on });
    await task('Late on Anna’s deal', '2026-12-08T09:00:00.000Z', { dealId: annasDeal.id });
    await task('Also late on Anna’s deal', '2026-11-01T09:00:00.000Z', { dealId: annasDeal.id });
    await task('Late on the company', '2026-12-09T11:59:00.000Z', { companyId: company.id });
    await task('Late on an ownerless deal', '2026-12-01T09:00:00.000Z', { dealId: ownerless.id });
    await task('Due later today', '2026-12-09T12:01:00.000Z', { dealId: annasDeal.id });
    const done = await task('Late but done', '2026-12-01T09:00:00.000Z', { dealId: annasDeal.id });
    await call(core, 'activities.setDone', { id: done.id, done: true });
    const trashed = await task('Late but trashed', '2026-12-01T09:00:00.000Z', { dealId: annasDeal.id });
    await call(core, 'activities.delete', { id: trashed.id });
    clock.set(today);

    expect((await figures(core)).overdueTasks).toEqual([
      { owner: 'Anna Ström', tasks: 2 },
      { owner: null, tasks: 2 },
    ]);
    await update(core, 'deals.update', { id: ownerless.id, owner: 'ANNA Ström' });
    expect((await figures(core)).overdueTasks).toEqual([
      { owner: 'Anna Ström', tasks: 3 },
      { owner: null, tasks: 1 },
    ]);
  });

  it('counts activities in the week they happened, weeks running Monday to Sunday, this week last', async () => {
    const { core, company } = await startAt();
    const log = (occurredAt: string, kind: 'call' | 'note' | 'task' = 'call') =>
      call(core, 'activities.create', { kind, subject: occurredAt, occurredAt, companyId: company.id });
    await log('2026-12-06T23:59:59.999Z'); // Sunday: last week
    await log('2026-12-07T00:00:00.000Z'); // Monday midnight: this week
    await log('2026-12-09T11:00:00.000Z', 'note');
    await log('2026-09-21T00:00:00.000Z'); // the Monday the 12 weeks start
    await log('2026-09-20T23:59:59.999Z'); // the Sunday before: not shown

    const weeks = (await figures(core)).activityWeeks;
    expect(weeks[0]).toMatchObject({ startsOn: '2026-09-21', total: 1 });
    expect(weeks[10]).toMatchObject({
      startsOn: '2026-11-30',
      total: 1,
      byKind: { call: 1, note: 0, meeting: 0, email: 0, task: 0 },
    });
    expect(weeks[11]).toMatchObject({
      startsOn: '2026-12-07',
      total: 2,
      byKind: { call: 1, note: 1, meeting: 0, email: 0, task: 0 },
    });
    expect(weeks.reduce((sum, week) => sum + week.total, 0)).toBe(4);
  });

  it('starts weeks at local Monday midnight across a daylight-saving change (Berlin, October 2026)', async () => {
    const { core, company, dataDir } = await startAt();
    const log = (occurredAt: string) =>
      call(core, 'activities.create', { kind: 'meeting', subject: occurredAt, occurredAt, companyId: company.id });
    await log('2026-10-25T22:30:00.000Z'); // Sunday 25 Oct, 23:30 in Berlin (clocks went back that night): still the week of 19 Oct
    await log('2026-10-25T23:00:00.000Z'); // Monday 26 Oct, 00:00 in Berlin: the next week
    await log('2026-10-18T22:00:00.000Z'); // Monday 19 Oct, 00:00 in Berlin (summer time)
    await log('2026-10-18T21:59:00.000Z'); // Sunday 18 Oct, 23:59 in Berlin

    const [dashboard] = callsInZone('Europe/Berlin', join(__dirname, '../../../tests/support/dashboard-in-zone.ts'), [
      ['figuresAt', dataPaths(dataDir).database, '2026-11-04T12:00:00.000Z'],
    ]) as [Dashboard];
    const week = (startsOn: string) =>
      dashboard.activityWeeks.find((candidate) => candidate.startsOn === startsOn)?.total;
    expect(week('2026-10-12')).toBe(1);
    expect(week('2026-10-19')).toBe(2);
    expect(week('2026-10-26')).toBe(1);
    expect(dashboard.activityWeeks.at(-1)?.startsOn).toBe('2026-11-02');
  });

  it('shows the funnel of the most recently created campaign, each step counting who got at least that far', async () => {
    const { core, clock } = await startAt();
    const people = await Promise.all(
      ['Åsa', 'Bo', 'Cé', 'Dan', 'Eve', 'Fay', 'Gil'].map((name) => call(core, 'contacts.create', { name })),
    );
    const campaign = (name: string, createdAt: string) =>
      Number(
        core.db
          .prepare(
            "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES (?, 'email', 'EUR', ?, ?) RETURNING id",
          )
          .pluck()
          .get(name, createdAt, createdAt),
      );
    const older = campaign('Spring offer', '2026-03-01T09:00:00.000Z');
    const newest = campaign('Winter news 🎄', '2026-12-01T09:00:00.000Z');
    const member = (campaignId: number, contactId: number, status: string) =>
      core.db
        .prepare(
          'INSERT INTO campaign_members (campaign_id, contact_id, status, status_at, added_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(campaignId, contactId, status, today, today);
    ['planned', 'sent', 'opened', 'replied', 'converted', 'bounced', 'unsubscribed'].forEach((status, index) =>
      member(newest, people[index]!.id, status),
    );
    member(older, people[0]!.id, 'converted');
    clock.set(today);

    const funnel = (await figures(core)).newestCampaign;
    expect(funnel).toMatchObject({ id: newest, name: 'Winter news 🎄' });
    expect(funnel?.steps).toEqual([
      { step: 'members', members: 7 },
      { step: 'sent', members: 6 },
      { step: 'opened', members: 3 },
      { step: 'replied', members: 2 },
      { step: 'converted', members: 1 },
    ]);
    expect(funnel?.byStatus.find((row) => row.status === 'bounced')).toEqual({ status: 'bounced', members: 1 });
  });

  it('shows a new campaign with no members as an empty funnel', async () => {
    const { core } = await startAt();
    core.db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Empty', 'letter', 'EUR', ?, ?)",
      )
      .run(today, today);
    const funnel = (await figures(core)).newestCampaign;
    expect(funnel?.steps.map((step) => step.members)).toEqual([0, 0, 0, 0, 0]);
  });
});
