import type { Db } from '../db/open';
import type { DashboardPeriods } from './periods';

/**
 * The dashboard's figures, each one aggregate query: nothing here reads deals
 * or activities row by row into JavaScript. Trashed records never count.
 */

/** Open stages in board order, each with its default probability: the k-th of n open stages is k / (n + 1). */
const openStages = `open_stages AS (
  SELECT id, name, position, CAST(round(100.0 * row_number() OVER (ORDER BY position) / (count(*) OVER () + 1)) AS INTEGER) AS default_probability
  FROM pipeline_stages WHERE kind = 'open')`;

export interface StageTotalRow {
  stage_id: number;
  name: string;
  default_probability: number;
  currency: string | null;
  deals: number | null;
  value_minor: number | null;
}

export interface ForecastRow {
  /** "2026-12", or 'overdue' / 'later' / 'undated'. */
  bucket: string;
  currency: string;
  deals: number;
  weighted_minor: number;
}

export interface ClosedRow {
  kind: 'won' | 'lost';
  currency: string;
  deals: number;
  value_minor: number;
}

export interface WeekKindRow {
  week: number;
  kind: string;
  activities: number;
}

export interface CampaignRow {
  id: number;
  name: string;
  created_at: string;
}

export function dashboardRepo(db: Db) {
  const hasRecords = db
    .prepare<[], number>(
      `SELECT EXISTS (SELECT 1 FROM contacts WHERE deleted_at IS NULL) OR EXISTS (SELECT 1 FROM companies WHERE deleted_at IS NULL)
              OR EXISTS (SELECT 1 FROM deals WHERE deleted_at IS NULL)`,
    )
    .pluck();
  // The board's totals, kept by triggers (migration 20): no deal is read.
  const currencies = db
    .prepare<[], string>('SELECT currency FROM deal_stage_totals GROUP BY currency ORDER BY sum(deals) DESC, currency')
    .pluck();
  const pipeline = db.prepare<[], StageTotalRow>(
    `WITH ${openStages}
     SELECT s.id AS stage_id, s.name, s.default_probability, t.currency, t.deals, t.value_minor
     FROM open_stages s LEFT JOIN deal_stage_totals t ON t.stage_id = s.id
     ORDER BY s.position, t.currency`,
  );
  const forecast = db.prepare<[{ firstMonth: string; endOfMonths: string }], ForecastRow>(
    `WITH ${openStages}
     SELECT CASE WHEN d.expected_close IS NULL THEN 'undated' WHEN d.expected_close < @firstMonth THEN 'overdue'
                 WHEN d.expected_close >= @endOfMonths THEN 'later' ELSE substr(d.expected_close, 1, 7) END AS bucket,
            d.currency, count(*) AS deals,
            CAST(round(total(d.value_minor * coalesce(d.probability, s.default_probability)) / 100.0) AS INTEGER) AS weighted_minor
     FROM open_stages s JOIN deals AS d INDEXED BY deals_forecast ON d.stage_id = s.id AND d.deleted_at IS NULL
     GROUP BY bucket, d.currency`,
  );
  const closed = db.prepare<[{ since: string; now: string }], ClosedRow>(
    `SELECT s.kind, d.currency, count(*) AS deals, sum(d.value_minor) AS value_minor
     FROM pipeline_stages s JOIN deals AS d INDEXED BY deals_closed ON d.stage_id = s.id AND d.deleted_at IS NULL AND d.closed_at >= @since AND d.closed_at <= @now
     WHERE s.kind IN ('won', 'lost')
     GROUP BY s.kind, d.currency`,
  );
  // Activities have no owner: a task belongs to its deal's owner, else to no one. Owners match as the board's owner filter does (NOCASE).
  const overdueTasks = db.prepare<[{ now: string }], { owner: string | null; tasks: number }>(
    `SELECT nullif(d.owner, '') AS owner, count(*) AS tasks
     FROM activities AS a INDEXED BY activities_overdue_tasks LEFT JOIN deals d ON d.id = a.deal_id
     WHERE a.kind = 'task' AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_at < @now
     GROUP BY nullif(d.owner, '') COLLATE NOCASE ORDER BY tasks DESC, owner IS NULL, owner COLLATE NOCASE LIMIT 1000`,
  );
  // One index range per kind and week (activities_by_kind): counted from the index alone.
  const activityWeeks = db.prepare<[{ weeks: string }], WeekKindRow>(
    `WITH weeks AS (SELECT CAST(key AS INTEGER) AS week, value ->> 0 AS starts, value ->> 1 AS ends FROM json_each(@weeks)),
          kinds (kind) AS (VALUES ('note'), ('call'), ('meeting'), ('email'), ('task'))
     SELECT w.week, k.kind,
            (SELECT count(*) FROM activities a WHERE a.kind = k.kind AND a.occurred_at >= w.starts AND a.occurred_at < w.ends AND a.deleted_at IS NULL) AS activities
     FROM weeks w, kinds k`,
  );
  const newestCampaign = db.prepare<[], CampaignRow>(
    'SELECT id, name, created_at FROM campaigns ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  const membersByStatus = db.prepare<[number], { status: string; members: number }>(
    'SELECT status, count(*) AS members FROM campaign_members WHERE campaign_id = ? GROUP BY status',
  );

  return {
    hasRecords: (): boolean => hasRecords.get() === 1,
    currencies: (): string[] => currencies.all(),
    pipeline: (): StageTotalRow[] => pipeline.all(),
    forecast: (periods: DashboardPeriods): ForecastRow[] =>
      forecast.all({ firstMonth: `${periods.months[0]}-01`, endOfMonths: periods.endOfMonths }),
    closed: (periods: DashboardPeriods): ClosedRow[] => closed.all({ since: periods.winRateSince, now: periods.now }),
    overdueTasks: (periods: DashboardPeriods) => overdueTasks.all({ now: periods.now }),
    activityWeeks: (periods: DashboardPeriods): WeekKindRow[] =>
      activityWeeks.all({ weeks: JSON.stringify(periods.weeks.map((week) => [week.starts, week.ends])) }),
    newestCampaign: (): CampaignRow | undefined => newestCampaign.get(),
    membersByStatus: (campaignId: number) => membersByStatus.all(campaignId),
  };
}
