import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../../shared/schemas/attachment';
import type { RecordRef } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';

export interface AttachmentList {
  /** null until the first answer. */
  attachments: readonly Attachment[] | null;
  /** Why the last load failed, until one succeeds. */
  error: string | null;
  reload: () => void;
}

/** The files attached to a record, newest first; reload() after anything changes them. */
export function useAttachments(record: RecordRef | null): AttachmentList {
  const [attachments, setAttachments] = useState<readonly Attachment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the newest request may write: a slow answer to an older one never replaces a newer list.
  const latest = useRef(0);

  const reload = useCallback(() => {
    if (record === null) return;
    latest.current += 1;
    const request = latest.current;
    invoke('attachments.list', { record }).then(
      (answer) => {
        if (request !== latest.current) return;
        setAttachments(answer.attachments);
        setError(null);
      },
      (thrown: unknown) => request === latest.current && setError(toCrmError(thrown).message),
    );
  }, [record]);

  useEffect(() => {
    reload();
    // Answers that arrive after the panel closed are dropped.
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { attachments, error, reload };
}
