import { z } from 'zod';
import { Id, Timestamp, requiredText } from './common';

export const viewKinds = ['contact', 'company', 'deal', 'activity'] as const;

/**
 * A view's filters and sort: the kind's list request without offset and
 * limit (contacts.list's for contacts, and so on). The core checks it with
 * that schema when saved.
 */
export const ViewQuery = z.record(z.string().max(40), z.unknown());

/** What a view's filter can name that may later be deleted. */
export const filterTargetKinds = ['tag', 'customField', 'stage'] as const;
export const FilterTarget = z.strictObject({ kind: z.enum(filterTargetKinds), id: Id });
export type FilterTarget = z.infer<typeof FilterTarget>;

/**
 * Part of a view's filter that no longer resolves: a deleted tag, field or
 * stage, or a choice its field no longer offers. The view keeps its filter
 * and lists nothing until the filter is changed.
 */
export const ViewProblem = z.strictObject({
  /** "This view filters by the tag “VIP”, which was deleted." */
  message: z.string(),
  target: z.union([FilterTarget, z.strictObject({ kind: z.literal('choice'), id: Id, choice: z.string() })]),
});
export type ViewProblem = z.infer<typeof ViewProblem>;

export const SavedView = z.strictObject({
  id: Id,
  kind: z.enum(viewKinds),
  name: z.string(),
  query: ViewQuery,
  position: z.int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Empty while every tag, field, stage and choice the filter names exists. */
  problems: z.array(ViewProblem),
});
export type SavedView = z.infer<typeof SavedView>;

/** How long a view's name may be. */
export const viewLimits = { name: 100 } as const;

export const ViewDraft = z.strictObject({
  kind: z.enum(viewKinds),
  name: requiredText('Name', viewLimits.name),
  query: ViewQuery,
});
export const ViewUpdate = z.strictObject({
  id: Id,
  name: requiredText('Name', viewLimits.name).optional(),
  query: ViewQuery.optional(),
});
export const ViewRef = z.strictObject({ id: Id });
export const ViewListRequest = z.strictObject({ kind: z.enum(viewKinds) });
export const ViewList = z.strictObject({ views: z.array(SavedView) });
/** Which saved views filter by a tag, field or stage: asked before deleting it. */
export const ViewUsageRequest = z.strictObject({ target: FilterTarget });
export const ViewUsage = z.strictObject({
  views: z.array(z.strictObject({ id: Id, kind: z.enum(viewKinds), name: z.string() })),
});
export type ViewUsage = z.infer<typeof ViewUsage>;
