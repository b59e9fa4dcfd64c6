/** A campaign's sending through the user's SMTP server: progress, pause and resume (being built: a placeholder until then). */
export function CampaignSending({ campaignId }: { campaignId: number }) {
  return <p data-campaign={campaignId}>Sending through your own mail server is coming soon.</p>;
}
