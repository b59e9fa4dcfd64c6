import { z } from 'zod';
import { Id, IdList } from './common';
import { recordKinds } from './record';

export const maxBulkIds = 10_000;

/**
 * One change to many records of one kind, in one transaction.
 * `set`: one field to one value, checked as the record's form checks it:
 *   contact: company, companyId; company: industry; deal: stageId, owner,
 *   currency, expectedCloseDate, probability, companyId, contactId;
 *   activity: done, dueAt; and custom fields as "custom.<field number>".
 * `delete`: to the trash, as one entry (companies need the contacts choice
 * when any of them has people).
 */
export const BulkAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('set'),
    field: z.string().min(1).max(40),
    value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
  }),
  z.strictObject({ type: z.literal('addTag'), tagId: Id }),
  z.strictObject({ type: z.literal('removeTag'), tagId: Id }),
  z.strictObject({ type: z.literal('delete'), contacts: z.enum(['detach', 'trash']).optional() }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkRequest = z.strictObject({ kind: z.enum(recordKinds), ids: IdList(maxBulkIds), action: BulkAction });
export type BulkRequest = z.input<typeof BulkRequest>;

/** How to take the change back: bulk.undo for edits, trash.restore for a delete. */
export const BulkUndoHandle = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('edit'), undoId: Id }),
  z.strictObject({ type: z.literal('trash'), trashId: Id }),
]);

export const BulkResult = z.strictObject({
  /** Records actually changed. */
  changed: z.int().min(0),
  /** Records that were gone (deleted meanwhile) or already as asked. */
  skipped: z.int().min(0),
  /** null when nothing changed. */
  undo: BulkUndoHandle.nullable(),
});
export type BulkResult = z.infer<typeof BulkResult>;

export const BulkUndoRequest = z.strictObject({ undoId: Id });
/** Records put back; skipped ones were deleted or changed again since. */
export const BulkUndoResult = z.strictObject({ reverted: z.int().min(0), skipped: z.int().min(0) });
