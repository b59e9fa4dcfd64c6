import { useState } from 'react';
import { CampaignList } from './CampaignList';
import { CampaignPage } from './CampaignPage';
import './Campaigns.css';

/** Campaigns: the list, or one campaign's page with its members, message and results. */
export function CampaignsScreen() {
  const [openId, setOpenId] = useState<number | null>(null);
  return openId === null ? (
    <CampaignList onOpen={setOpenId} />
  ) : (
    <CampaignPage campaignId={openId} onBack={() => setOpenId(null)} />
  );
}
