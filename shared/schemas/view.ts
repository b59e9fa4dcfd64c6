import { z } from 'zod';
import { Id, Timestamp, requiredText } from './common';

export const viewKinds = ['contact', 'company', 'deal', 'activity'] as const;

/**
 * A view's filters and sort: the kind's list request without offset and
 * limit (contacts.list's for contacts, and so on). The core checks it with
 * that schema when saved.
 */
export const ViewQuery = z.record(z.string().max(40), z.unknown());

export const SavedView = z.strictObject({
  id: Id,
  kind: z.enum(viewKinds),
  name: z.string(),
  query: ViewQuery,
  position: z.int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SavedView = z.infer<typeof SavedView>;

export const ViewDraft = z.strictObject({ kind: z.enum(viewKinds), name: requiredText('Name', 100), query: ViewQuery });
export const ViewUpdate = z.strictObject({ id: Id, name: requiredText('Name', 100).optional(), query: ViewQuery.optional() });
export const ViewRef = z.strictObject({ id: Id });
export const ViewListRequest = z.strictObject({ kind: z.enum(viewKinds) });
export const ViewList = z.strictObject({ views: z.array(SavedView) });
