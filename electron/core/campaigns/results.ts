import { z } from 'zod';
import { funnelSteps, type CampaignResults } from '../../../shared/schemas/campaign';
import { memberStatuses } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { campaignGone } from './repo';

/** The statuses that mean a member got at least as far as each funnel step. Bounced and unsubscribed people were sent to. */
const reached: Record<(typeof funnelSteps)[number], string> = {
  members: `1`,
  sent: `m.status IN ('sent', 'bounced', 'opened', 'replied', 'converted', 'unsubscribed')`,
  opened: `m.status IN ('opened', 'replied', 'converted')`,
  replied: `m.status IN ('replied', 'converted')`,
  converted: `m.status = 'converted'`,
};

const Counts = z.record(z.string(), z.int().min(0));
const DealsWon = z.array(z.strictObject({ currency: z.string(), deals: z.int().min(1), valueMinor: z.int().min(0) }));
const CampaignMoney = z.strictObject({ budget_minor: z.int().min(0).nullable(), currency: z.string() });

const share = (count: number, of: number): number | null => (of === 0 ? null : count / of);

/**
 * A campaign's results, counted by SQL: the funnel (members who got at
 * least that far), how many have each status now, the deals won from
 * members, and what each conversion cost when a budget is set.
 */
export function campaignResults(db: Db) {
  const money = db.prepare<[number], unknown>('SELECT budget_minor, currency FROM campaigns WHERE id = ?');
  const counts = db.prepare<[number], unknown>(`
    SELECT ${funnelSteps.map((step) => `coalesce(sum(${reached[step]}), 0) AS ${step}`).join(', ')},
           ${memberStatuses.map((status) => `coalesce(sum(m.status = '${status}'), 0) AS "status.${status}"`).join(', ')}
    FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
    WHERE m.campaign_id = ? AND c.deleted_at IS NULL`);
  // A won deal counts once, however many members it is linked to: through its contact, or its company's people.
  const dealsWon = db.prepare<[{ campaignId: number }], unknown>(`
    SELECT d.currency, count(*) AS deals, sum(d.value_minor) AS valueMinor
    FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id AND s.kind = 'won'
    WHERE d.deleted_at IS NULL AND d.closed_at IS NOT NULL AND (
      EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = @campaignId AND m.contact_id = d.contact_id AND m.added_at <= d.closed_at)
      OR EXISTS (SELECT 1 FROM contacts c JOIN campaign_members m ON m.campaign_id = @campaignId AND m.contact_id = c.id
                 WHERE c.company_id = d.company_id AND c.deleted_at IS NULL AND m.added_at <= d.closed_at))
    GROUP BY d.currency ORDER BY d.currency`);

  return function resultsOf(campaignId: number): CampaignResults {
    const found = money.get(campaignId);
    if (found === undefined) throw campaignGone();
    const campaign = CampaignMoney.parse(found);
    const count = Counts.parse(counts.get(campaignId));
    const members = count.members!;
    const converted = count.converted!;
    return {
      campaignId,
      members,
      funnel: funnelSteps.map((step, index) => ({
        step,
        count: count[step]!,
        ofMembers: share(count[step]!, members),
        ofPrevious: index === 0 ? share(count[step]!, members) : share(count[step]!, count[funnelSteps[index - 1]!]!),
      })),
      byStatus: memberStatuses.map((status) => ({
        status,
        count: count[`status.${status}`]!,
        ofMembers: share(count[`status.${status}`]!, members),
      })),
      dealsWon: DealsWon.parse(dealsWon.all({ campaignId })),
      budgetMinor: campaign.budget_minor,
      currency: campaign.currency,
      costPerConversionMinor:
        campaign.budget_minor === null || converted === 0 ? null : Math.round(campaign.budget_minor / converted),
    };
  };
}
