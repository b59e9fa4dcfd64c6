import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attachment, RecordRef } from '../../../../shared/schemas/attachment';
import { invoke, toCrmError } from '../../api';
import { isAbort, sendFile } from './sendFile';

/** One file the user added, from the moment it is picked until it is stored (then it leaves the queue) or refused. */
export interface Upload {
  key: number;
  fileName: string;
  size: number;
  /** waiting its turn → sending bytes → the core checks and stores it → gone, or failed with a message. */
  state: 'waiting' | 'sending' | 'checking' | 'failed';
  sent: number;
  message?: string;
}

interface Queued {
  key: number;
  file: File;
}

export interface UploadQueue {
  uploads: readonly Upload[];
  /** True while a file is waiting or being sent. */
  busy: boolean;
  add: (files: readonly File[]) => void;
  cancel: (key: number) => void;
  dismiss: (key: number) => void;
}

/**
 * Files attached to one record, sent one after another so each gets the whole
 * pipe and its own progress. `onStored` runs after each file is stored.
 */
export function useUploadQueue(record: RecordRef | null, onStored: (attachment: Attachment) => void): UploadQueue {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const waiting = useRef<Queued[]>([]);
  const current = useRef<{ key: number; controller: AbortController } | null>(null);
  const nextKey = useRef(1);
  const alive = useRef(true);
  // The latest values, for the loop that outlives the render that started it.
  const latest = useRef({ record, onStored });
  useEffect(() => {
    latest.current = { record, onStored };
  });

  const patch = useCallback((key: number, change: Partial<Upload>) => {
    if (alive.current)
      setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  }, []);
  const drop = useCallback((key: number) => {
    if (alive.current) setUploads((list) => list.filter((upload) => upload.key !== key));
  }, []);

  const pump = useCallback(async () => {
    if (current.current) return;
    for (let next = waiting.current.shift(); next && alive.current; next = waiting.current.shift()) {
      const { key, file } = next;
      const target = latest.current.record;
      if (!target) break;
      const controller = new AbortController();
      current.current = { key, controller };
      patch(key, { state: 'sending', sent: 0 });
      try {
        const uploadId = await sendFile(target, file, file.name, {
          signal: controller.signal,
          onProgress: (sent) => patch(key, { sent }),
        });
        // Past this point the file is committed: the core checks its bytes and stores it.
        patch(key, { state: 'checking' });
        const stored = await invoke('attachments.finish', { uploadId });
        drop(key);
        if (alive.current) latest.current.onStored(stored);
      } catch (error) {
        if (isAbort(error)) drop(key);
        else patch(key, { state: 'failed', message: toCrmError(error).message });
      } finally {
        current.current = null;
      }
    }
  }, [patch, drop]);

  const add = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const added = files.map((file) => ({ key: nextKey.current++, file }));
      waiting.current.push(...added);
      setUploads((list) => [
        ...list,
        ...added.map(({ key, file }): Upload => ({
          key,
          fileName: file.name,
          size: file.size,
          state: 'waiting',
          sent: 0,
        })),
      ]);
      void pump();
    },
    [pump],
  );

  const cancel = useCallback(
    (key: number) => {
      if (current.current?.key === key) {
        // The loop notices between chunks, cancels in the core and drops the row.
        current.current.controller.abort();
      } else {
        waiting.current = waiting.current.filter((queued) => queued.key !== key);
      }
      drop(key);
    },
    [drop],
  );

  // Leaving the record (closing the panel) stops what is still on its way; the core deletes the partial file.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      waiting.current = [];
      current.current?.controller.abort();
    };
  }, []);

  const busy = uploads.some((upload) => upload.state !== 'failed');
  return { uploads, busy, add, cancel, dismiss: drop };
}
