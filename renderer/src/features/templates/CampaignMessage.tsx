import type { CampaignChannel } from '../../../../shared/schemas/marketing';

/** A campaign's message: its template, a preview for any member, and its output (being built: a placeholder until then). */
export function CampaignMessage({ campaignId, channel }: { campaignId: number; channel: CampaignChannel }) {
  return <p data-campaign={campaignId}>Messages for {channel} campaigns are coming soon.</p>;
}
