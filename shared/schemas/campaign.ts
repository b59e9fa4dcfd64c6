import { z } from 'zod';
import { Id, IdList, IsoDate, PageOf, PageRequest, Timestamp, optionalText, requiredText } from './common';
import { Currency, maxValueMinor } from './deal';
import { CampaignChannel, ConsentStatus, MemberStatus } from './marketing';

export const campaignLimits = { name: 200, goal: 2000, owner: 100, search: 200, membersAtOnce: 5000 } as const;

const campaignFields = {
  name: requiredText('Name', campaignLimits.name),
  goal: optionalText('Goal', campaignLimits.goal),
  channel: CampaignChannel,
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  owner: optionalText('Owner', campaignLimits.owner),
  /** In minor units (cents); null: no budget set, so no cost per conversion. */
  budgetMinor: z
    .int({ error: 'The budget must be a whole number of minor units (cents).' })
    .min(0, { error: 'The budget cannot be negative.' })
    .max(maxValueMinor, { error: 'The budget is too large.' })
    .nullable(),
  currency: Currency,
};

const datesInOrder = (dates: { startsOn?: string | null | undefined; endsOn?: string | null | undefined }) =>
  !dates.startsOn || !dates.endsOn || dates.startsOn <= dates.endsOn;
const datesInOrderError = { error: 'The end date is before the start date.', path: ['endsOn'] };

export const CampaignDraft = z
  .strictObject({
    name: campaignFields.name,
    goal: campaignFields.goal.default(''),
    channel: campaignFields.channel.default('email'),
    startsOn: campaignFields.startsOn.default(null),
    endsOn: campaignFields.endsOn.default(null),
    owner: campaignFields.owner.default(''),
    budgetMinor: campaignFields.budgetMinor.default(null),
    currency: campaignFields.currency.default('EUR'),
  })
  .refine(datesInOrder, datesInOrderError);
export type CampaignDraft = z.input<typeof CampaignDraft>;

/** Fields left out keep their value. */
export const CampaignUpdate = z
  .strictObject({
    id: Id,
    /** When the form was filled: a campaign saved elsewhere since is not overwritten (CONFLICT). */
    updatedAt: Timestamp.optional(),
    name: campaignFields.name.optional(),
    goal: campaignFields.goal.optional(),
    channel: campaignFields.channel.optional(),
    startsOn: campaignFields.startsOn.optional(),
    endsOn: campaignFields.endsOn.optional(),
    owner: campaignFields.owner.optional(),
    budgetMinor: campaignFields.budgetMinor.optional(),
    currency: campaignFields.currency.optional(),
  })
  .refine(datesInOrder, datesInOrderError);
export type CampaignUpdate = z.input<typeof CampaignUpdate>;

export const CampaignRef = z.strictObject({ id: Id });

/** Where a campaign stands by its dates: no start date yet or starting later, between its dates, or past its end. */
export const campaignPhases = ['planned', 'running', 'ended'] as const;
export const campaignPhaseLabels: Record<(typeof campaignPhases)[number], string> = {
  planned: 'Planned',
  running: 'Running',
  ended: 'Ended',
};

