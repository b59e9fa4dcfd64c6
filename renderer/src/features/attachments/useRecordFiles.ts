import { useEffect, useMemo, useRef, useState } from 'react';
import type { AttachmentList } from './useAttachments';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { useAttachments } from './useAttachments';
import { useFileDrop } from './useFileDrop';
import { useUploadQueue } from './useUploadQueue';

/**
 * A record panel's files: the list, uploads on their way in, and files
 * dropped anywhere on the panel. A new record gets files once it is saved.
 */
export function useRecordFiles(kind: FieldedKind, savedId: number | null) {
  const record = useMemo(() => (savedId === null ? null : { kind, id: savedId }), [kind, savedId]);
  const list = useAttachments(record);
  const queue = useUploadQueue(record, list.reload);
  const drop = useFileDrop((dropped) => {
    if (record) queue.add(dropped);
  });
  // Counts changes to the file list after the first load, so a timeline can show them.
  const [changes, setChanges] = useState(0);
  const seen = useRef<AttachmentList['attachments']>(null);
  useEffect(() => {
    if (seen.current !== null) setChanges((current) => current + 1);
    seen.current = list.attachments;
  }, [list.attachments]);

  return { record, list, queue, drop, changes };
}
