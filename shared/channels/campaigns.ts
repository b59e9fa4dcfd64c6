import { z } from 'zod';
import {
  AddFromSegment,
  AddMembers,
  Campaign,
  CampaignDeleted,
  CampaignDraft,
  CampaignList,
  CampaignRef,
  CampaignResults,
  CampaignUpdate,
  MemberListRequest,
  MemberPage,
  SegmentMembersAdded,
  MembersAdded,
  MemberStatusSet,
  RecordUnsubscribe,
  RemoveMembers,
  ReportImportRequest,
  ReportImportSummary,
  ResultsRequest,
  SetMemberStatus,
  UnsubscribeRecorded,
} from '../schemas/campaign';
import type { ChannelTable } from './table';

/** Campaigns, their members and results. */
export const campaignChannels = {
  'campaigns.list': { input: z.strictObject({}), output: CampaignList },
  'campaigns.get': { input: CampaignRef, output: Campaign },
  'campaigns.create': { input: CampaignDraft, output: Campaign },
  'campaigns.update': { input: CampaignUpdate, output: Campaign },
  /** Removes the campaign with its members and their status history (no trash): the window asks first. */
  'campaigns.delete': { input: CampaignRef, output: CampaignDeleted },
  'campaigns.members': { input: MemberListRequest, output: MemberPage },
  /** Adds people as 'planned'; those unsubscribed or do-not-contact are left out and counted. */
  'campaigns.addMembers': { input: AddMembers, output: MembersAdded },
  /** Everyone the segment matches now, less those who must not be contacted (counted), added as 'planned'; the campaign remembers the segment. */
  'campaigns.addFromSegment': { input: AddFromSegment, output: SegmentMembersAdded },
  'campaigns.removeMembers': { input: RemoveMembers, output: z.strictObject({ removed: z.int().min(0) }) },
  /** One member ('by_hand') or many ('bulk'); each change shows in the contact's timeline. */
  'campaigns.setStatus': { input: SetMemberStatus, output: MemberStatusSet },
  /** The person replied to unsubscribe: consent Unsubscribed (by email) and member status Unsubscribed. */
  'campaigns.recordUnsubscribe': { input: RecordUnsubscribe, output: UnsubscribeRecorded },
  /** Open dialog → an email tool's CSV report, matched by email, applied all or nothing. */
  'campaigns.importReport': { input: ReportImportRequest, output: ReportImportSummary },
  'campaigns.results': { input: ResultsRequest, output: CampaignResults },
  /** Save dialog → the results as CSV. */
  'campaigns.exportResults': { input: ResultsRequest, output: z.strictObject({ saved: z.boolean() }) },
} as const satisfies ChannelTable;
