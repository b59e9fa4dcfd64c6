import { join } from 'node:path';
import { dashboardFigures } from '../../../electron/core/dashboard/figures';
import type { Db } from '../../../electron/core/db/open';
import { call } from '../call';
import { captureSql } from '../capture-sql';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { seededRandom } from '../random';
import { timeRepeated } from '../sqlite-shell';
import { median, percentile } from '../stats';
import { timeRuns } from '../stopwatch';
import type { BenchStep } from './row';

const campaignMembers = 5_000;
const statuses = [
  'planned',
  'sent',
  'sent',
  'opened',
  'opened',
  'replied',
  'converted',
  'bounced',
  'unsubscribed',
] as const;

/** Two campaigns, the newer with members in every status: the funnel has something to count. */
function seedCampaigns(db: Db, contacts: number, seed: number): number {
  const r = seededRandom(seed + 29);
  const members = Math.min(campaignMembers, contacts);
  db.transaction(() => {
    const campaign = db.prepare<[string, string, string]>(
      "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES (?, 'email', 'EUR', ?, ?)",
    );
    campaign.run('Spring offer', '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z');
    const newest = Number(
      campaign.run('Winter news', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z').lastInsertRowid,
    );
    const member = db.prepare<[number, number, string, string, string]>(
      'INSERT INTO campaign_members (campaign_id, contact_id, status, status_at, added_at) VALUES (?, ?, ?, ?, ?)',
    );
    const memberSince = '2026-11-02T09:00:00.000Z';
    const first = r.int(1, Math.max(1, contacts - members));
    for (let offset = 0; offset < members; offset++)
      member.run(newest, first + offset, statuses[r.int(0, statuses.length - 1)]!, memberSince, memberSince);
  })();
  return members;
}

const week = 7 * 24 * 60 * 60 * 1000;
const kinds = ['note', 'call', 'meeting', 'email', 'task'] as const;

/**
 * The CRM seed's activities end at its own fixed date (early 2026); the dashboard counts the 12 weeks
 * before the real clock's now. So the 12 weeks get activities at the seed's own weekly rate.
 */
function seedRecentActivities(db: Db, contacts: number, seed: number): number {
  const r = seededRandom(seed + 30);
  const [total, first, last] = db
    .prepare<[], [number, string, string]>('SELECT count(*), min(occurred_at), max(occurred_at) FROM activities')
    .raw()
    .get()!;
  const perWeek = Math.round(total / Math.max(1, (Date.parse(last) - Date.parse(first)) / week));
  const now = Date.now();
  const insert = db.prepare<[{ kind: string; at: string; contact: number }]>(
    "INSERT INTO activities (kind, subject, occurred_at, contact_id, created_at, updated_at) VALUES (@kind, 'Recent activity', @at, @contact, @at, @at)",
  );
  const count = perWeek * 12;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(now - r.int(0, 12 * week)).toISOString();
      insert.run({ kind: kinds[r.int(0, kinds.length - 1)]!, at, contact: r.int(1, contacts) });
    }
  })();
  return count;
}

/** The Dashboard as it opens: every figure in one dashboard.get, against the shell running the same statements on the same file. */
export const dashboardLoad: BenchStep = {
  title: 'dashboard',
  async run(ctx: BenchContext) {
    const core = await ctx.core();
    const members = seedCampaigns(core.db, ctx.contacts, ctx.seed);
    const recent = seedRecentActivities(core.db, ctx.contacts, ctx.seed);
    const rolodesk = await timeRuns(100, () => call(core, 'dashboard.get', {}));
    const now = new Date();
    const line = captureSql(core.db, (db) => dashboardFigures(db).at(now)).join(' ');
    const [shell] = timeRepeated(
      ctx.rolodeskDb,
      join(ctx.scriptDir, 'dashboard.sql'),
      [{ line, guessMs: median(rolodesk) }],
      {
        setup: ctx.shellSetup,
        samples: 15,
        targetBatchMs: 40,
      },
    );
    const counts = core.db
      .prepare<[], [number, number]>('SELECT (SELECT count(*) FROM deals), (SELECT count(*) FROM activities)')
      .raw()
      .get()!;
    const note = `every figure: pipeline, forecast, win rate, overdue tasks, 12 weeks of activities (${formatCount(recent)} added at the seed's weekly rate), funnel of ${formatCount(members)} members; ${formatCount(counts[0])} deals, ${formatCount(counts[1])} activities`;
    return [
      {
        operation: 'load the dashboard, p50',
        rolodeskMs: median(rolodesk),
        referenceMs: median(shell!),
        display: { kind: 'time' },
        note: `${note}; 100 loads (Rolodesk), 15 batches (shell)`,
      },
      {
        operation: 'load the dashboard, p99',
        rolodeskMs: percentile(rolodesk, 99),
        referenceMs: percentile(shell!, 99),
        display: { kind: 'time' },
        note: 'target ≤ 100 ms at 100,000 contacts',
      },
    ];
  },
};
