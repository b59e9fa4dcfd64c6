import { useEffect, useState } from 'react';
import { invoke } from '../../api';
import type { Place } from '../../sections';

/**
 * The screen the window opens on: the Dashboard once there is any contact,
 * company or deal, else Contacts (where a first-time user starts). Null
 * until the core has answered; Contacts if it cannot.
 */
export function useFirstScreen(): Place | null {
  const [first, setFirst] = useState<Place | null>(null);
  useEffect(() => {
    let current = true;
    invoke('dashboard.start', {}).then(
      ({ hasRecords }) => current && setFirst(hasRecords ? 'dashboard' : 'contacts'),
      () => current && setFirst('contacts'),
    );
    return () => {
      current = false;
    };
  }, []);
  return first;
}
