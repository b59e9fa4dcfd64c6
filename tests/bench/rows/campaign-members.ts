import { join } from 'node:path';
import { addMembersMatching } from '../../../electron/core/campaigns/add-members';
import type { BenchContext } from '../context';
import { formatCount, formatMs } from '../format';
import { runTimedScript, shellQuery } from '../sqlite-shell';
import { timeOnce } from '../stopwatch';
import type { BenchStep } from './row';

const at = '2026-03-01T10:00:00.000Z';
const newCampaign = `INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Bench', 'email', 'EUR', '${at}', '${at}') RETURNING id`;

/** Both sides must hold the same members, or the times compare different work. */
async function expectMembers(ctx: BenchContext, expected: number): Promise<void> {
  // The bench's own campaign is the newest on each side (the dashboard row seeded others).
  const benchMembers = 'SELECT count(*) AS n FROM campaign_members WHERE campaign_id = (SELECT max(id) FROM campaigns)';
  const rolodesk = ((await ctx.core()).db.prepare(benchMembers).get() as { n: number }).n;
  const shell = Number(shellQuery(ctx.shellDb, `${benchMembers};`)[0]?.[0]);
  if (rolodesk !== expected || shell !== expected)
    throw new Error(`expected ${expected} members on both sides, Rolodesk has ${rolodesk}, the shell ${shell}`);
}

export const campaignMembers: BenchStep = {
  title: 'add every contact to a campaign (a segment of everyone)',
  async run(ctx) {
    const db = (await ctx.core()).db;
    const campaignId = (db.prepare(newCampaign).get() as { id: number }).id;
    let added = 0;
    const rolodeskTotal = await timeOnce(() => {
      added = addMembersMatching(db, { campaignId, where: '1', params: [], at }).added;
    });

    // The reference: the members alone, one INSERT…SELECT, no consent rule, no events, no counts.
    shellQuery(ctx.shellDb, `${newCampaign.replace(' RETURNING id', '')};`);
    const line = `BEGIN; INSERT INTO campaign_members (campaign_id, contact_id, status, status_at, added_at) SELECT (SELECT max(id) FROM campaigns), id, 'planned', '${at}', '${at}' FROM contacts WHERE deleted_at IS NULL; COMMIT;`;
    const [shellTotal = 0] = runTimedScript(ctx.shellDb, join(ctx.scriptDir, 'campaign-members.sql'), ctx.shellSetup, [
      { line },
    ]);
    await expectMembers(ctx, added);
    return [
      {
        operation: `add ${formatCount(added)} contacts to a campaign, one transaction`,
        rolodeskMs: rolodeskTotal,
        referenceMs: shellTotal,
        display: { kind: 'time' },
        note: `addMembersMatching (consent rule, counts, an 'added' event each) vs one bare INSERT…SELECT of the members; ${formatMs(rolodeskTotal)} vs ${formatMs(shellTotal)}`,
      },
    ];
  },
};
