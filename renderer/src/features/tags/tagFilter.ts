/** What a list's tag filter holds: the chosen tags, and whether a record needs any or all of them. Null: no filter. */
export type TagFilterValue = { tagIds: number[]; mode: 'any' | 'all' } | null;

/** The tag filter as contacts.list, companies.list and deals.list take it (spread it into the request). */
export function tagFilterRequest(value: TagFilterValue): { tagIds: number[]; tagMatch: 'any' | 'all' } {
  return value && value.tagIds.length > 0
    ? { tagIds: [...value.tagIds], tagMatch: value.mode }
    : { tagIds: [], tagMatch: 'any' };
}

/** Adds the tag when it is not chosen, takes it out when it is; no tags left means no filter. */
export function toggleTag(value: TagFilterValue, tagId: number): TagFilterValue {
  const current = value?.tagIds ?? [];
  const tagIds = current.includes(tagId) ? current.filter((id) => id !== tagId) : [...current, tagId];
  return tagIds.length === 0 ? null : { tagIds, mode: value?.mode ?? 'any' };
}
