import { useState } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import { toCrmError } from '../../api';

/**
 * A panel's Delete: asks first, then moves the record to the trash. A record
 * already gone (deleted in another window) counts as done; any other problem
 * is shown in the panel.
 */
export function useRecordDelete<Args extends unknown[]>(
  remove: (...args: Args) => Promise<Trashed>,
  handlers: { deleted: (trashed: Trashed | null) => void; problem: (message: string) => void },
) {
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);

  async function confirm(...args: Args): Promise<void> {
    setDeleting(true);
    try {
      const trashed = await remove(...args);
      setAsking(false);
      handlers.deleted(trashed);
    } catch (thrown) {
      const error = toCrmError(thrown);
      setAsking(false);
      if (error.code === 'NOT_FOUND') handlers.deleted(null);
      else handlers.problem(error.message);
    } finally {
      setDeleting(false);
    }
  }

  return { asking, ask: () => setAsking(true), cancel: () => setAsking(false), deleting, confirm };
}
