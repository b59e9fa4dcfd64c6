import { z } from 'zod';
import { activityKinds } from '../../../shared/schemas/activity';
import type { Amount, Dashboard } from '../../../shared/schemas/dashboard';
import { MemberStatus, memberStatuses } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { funnelOf } from './funnel';
import { dashboardPeriods, type DashboardPeriods } from './periods';
import { dashboardRepo, type StageTotalRow } from './repo';

type Bucket = { deals: number; weighted: Array<Amount & { deals: number }> };
const emptyBucket = (): Bucket => ({ deals: 0, weighted: [] });

const StatusCount = z.object({ status: MemberStatus, members: z.int().min(0) });

/** The Dashboard's figures at `now` (the core's clock), shaped from the repository's aggregates. */
export function dashboardFigures(db: Db) {
  const repo = dashboardRepo(db);

  function pipeline(rows: readonly StageTotalRow[]): Dashboard['pipeline'] {
    const stages = new Map<number, Dashboard['pipeline'][number]>();
    for (const row of rows) {
      const stage = stages.get(row.stage_id) ?? { stageId: row.stage_id, name: row.name, deals: 0, totals: [] };
      stages.set(row.stage_id, stage);
      if (row.currency !== null) {
        stage.deals += row.deals ?? 0;
        stage.totals.push({ currency: row.currency, valueMinor: row.value_minor ?? 0, deals: row.deals ?? 0 });
      }
    }
    return [...stages.values()];
  }

  function forecast(periods: DashboardPeriods, stageRows: readonly StageTotalRow[]): Dashboard['forecast'] {
    const buckets = new Map<string, Bucket>();
    for (const row of repo.forecast(periods)) {
      const bucket = buckets.get(row.bucket) ?? emptyBucket();
      buckets.set(row.bucket, bucket);
      bucket.deals += row.deals;
      bucket.weighted.push({ currency: row.currency, valueMinor: row.weighted_minor, deals: row.deals });
    }
    return {
      months: periods.months.map((month) => ({ month, ...(buckets.get(month) ?? emptyBucket()) })),
      overdue: buckets.get('overdue') ?? emptyBucket(),
      later: buckets.get('later') ?? emptyBucket(),
      undatedDeals: buckets.get('undated')?.deals ?? 0,
      stageDefaults: [
        ...new Map(
          stageRows.map((row) => [
            row.stage_id,
            { stageId: row.stage_id, name: row.name, probability: row.default_probability },
          ]),
        ).values(),
      ],
    };
  }

  function winRate(periods: DashboardPeriods): Dashboard['winRate'] {
    const rows = repo.closed(periods);
    const won = rows.filter((row) => row.kind === 'won');
    const wonCount = won.reduce((sum, row) => sum + row.deals, 0);
    const lostCount = rows.filter((row) => row.kind === 'lost').reduce((sum, row) => sum + row.deals, 0);
    return {
      since: periods.winRateSince,
      won: wonCount,
      lost: lostCount,
      rate: wonCount + lostCount === 0 ? null : wonCount / (wonCount + lostCount),
      averageWon: won.map((row) => ({ currency: row.currency, valueMinor: Math.round(row.value_minor / row.deals) })),
    };
  }

  function activityWeeks(periods: DashboardPeriods): Dashboard['activityWeeks'] {
    const weeks = periods.weeks.map((week) => ({
      startsOn: week.startsOn,
      total: 0,
      byKind: Object.fromEntries(activityKinds.map((kind) => [kind, 0])) as Record<
        (typeof activityKinds)[number],
        number
      >,
    }));
    for (const row of repo.activityWeeks(periods)) {
      const week = weeks[row.week];
      const kind = activityKinds.find((known) => known === row.kind);
      if (!week || !kind) continue;
      week.byKind[kind] += row.activities;
      week.total += row.activities;
    }
    return weeks;
  }

  function newestCampaign(): Dashboard['newestCampaign'] {
    const campaign = repo.newestCampaign();
    if (!campaign) return null;
    const counts = new Map(
      repo.membersByStatus(campaign.id).map((row) => {
        const parsed = StatusCount.parse(row);
        return [parsed.status, parsed.members] as const;
      }),
    );
    return {
      id: campaign.id,
      name: campaign.name,
      createdAt: campaign.created_at,
      steps: funnelOf(counts),
      byStatus: memberStatuses.map((status) => ({ status, members: counts.get(status) ?? 0 })),
    };
  }

  return {
    hasRecords: repo.hasRecords,
    at(now: Date): Dashboard {
      const periods = dashboardPeriods(now);
      const stageRows = repo.pipeline();
      return {
        hasRecords: repo.hasRecords(),
        asOf: periods.now,
        currencies: repo.currencies(),
        pipeline: pipeline(stageRows),
        forecast: forecast(periods, stageRows),
        winRate: winRate(periods),
        overdueTasks: repo.overdueTasks(periods),
        activityWeeks: activityWeeks(periods),
        newestCampaign: newestCampaign(),
      };
    },
  };
}
