import { z } from 'zod';
import type { ActivityKind } from './activity';
import { Id, PageRequest, Timestamp } from './common';
import { fieldedKinds, LinkedRecord, RecordRef, recordKinds } from './record';

export const KindCounts = z.strictObject({
  contact: z.int().min(0),
  company: z.int().min(0),
  deal: z.int().min(0),
  activity: z.int().min(0),
});
export type KindCounts = z.infer<typeof KindCounts>;

/** The record a merged-away record was merged into: its activities, deals and files stay there when it is restored. */
export const MergedInto = LinkedRecord.nullable();

/** One delete: the record (or the records of one bulk delete) and what went with it. */
export const TrashEntry = z.strictObject({
  id: Id,
  kind: z.enum(recordKinds),
  /** What was deleted, in words ("Acme Ltd", "12 contacts"). */
  label: z.string(),
  /** What the entry holds now (a restore of another entry can take activities back out of it). */
  counts: KindCounts,
  /** Set when the delete was a merge: a restore brings back the record alone. */
  mergedInto: MergedInto,
  deletedAt: Timestamp,
  /** When it is deleted for good (30 days after). */
  purgeAt: Timestamp,
});
export type TrashEntry = z.infer<typeof TrashEntry>;

export const TrashListRequest = z.strictObject({
  ...PageRequest,
  /** Only the deletes of this kind (what the entry was about: a company's people count under the company). */
  kind: z.enum(recordKinds).optional(),
});
export const TrashPage = z.strictObject({
  total: z.int().min(0),
  offset: z.int().min(0),
  rows: z.array(TrashEntry).max(500),
});
export const TrashRestored = z.strictObject({
  trashId: Id,
  /** What came back: the entry's rows, and activities of its records that other entries held only because of them. */
  counts: KindCounts,
  /** The one record the delete was about, to open after the restore; null when it took several (a bulk delete). */
  record: RecordRef.nullable(),
  mergedInto: MergedInto,
});

/** Most names a preview lists; the counts cover the rest. */
export const previewListLimit = 20;

const howMany = z.int().min(0);
const ActivityCounts = z.strictObject({
  note: howMany,
  call: howMany,
  meeting: howMany,
  email: howMany,
  task: howMany,
} satisfies Record<ActivityKind, z.ZodInt>);

/** A record that stays when an entry is deleted for good, though it loses its link to what goes. */
export const StayingRecord = z.strictObject({
  kind: z.enum(['contact', 'deal', 'activity']),
  name: z.string(),
  /** It is itself in the trash (in another entry). */
  inTrash: z.boolean(),
  /** The records it still belongs to. */
  keeps: z.array(z.string()).max(3),
  /** The records going for good that it was linked to. */
  loses: z.array(z.string()).max(3),
});
export type StayingRecord = z.infer<typeof StayingRecord>;

/** What "Delete forever" on an entry would remove, and what it would leave: the confirmation shows it. */
export const TrashPreview = z.strictObject({
  trashId: Id,
  /** Names exactly what would go; deleteForever refuses when it no longer does (something changed meanwhile). */
  planKey: z.string().max(64),
  goes: z.strictObject({
    records: z.array(z.strictObject({ kind: z.enum(fieldedKinds), name: z.string() })).max(previewListLimit),
    counts: z.strictObject({ contact: z.int().min(0), company: z.int().min(0), deal: z.int().min(0) }),
    activities: ActivityCounts,
    /** Files attached to what goes (a file another record also holds is kept for it). */
    files: z.int().min(0),
    historyEntries: z.int().min(0),
    /** Other trash entries left empty (an activity deleted on its own that belonged only to what goes): they go too. */
    otherEntries: z.array(z.strictObject({ id: Id, label: z.string() })).max(previewListLimit),
  }),
  stays: z.strictObject({ total: z.int().min(0), items: z.array(StayingRecord).max(previewListLimit) }),
});
export type TrashPreview = z.infer<typeof TrashPreview>;

export const DeleteForeverRequest = z.strictObject({
  trashId: Id,
  /** The preview's planKey: the delete happens only if it would remove exactly what the preview showed. */
  planKey: z.string().max(64).optional(),
});
export const TrashPurged = z.strictObject({ purged: z.int().min(0) });
