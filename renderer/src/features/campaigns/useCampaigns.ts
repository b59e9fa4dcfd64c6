import { useCallback, useEffect, useState } from 'react';
import type { Campaign } from '../../../../shared/schemas/campaign';
import { invoke, toCrmError } from '../../api';

/** Every campaign, newest first, and a way to read them again after a change. */
export function useCampaigns() {
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      invoke('campaigns.list', {}).then(
        (answer) => {
          setCampaigns(answer.campaigns);
          setProblem(null);
        },
        (error: unknown) => setProblem(toCrmError(error).message),
      ),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { campaigns, problem, reload };
}
