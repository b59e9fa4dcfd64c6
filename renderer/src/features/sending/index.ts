// What other features may use of sending; they import it from here, never from its files.
export { CampaignSending } from './CampaignSending';
