import { useEffect, useState } from 'react';
import type { LeadSource } from '../../../../shared/schemas/lead-source';
import { invoke } from '../../api';

/** The lead-source list, in its order (empty until loaded or when it cannot be read: the select then offers only the record's own). */
export function useLeadSources(): LeadSource[] {
  const [sources, setSources] = useState<LeadSource[]>([]);
  useEffect(() => {
    let live = true;
    invoke('leadSources.list', {}).then(
      (list) => live && setSources(list.leadSources),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return sources;
}
