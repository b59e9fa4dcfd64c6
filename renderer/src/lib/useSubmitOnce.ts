import { useCallback, useRef, useState } from 'react';

/**
 * One submit of a form at a time: while one is in flight another is ignored,
 * even five clicks inside one task, before React has re-rendered the button as
 * busy (state read in those clicks would still say idle; a ref does not).
 * `running` is for the button: aria-disabled and "Saving…". `run` wraps a whole
 * submit; `begin`/`end` bracket one whose checks come first.
 */
export function useSubmitOnce() {
  const inFlight = useRef(false);
  const [running, setRunning] = useState(false);
  /** Claims the form for one submit; false when one is already on its way (the caller does nothing). */
  const begin = useCallback(() => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setRunning(true);
    return true;
  }, []);
  const end = useCallback(() => {
    inFlight.current = false;
    setRunning(false);
  }, []);
  const run = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      if (!begin()) return undefined;
      try {
        return await work();
      } finally {
        end();
      }
    },
    [begin, end],
  );
  return { run, begin, end, running };
}
