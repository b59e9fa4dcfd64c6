import { campaignPhaseLabels, type Campaign } from '../../../../shared/schemas/campaign';
import type { CampaignChannel } from '../../../../shared/schemas/marketing';
import { formatMoney } from '../../lib/money';

export const channelLabels: Record<CampaignChannel, string> = {
  email: 'Email',
  phone: 'Phone',
  event: 'Event',
  letter: 'Letter',
};

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dayOf = (iso: string) => day.format(new Date(`${iso}T00:00:00`));

/** "3 Mar 2026 – 31 Mar 2026", "From 3 Mar 2026", "No dates yet". */
export function datesText({ startsOn, endsOn }: Pick<Campaign, 'startsOn' | 'endsOn'>): string {
  if (startsOn && endsOn) return `${dayOf(startsOn)} – ${dayOf(endsOn)}`;
  if (startsOn) return `From ${dayOf(startsOn)}`;
  if (endsOn) return `Until ${dayOf(endsOn)}`;
  return 'No dates yet';
}

export const phaseText = (campaign: Campaign) => campaignPhaseLabels[campaign.phase];

export const budgetText = (campaign: Pick<Campaign, 'budgetMinor' | 'currency'>) =>
  campaign.budgetMinor === null ? 'No budget' : formatMoney(campaign.budgetMinor, campaign.currency);

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** "42%", or "–" when there is nothing to divide by. */
export const rateText = (rate: number | null) => (rate === null ? '–' : percent.format(rate));
