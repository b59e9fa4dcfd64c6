import { useCallback } from 'react';
import type { Trashed } from '../../../shared/schemas/common';
import { invoke, toCrmError } from '../api';
import { useToast } from '../components/Toast';

/**
 * After a delete: "Moved to the trash" with Undo, which restores the record
 * with its links and then calls `restored` (to reload a list, say).
 */
export function useMovedToTrash(restored: () => void): (trashed: Trashed) => void {
  const showToast = useToast();
  return useCallback(
    (trashed: Trashed) => {
      showToast('Moved to the trash', 'done', {
        label: 'Undo',
        onAction: () => {
          invoke('trash.restore', { trashId: trashed.trashId }).then(
            () => {
              restored();
              showToast('Restored');
            },
            (error: unknown) => showToast(toCrmError(error).message, 'problem'),
          );
        },
      });
    },
    [restored, showToast],
  );
}

/**
 * A record panel's delete as its list screen takes it: the panel closes, the list reloads (and its
 * ticks forget the record), and Undo is offered.
 */
export function usePanelDeleted(
  closePanel: () => void,
  reload: () => void,
  forget?: (ids: readonly number[]) => void,
): (trashed: Trashed | null) => void {
  const movedToTrash = useMovedToTrash(reload);
  return useCallback(
    (trashed: Trashed | null) => {
      closePanel();
      reload();
      if (trashed) {
        forget?.([trashed.id]);
        movedToTrash(trashed);
      }
    },
    [closePanel, reload, forget, movedToTrash],
  );
}
