import { useCallback, useRef, useState } from 'react';
import { invoke, toCrmError } from '../../api';
import { useToast } from '../../components/Toast';
import { useBackupProgress, type BackupProgress } from './useBackupProgress';

/** An export this window started: running (maybe being stopped), or failed with the reason. */
export type ExportRun = { state: 'running'; stopping: boolean } | { state: 'failed'; message: string };

export interface ExportControl {
  run: ExportRun | null;
  progress: BackupProgress | null;
  /** File › Export Backup…: the core asks where to save, then writes and checks the file. */
  start(): void;
  stop(): void;
  dismiss(): void;
}

/**
 * One export at a time, from the save dialog to the checked file. A cancelled
 * save dialog ends it quietly; Stop ends it with a toast, not an error, since
 * the user asked for it and no file is left behind.
 */
export function useExportRun(): ExportControl {
  const showToast = useToast();
  const [run, setRun] = useState<ExportRun | null>(null);
  const busy = useRef(false);
  const progress = useBackupProgress(run?.state === 'running');

  const start = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setRun({ state: 'running', stopping: false });
    invoke('backups.export', {})
      .then(
        ({ saved }) => {
          setRun(null);
          if (saved) showToast('Backup exported and checked');
        },
        (thrown: unknown) => {
          const error = toCrmError(thrown);
          if (error.code === 'CANCELLED') {
            setRun(null);
            showToast('Export stopped. No file was written.');
          } else {
            setRun({ state: 'failed', message: error.message });
          }
        },
      )
      .finally(() => {
        busy.current = false;
      });
  }, [showToast]);

  const stop = useCallback(() => {
    setRun((current) => (current?.state === 'running' ? { ...current, stopping: true } : current));
    // If the export finished meanwhile there is nothing to stop, and its own answer says how it ended.
    invoke('backups.cancelExport', {}).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setRun((current) => (current?.state === 'failed' ? null : current)), []);

  return { run, progress, start, stop, dismiss };
}