export const Campaign = z.strictObject({
  id: Id,
  name: z.string(),
  goal: z.string(),
  channel: CampaignChannel,
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  owner: z.string(),
  budgetMinor: z.int().min(0).nullable(),
  currency: z.string(),
  phase: z.enum(campaignPhases),
  /** Members whose contact is not in the trash. */
  members: z.int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z.strictObject({ campaigns: z.array(Campaign) });

export const CampaignDeleted = z.strictObject({ id: Id, membersRemoved: z.int().min(0) });

export const MemberListRequest = z.strictObject({
  campaignId: Id,
  ...PageRequest,
  status: MemberStatus.optional(),
  /** Part of a name or email address. */
  search: optionalText('Search', campaignLimits.search).default(''),
});
export type MemberListRequest = z.input<typeof MemberListRequest>;

export const Member = z.strictObject({
  contactId: Id,
  name: z.string(),
  email: z.string().nullable(),
  companyName: z.string(),
  status: MemberStatus,
  statusAt: Timestamp,
  addedAt: Timestamp,
  consent: ConsentStatus,
});
export type Member = z.infer<typeof Member>;

export const MemberPage = PageOf(Member);
export type MemberPage = z.infer<typeof MemberPage>;

export const MemberIds = IdList(campaignLimits.membersAtOnce, 'contact');

export const AddMembers = z.strictObject({ campaignId: Id, contactIds: MemberIds });

export const MembersAdded = z.strictObject({
  added: z.int().min(0),
  alreadyMembers: z.int().min(0),
  /** Unsubscribed or marked do-not-contact: never added to a campaign. */
  leftOutForConsent: z.int().min(0),
  /** Asked for but gone (deleted, or in the trash). */
  notFound: z.int().min(0),
});
export type MembersAdded = z.infer<typeof MembersAdded>;

export const AddFromSegment = z.strictObject({ campaignId: Id, segmentId: Id });

/** Who matched the segment when it was added (a snapshot: later changes to the segment do not change the members). */
export const SegmentMembersAdded = MembersAdded.omit({ notFound: true }).extend({ matched: z.int().min(0) });
export type SegmentMembersAdded = z.infer<typeof SegmentMembersAdded>;

export const RemoveMembers = z.strictObject({ campaignId: Id, contactIds: MemberIds });

/** A status for the members named (one: 'by_hand', more: 'bulk'), or for every member that now has `withStatus`. */
export const SetMemberStatus = z
  .strictObject({
    campaignId: Id,
    status: MemberStatus,
    contactIds: MemberIds.optional(),
    withStatus: MemberStatus.optional(),
  })
  .refine((request) => (request.contactIds === undefined) !== (request.withStatus === undefined), {
    error: 'Name the members, or the status whose members change, but not both.',
  });

export const MemberStatusSet = z.strictObject({ changed: z.int().min(0), unchanged: z.int().min(0) });

export const RecordUnsubscribe = z.strictObject({ campaignId: Id, contactId: Id });

export const UnsubscribeRecorded = z.strictObject({ statusChanged: z.boolean(), consentChanged: z.boolean() });

export const ReportImportRequest = z.strictObject({ campaignId: Id });

/** What a campaign report import did; `chosen` false when the file dialog was cancelled (nothing read). */
export const ReportImportSummary = z.union([
  z.strictObject({ chosen: z.literal(false) }),
  z.strictObject({
    chosen: z.literal(true),
    fileName: z.string(),
    rows: z.int().min(0),
    /** Members whose status moved forward. */
    updated: z.int().min(0),
    /** Members the report named with the status they already had. */
    alreadySo: z.int().min(0),
    /** Members further along than the report says (a report never moves a status back: sent never overwrites replied). */
    keptFurtherAlong: z.int().min(0),
    /** Rows whose email is not a member of this campaign; the first 20 addresses. */
    notInCampaign: z.strictObject({ count: z.int().min(0), first: z.array(z.string()).max(20) }),
    /** Rows whose status the import did not know; the distinct values (at most 20). */
    unknownStatuses: z.strictObject({ count: z.int().min(0), values: z.array(z.string()).max(20) }),
    rowsWithoutEmail: z.int().min(0),
    /** People the report says unsubscribed whose consent is now Unsubscribed (by email). */
    consentUnsubscribed: z.int().min(0),
  }),
]);
export type ReportImportSummary = z.infer<typeof ReportImportSummary>;

export const ResultsRequest = z.strictObject({ campaignId: Id });

/** The funnel's steps, in order: each counts members who got at least that far. */
export const funnelSteps = ['members', 'sent', 'opened', 'replied', 'converted'] as const;
export const funnelStepLabels: Record<(typeof funnelSteps)[number], string> = {
  members: 'Members',
  sent: 'Sent',
  opened: 'Opened',
  replied: 'Replied',
  converted: 'Converted',
};

/** A share between 0 and 1; null when there is nothing to divide by. */
const Rate = z.number().min(0).max(1).nullable();

export const CampaignResults = z.strictObject({
  campaignId: Id,
  members: z.int().min(0),
  funnel: z.array(
    z.strictObject({ step: z.enum(funnelSteps), count: z.int().min(0), ofMembers: Rate, ofPrevious: Rate }),
  ),
  /** How many members have each status now. */
  byStatus: z.array(z.strictObject({ status: MemberStatus, count: z.int().min(0), ofMembers: Rate })),
  /** Deals in a won stage, linked to a member or a member's company, closed on or after the member was added: per currency. */
  dealsWon: z.array(z.strictObject({ currency: z.string(), deals: z.int().min(1), valueMinor: z.int().min(0) })),
  budgetMinor: z.int().min(0).nullable(),
  currency: z.string(),
  /** Budget ÷ converted members, in minor units of the campaign's currency; null without a budget or a conversion. */
  costPerConversionMinor: z.int().min(0).nullable(),
});
export type CampaignResults = z.infer<typeof CampaignResults>;
