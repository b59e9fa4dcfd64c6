import { useCallback, useRef, useState } from 'react';

/**
 * One submit of a form at a time: while one is in flight another is ignored,
 * even five clicks inside one task, before React has re-rendered the button as
 * busy (state read in those clicks would still say idle; a ref does not).
 * `running` is for the button: aria-disabled and "Saving…".
 */
export function useSubmitOnce() {
  const inFlight = useRef(false);
  const [running, setRunning] = useState(false);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setRunning(true);
    try {
      return await work();
    } finally {
      inFlight.current = false;
      setRunning(false);
    }
  }, []);
  return { run, running };
}
