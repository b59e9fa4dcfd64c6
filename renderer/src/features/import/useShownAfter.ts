import { useEffect, useState } from 'react';

/** True once `on` has stayed true for `delayMs`: a wait that ends sooner (re-reading a small file) shows no bar flashing by. */
export function useShownAfter(on: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) return;
    const timer = window.setTimeout(() => setShown(true), delayMs);
    // Hidden again when the wait ends, so the next one starts hidden too.
    return () => {
      window.clearTimeout(timer);
      setShown(false);
    };
  }, [on, delayMs]);
  return on && shown;
}
