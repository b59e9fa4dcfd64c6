import { z } from 'zod';
import { Id, requiredText } from './common';
import { FieldedRef } from './record';

export const tagColors = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;

export const Tag = z.strictObject({
  id: Id,
  name: z.string(),
  color: z.enum(tagColors),
  /** Records carrying the tag (not in the trash), per kind. */
  counts: z.strictObject({ contact: z.int().min(0), company: z.int().min(0), deal: z.int().min(0) }),
});
export type Tag = z.infer<typeof Tag>;

/** How long a tag's name may be. */
export const tagLimits = { name: 50 } as const;

export const TagDraft = z.strictObject({
  name: requiredText('Name', tagLimits.name),
  color: z.enum(tagColors).default('gray'),
});
export const TagUpdate = z.strictObject({
  id: Id,
  name: requiredText('Name', tagLimits.name).optional(),
  color: z.enum(tagColors).optional(),
});
export const TagRef = z.strictObject({ id: Id });
export const TagList = z.strictObject({ tags: z.array(Tag) });
/** Puts a tag on one record, or takes it off. */
export const TagLink = z.strictObject({ record: FieldedRef, tagId: Id });
export const TagLinkResult = z.strictObject({ record: FieldedRef, tagIds: z.array(Id) });
