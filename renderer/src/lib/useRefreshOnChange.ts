import { useEffect } from 'react';
import type { RecordKind } from '../../../shared/schemas/record';
import { onEvent } from '../api';

/** Changes close together (a bulk edit announced per request, a run of moves) reload the list once. */
const settle = 150;

/** Reloads a list whenever records of its kinds are created, changed or removed, from any screen or job. */
export function useRefreshOnChange(kinds: readonly RecordKind[], refresh: () => void): void {
  const key = kinds.join(',');
  useEffect(() => {
    let timer: number | undefined;
    const stop = onEvent('records.changed', (change) => {
      if (!change.kinds.some((kind) => key.split(',').includes(kind))) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, settle);
    });
    return () => {
      window.clearTimeout(timer);
      stop();
    };
  }, [key, refresh]);
}
