import { z } from 'zod';
import type { FilterTarget } from '../../../shared/schemas/view';

/** The parts of a stored view query that name other things; anything else in it is left alone. */
const NamedInFilter = z.object({
  tagIds: z.array(z.number()).default([]),
  stageIds: z.array(z.number()).default([]),
  custom: z.array(z.object({ fieldId: z.number(), op: z.string(), value: z.unknown().optional() })).default([]),
});
export type NamedInFilter = z.infer<typeof NamedInFilter>;

/** What a view's filter names. Views are checked with their list's schema when saved, so this reads every stored one. */
export const namedInFilter = (query: Record<string, unknown>): NamedInFilter => NamedInFilter.parse(query);

/** Whether the filter names the tag, field or stage. */
export function filterNames(query: Record<string, unknown>, target: FilterTarget): boolean {
  const named = namedInFilter(query);
  if (target.kind === 'tag') return named.tagIds.includes(target.id);
  if (target.kind === 'stage') return named.stageIds.includes(target.id);
  return named.custom.some((condition) => condition.fieldId === target.id);
}
