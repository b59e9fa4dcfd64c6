import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordKind } from '../../../../shared/schemas/record';
import type { TrashEntry } from '../../../../shared/schemas/trash';
import { invoke, toCrmError } from '../../api';

export interface TrashPages {
  /** Newest delete first; null until the first page arrives. */
  entries: TrashEntry[] | null;
  total: number;
  loadingMore: boolean;
  error: string | null;
  showMore: () => void;
  /** Asks again for the entries shown (at least a page): what each holds changes when another is restored or deleted for good. */
  reload: () => void;
  /** Takes an entry off the list after it was restored or deleted for good. */
  forget: (trashId: number) => void;
}

const pageSize = 50;
// trash.list returns at most this many entries per call.
const mostPerCall = 500;

/** The trash (or its deletes of one kind), a page at a time ("Show more"): it is usually short, and a long one is read from the top. */
export function useTrashPages(kind: RecordKind | undefined): TrashPages {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A reload outdates pages still on their way.
  const generation = useRef(0);
  const shown = useRef(0);
  useEffect(() => {
    shown.current = entries?.length ?? 0;
  }, [entries]);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    invoke('trash.list', { offset: 0, limit: Math.min(mostPerCall, Math.max(pageSize, shown.current)), kind }).then(
      (page) => {
        if (mine !== generation.current) return;
        setEntries(page.rows);
        setTotal(page.total);
        setError(null);
      },
      (failure: unknown) => {
        if (mine === generation.current) setError(toCrmError(failure).message);
      },
    );
  }, [kind]);

  useEffect(reload, [reload]);

  const showMore = useCallback(() => {
    const mine = generation.current;
    setLoadingMore(true);
    // Entries taken off the list moved the later ones up, so the next page starts at what is shown.
    invoke('trash.list', { offset: entries?.length ?? 0, limit: pageSize, kind })
      .then(
        (page) => {
          if (mine !== generation.current) return;
          setEntries((current) => {
            const known = new Set(current?.map((entry) => entry.id));
            return [...(current ?? []), ...page.rows.filter((entry) => !known.has(entry.id))];
          });
          setTotal(page.total);
        },
        (failure: unknown) => {
          if (mine === generation.current) setError(toCrmError(failure).message);
        },
      )
      .finally(() => setLoadingMore(false));
  }, [entries, kind]);

  const forget = useCallback((trashId: number) => {
    setEntries((current) => current && current.filter((entry) => entry.id !== trashId));
    setTotal((current) => Math.max(0, current - 1));
  }, []);

  return { entries, total, loadingMore, error, showMore, reload, forget };
}
