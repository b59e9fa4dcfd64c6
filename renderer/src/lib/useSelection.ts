import { useCallback, useMemo, useState } from 'react';

/** The rows ticked in a list, by record id, for a bulk change. */
export interface Selection {
  selected: ReadonlySet<number>;
  setMany(ids: readonly number[], on: boolean): void;
  clear(): void;
}

export function useSelection(): Selection {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const setMany = useCallback((ids: readonly number[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return useMemo(() => ({ selected, setMany, clear }), [selected, setMany, clear]);
}
