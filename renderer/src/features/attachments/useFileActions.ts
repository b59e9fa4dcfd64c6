import { useMemo } from 'react';
import type { Attachment } from '../../../../shared/schemas/attachment';
import { invoke } from '../../api';
import { useToast } from '../../components/Toast';

export interface FileActions {
  /** Opens a copy in the system's default program for its type. */
  open: (attachment: Attachment) => Promise<void>;
  /** Asks where to save a copy (main shows the dialog); nothing happens if the user cancels it. */
  saveCopy: (attachment: Attachment) => Promise<void>;
}

/** Open and Save a copy…, with their confirmations; errors are thrown for the caller to show where the user is looking. */
export function useFileActions(): FileActions {
  const showToast = useToast();
  return useMemo(
    () => ({
      async open(attachment) {
        await invoke('attachments.open', { id: attachment.id });
        showToast('Opened in your default app');
      },
      async saveCopy(attachment) {
        const { saved } = await invoke('attachments.saveCopy', { id: attachment.id });
        if (saved) showToast('Saved a copy');
      },
    }),
    [showToast],
  );
}
