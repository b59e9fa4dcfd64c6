import { z } from 'zod';
import { Id, PageOf, PageRequest, SortDirection, Timestamp, Version, optionalText } from './common';
import { FieldedRef, LinkedRecord } from './record';

export const activityKinds = ['note', 'call', 'meeting', 'email', 'task'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityLimits = { subject: 200, body: 10_000 } as const;

export const activityFieldSchemas = {
  kind: z.enum(activityKinds, { error: 'Must be note, call, meeting, email or task.' }),
  subject: optionalText('Subject', activityLimits.subject),
  body: optionalText('Text', activityLimits.body),
  /** When it happened (a call, a meeting) or was written. */
  occurredAt: Timestamp,
  /** Tasks only: when it is due. */
  dueAt: Timestamp.nullable(),
  /** Tasks only. */
  done: z.boolean(),
  contactId: Id.nullable(),
  companyId: Id.nullable(),
  dealId: Id.nullable(),
};

type Shape = {
  kind?: string;
  subject?: string;
  body?: string;
  dueAt?: string | null;
  done?: boolean;
  contactId?: number | null;
  companyId?: number | null;
  dealId?: number | null;
};

const ownerMessage = 'An activity belongs to a contact, a company or a deal: choose at least one.';
const hasOwner = (value: Shape) =>
  [value.contactId, value.companyId, value.dealId].some((id) => typeof id === 'number');
const taskOnly = (value: Shape) =>
  value.kind === undefined || value.kind === 'task' || ((value.dueAt ?? null) === null && value.done === undefined);

/**
 * Logs a note, call, meeting or email, or adds a task. At least one of
 * contactId, companyId, dealId. When a contact or deal has a company and no
 * companyId is given, the activity is filed under that company too.
 */
export const ActivityDraft = z
  .strictObject({
    kind: activityFieldSchemas.kind,
    subject: activityFieldSchemas.subject.default(''),
    body: activityFieldSchemas.body.default(''),
    /** Left out: now. */
    occurredAt: activityFieldSchemas.occurredAt.optional(),
    dueAt: activityFieldSchemas.dueAt.default(null),
    done: activityFieldSchemas.done.optional(),
    contactId: activityFieldSchemas.contactId.default(null),
    companyId: activityFieldSchemas.companyId.default(null),
    dealId: activityFieldSchemas.dealId.default(null),
  })
  .refine((value) => value.subject !== '' || value.body !== '', {
    error: 'Please enter a subject or some text.',
    path: ['subject'],
  })
  .refine(hasOwner, { error: ownerMessage, path: ['contactId'] })
  .refine(taskOnly, { error: 'Only a task has a due time or can be done.', path: ['dueAt'] });
export type ActivityDraft = z.input<typeof ActivityDraft>;

/** Changes to an activity: fields left out keep their value. */
export const ActivityUpdate = z.strictObject({
  id: Id,
  /** The version the form was filled from: an activity changed since is not overwritten (CONFLICT). */
  version: Version,
  kind: activityFieldSchemas.kind.optional(),
  subject: activityFieldSchemas.subject.optional(),
  body: activityFieldSchemas.body.optional(),
  occurredAt: activityFieldSchemas.occurredAt.optional(),
  dueAt: activityFieldSchemas.dueAt.optional(),
  done: activityFieldSchemas.done.optional(),
  contactId: activityFieldSchemas.contactId.optional(),
  companyId: activityFieldSchemas.companyId.optional(),
  dealId: activityFieldSchemas.dealId.optional(),
});
export type ActivityUpdate = z.input<typeof ActivityUpdate>;

const activityCommon = {
  id: Id,
  kind: z.enum(activityKinds),
  subject: z.string(),
  occurredAt: Timestamp,
  dueAt: Timestamp.nullable(),
  doneAt: Timestamp.nullable(),
  contact: LinkedRecord.nullable(),
  company: LinkedRecord.nullable(),
  deal: LinkedRecord.nullable(),
  updatedAt: Timestamp,
};

export const Activity = z.strictObject({ ...activityCommon, body: z.string(), createdAt: Timestamp, version: Version });
export type Activity = z.infer<typeof Activity>;

/** A list row: the text cut to its first 200 characters. */
export const ActivitySummary = z.strictObject({ ...activityCommon, preview: z.string() });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const activitySortKeys = ['occurredAt', 'dueAt', 'subject', 'kind', 'updatedAt'] as const;
export type ActivitySortKey = (typeof activitySortKeys)[number];

export const ActivityListRequest = z.strictObject({
  ...PageRequest,
  sort: z.enum(activitySortKeys).default('occurredAt'),
  direction: SortDirection.default('desc'),
  search: optionalText('Search', 200).default(''),
  kinds: z.array(z.enum(activityKinds)).max(5).default([]),
  /** Tasks: open (not done) or done. */
  status: z.enum(['open', 'done']).optional(),
  /** Only the activities of this contact, company or deal. */
  record: FieldedRef.optional(),
});
export type ActivityListRequest = z.input<typeof ActivityListRequest>;

export const ActivityPage = PageOf(ActivitySummary);
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ActivityRef = z.strictObject({ id: Id });
export const ActivitySetDone = z.strictObject({ id: Id, done: z.boolean() });

/**
 * Tasks for the "Today" view: not done, due before the end of the user's
 * day. The window sends its own day (it knows the time zone; a day may have
 * 23 or 25 hours); left out, today in the computer's time zone. An end
 * without a start is the end of a calendar day in the computer's time zone.
 */
export const TodayRequest = z
  .strictObject({
    startOfDay: Timestamp.optional(),
    endOfDay: Timestamp.optional(),
    limit: z.int().min(1).max(500).default(200),
  })
  .refine(
    (day) =>
      day.startOfDay === undefined ||
      (day.endOfDay !== undefined && Date.parse(day.startOfDay) < Date.parse(day.endOfDay)),
    {
      error: 'A day needs its start and its end, the start first.',
      path: ['startOfDay'],
    },
  );
const TaskGroup = z.strictObject({ total: z.int().min(0), rows: z.array(ActivitySummary).max(500) });
export const TodayTasks = z.strictObject({
  /** Due before the start of the day, oldest first. */
  overdue: TaskGroup,
  /** Due during the day, earliest first. */
  dueToday: TaskGroup,
});
export type TodayTasks = z.infer<typeof TodayTasks>;

/** A task that fell due, for a desktop notification. */
export const DueReminder = z.strictObject({
  id: Id,
  subject: z.string(),
  dueAt: Timestamp,
  /** Who or what it is about, in words ("Anna Berg", "Acme Ltd"). */
  about: z.string(),
});
export type DueReminder = z.infer<typeof DueReminder>;
