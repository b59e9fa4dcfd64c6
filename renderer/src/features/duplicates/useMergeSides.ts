import { useEffect, useState } from 'react';
import { toCrmError } from '../../api';
import { loadSide } from './loadSide';
import type { DuplicateKind, MergeSide } from './mergeSide';

export type SidesLoad = { state: 'loading' } | { state: 'ready'; sides: [MergeSide, MergeSide] } | { state: 'failed'; message: string; gone: boolean };

/** Both records of a pair, with their counts, read fresh each time the pair changes. */
export function useMergeSides(kind: DuplicateKind, ids: [number, number]): SidesLoad {
  const [first, second] = ids;
  const [load, setLoad] = useState<{ key: string; value: SidesLoad } | null>(null);
  const key = `${kind}:${first}:${second}`;

  useEffect(() => {
    let current = true;
    Promise.all([loadSide(kind, first), loadSide(kind, second)]).then(
      (sides) => current && setLoad({ key, value: { state: 'ready', sides } }),
      (thrown: unknown) => {
        const error = toCrmError(thrown);
        if (current) setLoad({ key, value: { state: 'failed', message: error.message, gone: error.code === 'NOT_FOUND' } });
      },
    );
    return () => {
      current = false;
    };
  }, [kind, first, second, key]);

  // A new pair shows as loading at once, never with the previous pair's values.
  return load?.key === key ? load.value : { state: 'loading' };
}
