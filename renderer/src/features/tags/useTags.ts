import { useCallback, useEffect, useState } from 'react';
import type { Tag } from '../../../../shared/schemas/tag';
import { invoke, toCrmError } from '../../api';

export interface TagsState {
  /** Null until the first load. */
  tags: Tag[] | null;
  error: string | null;
  reload(): void;
}

/** Every tag, sorted by name, with how many records carry each. */
export function useTags(): TagsState {
  const [tags, setTags] = useState<Tag[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    invoke('tags.list', {}).then(
      (list) => {
        if (!current) return;
        setTags(list.tags);
        setError(null);
      },
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { tags, error, reload };
}
