import { useEffect, useState } from 'react';
import { toCrmError } from '../../api';

export type PanelLoad = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/**
 * The record a panel was opened for, loaded once. `openedId` null is a new
 * record: ready at once, with no record until it is saved.
 */
export function useRecordLoad<Record>(openedId: number | null, fetch: (id: number) => Promise<Record>, loaded: (record: Record) => void) {
  const [record, setRecord] = useState<Record | null>(null);
  const [load, setLoad] = useState<PanelLoad>(openedId === null ? { state: 'ready' } : { state: 'loading' });

  useEffect(() => {
    if (openedId === null) return;
    let current = true;
    fetch(openedId).then(
      (found) => {
        if (!current) return;
        setRecord(found);
        loaded(found);
        setLoad({ state: 'ready' });
      },
      (error: unknown) => current && setLoad({ state: 'failed', message: toCrmError(error).message }),
    );
    return () => {
      current = false;
    };
    // Once per panel: the panel is remounted for another record.
  }, [openedId]);

  return { record, setRecord, load };
}
