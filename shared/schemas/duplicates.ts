import { z } from 'zod';
import { Id, Timestamp } from './common';

export const duplicateKinds = ['contact', 'company'] as const;
/** email: same address ignoring case; phone: the same last 9+ digits; name: same name ignoring case, accents, spacing
 * (and legal forms such as Ltd for companies); similarName: one letter added, dropped, changed or two swapped. */
export const duplicateReasons = ['email', 'phone', 'name', 'similarName'] as const;

export const DuplicatesRequest = z.strictObject({
  kind: z.enum(duplicateKinds),
  offset: z.int().min(0).max(1_000_000).default(0),
  limit: z.int().min(1).max(100).default(50),
});

export const DuplicateRecord = z.strictObject({
  id: Id,
  name: z.string(),
  /** Email for a contact, website for a company. */
  email: z.string(),
  phone: z.string(),
  /** Company for a contact, industry for a company. */
  detail: z.string(),
  updatedAt: Timestamp,
});

export const DuplicateGroup = z.strictObject({
  reason: z.enum(duplicateReasons),
  /** How many records the group holds; `records` shows the first 20. */
  size: z.int().min(2),
  records: z.array(DuplicateRecord).max(20),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const DuplicatesPage = z.strictObject({
  total: z.int().min(0),
  offset: z.int().min(0),
  groups: z.array(DuplicateGroup).max(100),
});

/**
 * Merges `mergeId` into `keepId`: every activity, attachment, tag, deal,
 * custom value and history entry moves over, blank fields are filled from
 * the other record, and the other record goes to the trash.
 */
export const MergeRequest = z
  .strictObject({ kind: z.enum(duplicateKinds), keepId: Id, mergeId: Id })
  .refine((request) => request.keepId !== request.mergeId, {
    error: 'A record cannot be merged into itself.',
    path: ['mergeId'],
  });
export const MergeResult = z.strictObject({ id: Id, trashId: Id });
