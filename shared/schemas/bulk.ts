import { z } from 'zod';
import { Id, IdList } from './common';
import { CompanyListRequest } from './company';
import { ContactListRequest } from './contact';
import { DealListRequest } from './deal';
import { recordKinds } from './record';

/** Rows a request may name one by one (ticked, or a Shift range); a select-all names its query instead and has no cap. */
export const maxBulkIds = 10_000;

const noPaging = { offset: true, limit: true } as const;

/** A list as its screen shows it: the kind of record, and the list's search, filters and sort. */
export const ListSelector = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('contact'), query: ContactListRequest.omit(noPaging) }),
  z.strictObject({ kind: z.literal('company'), query: CompanyListRequest.omit(noPaging) }),
  z.strictObject({ kind: z.literal('deal'), query: DealListRequest.omit(noPaging) }),
]);
export type ListSelector = z.input<typeof ListSelector>;

/** The rows of a list between two positions (both included), in its own order: what a Shift-click ticks. */
export const BulkRangeRequest = z
  .strictObject({ list: ListSelector, from: z.int().min(0), to: z.int().min(0) })
  .refine((range) => range.to >= range.from, { path: ['to'], error: 'A range ends at or after its first row.' })
  .refine((range) => range.to - range.from < maxBulkIds, {
    path: ['to'],
    error: `A Shift-click range can hold at most ${maxBulkIds.toLocaleString('en')} rows. To change more, select all of them instead.`,
  });
export const BulkRangeIds = z.strictObject({ ids: z.array(Id).max(maxBulkIds) });

/** Every row a list's query matches, counted exactly (a searching list counts only to 1,000). */
export const BulkCountRequest = z.strictObject({ list: ListSelector });
export const BulkCount = z.strictObject({ total: z.int().min(0) });

/**
 * Every row the list's query matches, less those unticked since, and how
 * many that came to on the user's screen: the change is refused, not widened
 * or narrowed, when that many no longer match.
 */
export const MatchingSelection = z.strictObject({
  list: ListSelector,
  except: z
    .array(Id, { error: 'Must be a list of record numbers.' })
    .max(maxBulkIds, { error: `At most ${maxBulkIds.toLocaleString('en')} rows can be left out of a select-all.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'The same record is listed twice.' }),
  count: z.int().min(1).max(10_000_000),
});

/**
 * One change to many records of one kind, in one transaction.
 * `set`: one field to one value, checked as the record's form checks it:
 *   contact: company, companyId; company: industry; deal: stageId, owner,
 *   currency, expectedCloseDate, probability, companyId, contactId;
 *   activity: done, dueAt; and custom fields as "custom.<field number>";
 *   contact: leadSource, consent; company: leadSource.
 *   A consent change leaves people who unsubscribed or asked not to be
 *   contacted as they are unless `overwriteOptOuts` says to change them too.
 * `delete`: to the trash, as one entry (companies need the contacts choice
 * when any of them has people).
 */
export const BulkAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('set'),
    field: z.string().min(1).max(40),
    value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
    overwriteOptOuts: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('addTag'), tagId: Id }),
  z.strictObject({ type: z.literal('removeTag'), tagId: Id }),
  z.strictObject({ type: z.literal('delete'), contacts: z.enum(['detach', 'trash']).optional() }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

/** One change to the ticked rows (`ids`), or to every row of a list (`matching`). */
export const BulkRequest = z
  .strictObject({
    kind: z.enum(recordKinds),
    ids: IdList(maxBulkIds).optional(),
    matching: MatchingSelection.optional(),
    action: BulkAction,
  })
  .superRefine((request, context) => {
    if ((request.ids === undefined) === (request.matching === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['ids'],
        message: 'Choose the rows to change: ticked ones, or all of a list.',
      });
    } else if (request.matching && request.matching.list.kind !== request.kind) {
      context.addIssue({
        code: 'custom',
        path: ['matching', 'list', 'kind'],
        message: 'The list must hold the kind of record being changed.',
      });
    }
  });
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
  /** Of the skipped, people left as they were because they unsubscribed or asked not to be contacted (a consent change). */
  keptOptOuts: z.int().min(0),
  /** null when nothing changed. */
  undo: BulkUndoHandle.nullable(),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** Which of a contact selection unsubscribed or asked not to be contacted: a bulk consent change asks about them first. */
export const OptedOutRequest = z
  .strictObject({ ids: IdList(maxBulkIds).optional(), matching: MatchingSelection.optional() })
  .refine((request) => (request.ids === undefined) !== (request.matching === undefined), {
    path: ['ids'],
    error: 'Choose the people: ticked ones, or all of a list.',
  })
  .refine((request) => request.matching === undefined || request.matching.list.kind === 'contact', {
    path: ['matching', 'list', 'kind'],
    error: 'The list must be a list of contacts.',
  });
export const OptedOutCount = z.strictObject({
  optedOut: z.int().min(0),
  unsubscribed: z.int().min(0),
  doNotContact: z.int().min(0),
});

export const BulkUndoRequest = z.strictObject({ undoId: Id });
/** Records put back; skipped ones were deleted or changed again since. */
export const BulkUndoResult = z.strictObject({ reverted: z.int().min(0), skipped: z.int().min(0) });
