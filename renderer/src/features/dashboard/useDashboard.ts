import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { invoke, toCrmError } from '../../api';

/** The dashboard's figures, loaded when the screen opens and again when the window comes back to the front. */
export function useDashboard() {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const loaded = await invoke('dashboard.get', {});
      if (request !== latest.current) return;
      setDashboard(loaded);
      setError(null);
    } catch (thrown) {
      if (request === latest.current) setError(toCrmError(thrown).message);
    }
  }, []);

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      latest.current++;
    };
  }, [reload]);

  return { dashboard, error, reload };
}
