import { useEffect, useState } from 'react';
import { toCrmError } from '../../api';
import { loadSide } from './loadSide';
import type { DuplicateKind, MergeSide } from './mergeSide';

export type SidesLoad =
  | { state: 'loading' }
  | { state: 'ready'; sides: [MergeSide, MergeSide] }
  /** `failedId`: the record that could not be read; `error` says why (NOT_FOUND: it is gone). */
  | { state: 'failed'; message: string; error: unknown; failedId: number };

/** Both records of a pair, with their counts, read fresh each time the pair changes. */
export function useMergeSides(kind: DuplicateKind, ids: [number, number]): SidesLoad {
  const [first, second] = ids;
  const [load, setLoad] = useState<{ key: string; value: SidesLoad } | null>(null);
  const key = `${kind}:${first}:${second}`;

  useEffect(() => {
    let current = true;
    void Promise.allSettled([loadSide(kind, first), loadSide(kind, second)]).then(([a, b]) => {
      if (!current) return;
      if (a.status === 'fulfilled' && b.status === 'fulfilled')
        return setLoad({ key, value: { state: 'ready', sides: [a.value, b.value] } });
      const [failure, failedId] =
        a.status === 'rejected'
          ? [a.reason as unknown, first]
          : [(b as PromiseRejectedResult).reason as unknown, second];
      setLoad({ key, value: { state: 'failed', message: toCrmError(failure).message, error: failure, failedId } });
    });
    return () => {
      current = false;
    };
  }, [kind, first, second, key]);

  // A new pair shows as loading at once, never with the previous pair's values.
  return load?.key === key ? load.value : { state: 'loading' };
}
