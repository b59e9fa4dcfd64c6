import { useEffect, useState } from 'react';
import type { RecipientList } from '../../../../shared/schemas/template';
import { invoke, toCrmError } from '../../api';

const searchAfterMs = 200;

/** A campaign's members matching the search (the first 50), for the preview picker. */
export function useRecipients(campaignId: number, search: string) {
  const [list, setList] = useState<RecipientList>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(
      () => {
        invoke('templates.recipients', { campaignId, search }).then(
          (answer) => {
            if (!current) return;
            setList(answer);
            setFailure(undefined);
          },
          (error: unknown) => current && setFailure(toCrmError(error).message),
        );
      },
      search ? searchAfterMs : 0,
    );
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [campaignId, search]);
  return { list, failure };
}
