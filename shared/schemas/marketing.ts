import { z } from 'zod';

/** Whether a person may receive marketing: only "subscribed" and "not asked" may be sent to or exported for a campaign. */
export const consentStatuses = ['subscribed', 'not_asked', 'unsubscribed', 'do_not_contact'] as const;
export const ConsentStatus = z.enum(consentStatuses);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/** The statuses that must never be contacted for a campaign, and that an import or bulk edit never overwrites unasked. */
export const doNotContactStatuses = ['unsubscribed', 'do_not_contact'] as const satisfies readonly ConsentStatus[];

export const consentLabels: Record<ConsentStatus, string> = {
  subscribed: 'Subscribed',
  not_asked: 'Not asked',
  unsubscribed: 'Unsubscribed',
  do_not_contact: 'Do not contact',
};

/** How a consent status was learnt. */
export const consentSources = ['form', 'email', 'phone', 'import', 'by_hand'] as const;
export const ConsentSource = z.enum(consentSources);
export type ConsentSource = z.infer<typeof ConsentSource>;

/** Completes "changed …": "by a form", "by email". */
export const consentSourceLabels: Record<ConsentSource, string> = {
  form: 'by a form',
  email: 'by email',
  phone: 'by phone',
  import: 'by an import',
  by_hand: 'by hand',
};

export const campaignChannels = ['email', 'phone', 'event', 'letter'] as const;
export const CampaignChannel = z.enum(campaignChannels);
export type CampaignChannel = z.infer<typeof CampaignChannel>;

/** A campaign member's progress, in funnel order (bounced and unsubscribed are ends of their own). */
export const memberStatuses = ['planned', 'sent', 'opened', 'replied', 'converted', 'bounced', 'unsubscribed'] as const;
export const MemberStatus = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const memberStatusLabels: Record<MemberStatus, string> = {
  planned: 'Planned',
  sent: 'Sent',
  opened: 'Opened',
  replied: 'Replied',
  converted: 'Converted',
  bounced: 'Bounced',
  unsubscribed: 'Unsubscribed',
};

/** How a member's status changed: shown in the contact's timeline. */
export const memberStatusSources = ['added', 'by_hand', 'bulk', 'report', 'sending'] as const;
export const MemberStatusSource = z.enum(memberStatusSources);
export type MemberStatusSource = z.infer<typeof MemberStatusSource>;
