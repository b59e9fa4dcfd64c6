// What other features may use of templates; they import it from here, never from its files.
export { CampaignMessage } from './CampaignMessage';
