import type { Tag } from '../../../../shared/schemas/tag';

/** One line of the tag picker's list: an existing tag to add, or a new tag to create with the typed name. */
export type TagOption = { type: 'tag'; tag: Tag } | { type: 'create'; name: string };

const maxShown = 8;

/**
 * The tags the picker offers for what was typed: tags not yet on the record
 * whose name contains it (names starting with it first), and "create" when no
 * tag has exactly that name (ignoring case, as the core does).
 */
export function tagOptions(tags: readonly Tag[], chosen: readonly number[], typed: string): TagOption[] {
  const query = typed.trim().toLowerCase();
  const free = tags.filter((tag) => !chosen.includes(tag.id) && tag.name.toLowerCase().includes(query));
  const ranked = [...free].sort(
    (a, b) => Number(!a.name.toLowerCase().startsWith(query)) - Number(!b.name.toLowerCase().startsWith(query)),
  );
  const options: TagOption[] = ranked.slice(0, maxShown).map((tag) => ({ type: 'tag', tag }));
  const exists = tags.some((tag) => tag.name.toLowerCase() === query);
  if (query !== '' && !exists) options.push({ type: 'create', name: typed.trim() });
  return options;
}
