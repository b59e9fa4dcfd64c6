import { useCallback, useEffect, useRef, useState } from 'react';
import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import { invoke, toCrmError } from '../../api';
import { groupKey } from './duplicateWords';
import type { DuplicateKind } from './mergeSide';

const pageSize = 50;
// duplicates.find returns at most this many groups per call.
const mostPerCall = 100;

export interface DuplicateGroups {
  /** Null until the first page arrives. */
  groups: DuplicateGroup[] | null;
  /** Groups the core found, less those set aside as not duplicates. */
  total: number;
  error: string | null;
  loading: boolean;
  loadMore: () => void;
  /** Asks again for the groups already shown (after a merge). */
  refresh: () => void;
  /** "Not a duplicate": hidden until the screen is left. */
  setAside: (group: DuplicateGroup) => void;
}

/** The groups of look-alike contacts or companies, a page at a time. */
export function useDuplicateGroups(kind: DuplicateKind): DuplicateGroups {
  const [loaded, setLoaded] = useState<{ kind: DuplicateKind; groups: DuplicateGroup[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [setAsideKeys, setSetAsideKeys] = useState<ReadonlySet<string>>(new Set());
  const request = useRef(0);

  const load = useCallback(
    (offset: number, limit: number, append: boolean) => {
      const ticket = ++request.current;
      invoke('duplicates.find', { kind, offset, limit: Math.min(limit, mostPerCall) }).then(
        (page) => {
          if (ticket !== request.current) return;
          setLoaded((current) => ({
            kind,
            total: page.total,
            groups: append && current?.kind === kind ? [...current.groups, ...page.groups] : page.groups,
          }));
          setError(null);
          setLoading(false);
        },
        (thrown: unknown) => {
          if (ticket !== request.current) return;
          setError(toCrmError(thrown).message);
          setLoading(false);
        },
      );
    },
    [kind],
  );

  useEffect(() => load(0, pageSize, false), [load]);

  const shownCount = loaded?.kind === kind ? loaded.groups.length : 0;
  const groups = loaded?.kind === kind ? loaded.groups.filter((group) => !setAsideKeys.has(groupKey(group))) : null;
  const hidden = loaded?.kind === kind ? loaded.groups.length - (groups?.length ?? 0) : 0;
  return {
    groups,
    total: loaded?.kind === kind ? loaded.total - hidden : 0,
    error,
    loading,
    // A new kind shows no groups until its first page: only asking for more is "loading".
    loadMore: () => {
      setLoading(true);
      load(shownCount, pageSize, true);
    },
    refresh: () => {
      setLoading(true);
      load(0, Math.max(pageSize, shownCount), false);
    },
    setAside: (group) => setSetAsideKeys((current) => new Set([...current, groupKey(group)])),
  };
}
