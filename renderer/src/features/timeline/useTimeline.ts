import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldedRef } from '../../../../shared/schemas/record';
import type { TimelineCursor, TimelineEntry } from '../../../../shared/schemas/timeline';
import { invoke, toCrmError } from '../../api';

const pageSize = 25;
/** timeline.list's largest page: a reload keeps up to this many of the entries already shown. */
const largestPage = 200;

/**
 * A record's timeline, newest first, a page at a time (keyset cursor).
 * `reload` fetches the top again, as many entries as are shown, so older pages the user opened stay open.
 */
export function useTimeline(record: FieldedRef, version: number) {
  const { kind, id } = record;
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [next, setNext] = useState<TimelineCursor | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(0);
  // Only the newest request may fill the list: a slow reload must not overwrite a newer one.
  const request = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++request.current;
    try {
      const limit = Math.min(largestPage, Math.max(pageSize, shown.current));
      const page = await invoke('timeline.list', { record: { kind, id }, limit });
      if (mine !== request.current) return;
      shown.current = page.entries.length;
      setEntries(page.entries);
      setNext(page.next);
      setError(null);
    } catch (thrown) {
      if (mine === request.current) setError(toCrmError(thrown).message);
    }
  }, [kind, id]);

  useEffect(() => {
    void reload();
  }, [reload, version]);

  const loadOlder = useCallback(async () => {
    if (!next || loadingOlder) return;
    const mine = ++request.current;
    setLoadingOlder(true);
    try {
      const page = await invoke('timeline.list', { record: { kind, id }, before: next, limit: pageSize });
      if (mine !== request.current) return;
      setEntries((current) => {
        const all = [...(current ?? []), ...page.entries];
        shown.current = all.length;
        return all;
      });
      setNext(page.next);
    } catch (thrown) {
      setError(toCrmError(thrown).message);
    } finally {
      setLoadingOlder(false);
    }
  }, [kind, id, next, loadingOlder]);

  return { entries, next, loadingOlder, error, reload, loadOlder };
}
