import { z } from 'zod';
import { ActivitySummary } from './activity';
import { Attachment } from './attachment';
import { Id, Timestamp } from './common';
import { MemberStatus, MemberStatusSource } from './marketing';
import { FieldedRef } from './record';

/** Where a page of a timeline ended: pass it back as `before` for the next (older) page. */
export const TimelineCursor = z.strictObject({ at: Timestamp, source: z.int().min(0).max(4), id: Id });
export type TimelineCursor = z.infer<typeof TimelineCursor>;

export const TimelineRequest = z.strictObject({
  record: FieldedRef,
  before: TimelineCursor.optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type TimelineRequest = z.input<typeof TimelineRequest>;

export const historyActions = ['changed', 'trashed', 'restored', 'merged', 'tagged', 'untagged'] as const;
export const HistoryValue = z.union([z.string(), z.number()]).nullable();

export const FieldChange = z.strictObject({
  action: z.enum(historyActions),
  /** The field's key ("email", "stage", "custom.4"); '' for whole-record events. */
  field: z.string(),
  /** The field's name in words ("Email", "Stage", the custom field's label). */
  label: z.string(),
  oldValue: HistoryValue,
  newValue: HistoryValue,
});
export type FieldChange = z.infer<typeof FieldChange>;

/** A campaign member's status changed ("Spring offer: Sent → Replied (report)"); old is null when they were added. */
export const MemberEvent = z.strictObject({
  campaignId: Id,
  campaignName: z.string(),
  oldStatus: MemberStatus.nullable(),
  newStatus: MemberStatus,
  how: MemberStatusSource,
});
export type MemberEvent = z.infer<typeof MemberEvent>;

export const TimelineEntry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('activity'), at: Timestamp, cursor: TimelineCursor, activity: ActivitySummary }),
  z.strictObject({ type: z.literal('change'), at: Timestamp, cursor: TimelineCursor, change: FieldChange }),
  z.strictObject({ type: z.literal('attachment'), at: Timestamp, cursor: TimelineCursor, attachment: Attachment }),
  z.strictObject({ type: z.literal('campaign'), at: Timestamp, cursor: TimelineCursor, memberEvent: MemberEvent }),
  /** The record was created (at its creation time, so usually the oldest entry). */
  z.strictObject({ type: z.literal('created'), at: Timestamp, cursor: TimelineCursor }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Newest first. `next` is null on the last page. */
export const TimelinePage = z.strictObject({
  entries: z.array(TimelineEntry).max(200),
  next: TimelineCursor.nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
