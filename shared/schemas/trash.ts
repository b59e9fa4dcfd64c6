import { z } from 'zod';
import { Id, PageRequest, Timestamp } from './common';
import { RecordRef, recordKinds } from './record';

export const KindCounts = z.strictObject({ contact: z.int().min(0), company: z.int().min(0), deal: z.int().min(0), activity: z.int().min(0) });
export type KindCounts = z.infer<typeof KindCounts>;

/** One delete: the record (or the records of one bulk delete) and what went with it. */
export const TrashEntry = z.strictObject({
  id: Id,
  kind: z.enum(recordKinds),
  /** What was deleted, in words ("Acme Ltd", "12 contacts"). */
  label: z.string(),
  counts: KindCounts,
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
export const TrashPage = z.strictObject({ total: z.int().min(0), offset: z.int().min(0), rows: z.array(TrashEntry).max(500) });
export const TrashRestored = z.strictObject({
  trashId: Id,
  counts: KindCounts,
  /** The one record the delete was about, to open after the restore; null when it took several (a bulk delete). */
  record: RecordRef.nullable(),
});
export const TrashPurged = z.strictObject({ purged: z.int().min(0) });
