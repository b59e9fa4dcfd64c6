import type { Tag } from '../../../../shared/schemas/tag';
import { invoke } from '../../api';
import { useLoaded } from '../../lib/useLoaded';

export interface TagsState {
  /** Null until the first load. */
  tags: Tag[] | null;
  error: string | null;
  reload: () => void;
}

const loadTags = () => invoke('tags.list', {}).then((list) => list.tags);

/** Every tag, sorted by name, with how many records carry each. */
export function useTags(): TagsState {
  const { value, error, reload } = useLoaded(loadTags);
  return { tags: value, error, reload };
}
