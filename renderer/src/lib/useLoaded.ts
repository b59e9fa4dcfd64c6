import { useCallback, useEffect, useState } from 'react';
import { toCrmError } from '../api';

export interface Loaded<T> {
  /** Null until the first answer. */
  value: T | null;
  error: string | null;
  reload: () => void;
}

/** Something read from the core when shown and again on reload(); an answer that arrives after the component is gone is dropped. */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => {
        if (!current) return;
        setValue(loaded);
        setError(null);
      },
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  const reload = useCallback(() => setVersion((count) => count + 1), []);
  return { value, error, reload };
}
