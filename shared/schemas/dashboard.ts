import { z } from 'zod';
import { activityKinds } from './activity';
import { Id, IsoDate, Timestamp } from './common';
import { MemberStatus } from './marketing';

const Count = z.int().min(0);
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/);
/** "2026-12": a calendar month, as an expected close date starts. */
export const MonthText = z.string().regex(/^\d{4}-\d{2}$/);

/** An amount in one currency's minor units: sums never mix currencies. */
const Amount = z.strictObject({ currency: CurrencyCode, valueMinor: z.number().int().min(0) });
export type Amount = z.infer<typeof Amount>;

/** Open deals in one stage: how many, and their count and value per currency. */
const StageValue = z.strictObject({
  stageId: Id,
  name: z.string(),
  deals: Count,
  totals: z.array(Amount.extend({ deals: Count })).max(200),
});

/** Open deals expected to close in one month (or before this month, or later), weighted by probability, per currency. */
const ForecastBucket = z.strictObject({ deals: Count, weighted: z.array(Amount.extend({ deals: Count })).max(200) });
const ForecastMonth = ForecastBucket.extend({ month: MonthText });

/** The probability a deal without one is weighted by: its open stage's place in the pipeline. */
const StageDefault = z.strictObject({ stageId: Id, name: z.string(), probability: z.int().min(0).max(100) });

const WeekCounts = z.strictObject({
  /** The Monday the week starts on, local. */
  startsOn: IsoDate,
  total: Count,
  byKind: z.strictObject(
    Object.fromEntries(activityKinds.map((kind) => [kind, Count])) as Record<
      (typeof activityKinds)[number],
      typeof Count
    >,
  ),
});

const OwnerTasks = z.strictObject({ owner: z.string().nullable(), tasks: Count });

/** Members who got at least this far, in funnel order. */
export const funnelSteps = ['members', 'sent', 'opened', 'replied', 'converted'] as const;
export const FunnelStep = z.enum(funnelSteps);
export type FunnelStep = z.infer<typeof FunnelStep>;

const CampaignFunnel = z.strictObject({
  id: Id,
  name: z.string(),
  createdAt: Timestamp,
  steps: z.array(z.strictObject({ step: FunnelStep, members: Count })).length(funnelSteps.length),
  /** Members by their status now, every status listed. */
  byStatus: z.array(z.strictObject({ status: MemberStatus, members: Count })),
});

/** Every figure the Dashboard shows, from one request. Money is per currency; dates follow the core's clock in local days. */
export const Dashboard = z.strictObject({
  /** Any contact, company or deal (not in the trash): false shows the first-run screen. */
  hasRecords: z.boolean(),
  /** The moment the figures were taken. */
  asOf: Timestamp,
  /** Currencies the deals use, the one with most deals first: the dashboard shows one at a time. */
  currencies: z.array(CurrencyCode).max(200),
  /** Open stages in board order. */
  pipeline: z.array(StageValue).max(200),
  forecast: z.strictObject({
    /** This month and the 11 after it. */
    months: z.array(ForecastMonth).length(12),
    /** Expected to close before this month, still open. */
    overdue: ForecastBucket,
    /** Expected to close after the 12 months shown. */
    later: ForecastBucket,
    /** Open deals with no expected close date: not in the forecast. */
    undatedDeals: Count,
    stageDefaults: z.array(StageDefault).max(200),
  }),
  /** Deals closed in the last 12 months (by the day they closed). */
  winRate: z.strictObject({
    since: Timestamp,
    won: Count,
    lost: Count,
    /** won / (won + lost), 0–1; null when none closed. */
    rate: z.number().min(0).max(1).nullable(),
    /** The average value of a won deal, per currency. */
    averageWon: z.array(Amount).max(200),
  }),
  /** Open tasks past their due time, by the owner of the task's deal (null: no deal, or a deal without an owner). */
  overdueTasks: z.array(OwnerTasks).max(1000),
  /** Activities by the week they happened in: the last 12 weeks, Monday to Sunday, this week last. */
  activityWeeks: z.array(WeekCounts).length(12),
  /** The most recently created campaign's funnel; null when there is none. */
  newestCampaign: CampaignFunnel.nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardStart = z.strictObject({ hasRecords: z.boolean() });
