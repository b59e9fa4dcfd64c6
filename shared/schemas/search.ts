import { z } from 'zod';
import { Id, refusedLength, tooLong } from './common';
import { recordKinds } from './record';

export const SearchRequest = z.strictObject({
  /** What the user typed; any text at all (search syntax is read as plain words). */
  text: z
    .string({ error: 'Search must be text.' })
    .max(10_000, { error: (issue) => tooLong('Search', refusedLength(issue.input), 10_000) }),
  /** Hits per kind. */
  perKind: z.int().min(1).max(50).default(5),
  kinds: z
    .array(z.enum(recordKinds))
    .min(1)
    .max(4)
    .default([...recordKinds]),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export const SearchHit = z.strictObject({
  kind: z.enum(recordKinds),
  id: Id,
  title: z.string(),
  /** A second line: email and company, industry, stage and value, where an activity belongs. */
  subtitle: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.strictObject({
  kind: z.enum(recordKinds),
  /** Matches counted up to 100; `more` says there are more ("100+"). */
  total: z.int().min(0),
  more: z.boolean(),
  /** Best first. */
  hits: z.array(SearchHit).max(50),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

/** Groups with at least one hit, the group with the best hit first. */
export const SearchResult = z.strictObject({ groups: z.array(SearchGroup) });
export type SearchResult = z.infer<typeof SearchResult>;
