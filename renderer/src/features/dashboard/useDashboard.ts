import { useEffect } from 'react';
import { invoke } from '../../api';
import { useLoaded } from '../../lib/useLoaded';

const loadDashboard = () => invoke('dashboard.get', {});

/** The dashboard's figures, loaded when the screen opens and again when the window comes back to the front. */
export function useDashboard() {
  const { value, error, reload } = useLoaded(loadDashboard);
  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);
  return { dashboard: value, error, reload };
}
