import { useCallback, useRef, useState } from 'react';
import { invoke, toCrmError } from '../../api';
import { useToast } from '../../components/Toast';
import type { TypedSecret } from './BackupPasswordPrompt';
import { useBackupProgress, type BackupProgress } from './useBackupProgress';

/**
 * An export this window started: running (maybe being stopped; encrypted or
 * not), waiting for the backup password, or failed with the reason.
 */
export type ExportRun =
  | { state: 'running'; stopping: boolean; encrypted: boolean }
  | { state: 'password'; problem: string | null; busy: boolean; canRemember: boolean }
  | { state: 'failed'; message: string };

export interface ExportControl {
  run: ExportRun | null;
  progress: BackupProgress | null;
  /** File › Export Backup…: the core asks where to save, then writes and checks the file. */
  start: () => void;
  /** Opens the backup key with what the user typed, then exports. */
  unlock: (secret: TypedSecret) => void;
  stop: () => void;
  dismiss: () => void;
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
    setRun({ state: 'running', stopping: false, encrypted: false });
    invoke('backupEncryption.status', {})
      .then((encryption) => {
        setRun((current) => (current?.state === 'running' ? { ...current, encrypted: encryption.on } : current));
        return invoke('backups.export', {}).catch((thrown: unknown) => {
          // The key is not open and not remembered: ask for the password, then export.
          if (toCrmError(thrown).code === 'PASSWORD_REQUIRED')
            return { saved: false, password: true, canRemember: encryption.canRemember };
          throw thrown;
        });
      })
      .then(
        (answer) => {
          if ('password' in answer) {
            setRun({ state: 'password', problem: null, busy: false, canRemember: answer.canRemember });
            return;
          }
          setRun(null);
          if (answer.saved) showToast('Backup exported and checked');
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

  const unlock = useCallback(
    (secret: TypedSecret) => {
      setRun((current) => (current?.state === 'password' ? { ...current, busy: true, problem: null } : current));
      invoke('backupEncryption.unlock', secret).then(
        () => start(),
        (thrown: unknown) => {
          const error = toCrmError(thrown);
          setRun((current) =>
            current?.state === 'password' ? { ...current, busy: false, problem: error.message } : current,
          );
        },
      );
    },
    [start],
  );

  const stop = useCallback(() => {
    setRun((current) => (current?.state === 'running' ? { ...current, stopping: true } : current));
    // If the export finished meanwhile there is nothing to stop, and its own answer says how it ended.
    invoke('backups.cancelExport', {}).catch(() => undefined);
  }, []);

  const dismiss = useCallback(
    () => setRun((current) => (current?.state === 'failed' || current?.state === 'password' ? null : current)),
    [],
  );

  return { run, progress, start, unlock, stop, dismiss };
}
