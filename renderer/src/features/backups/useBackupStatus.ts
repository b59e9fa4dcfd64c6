import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import { invoke, onEvent, toCrmError } from '../../api';

export type BackupFailure = NonNullable<BackupStatus['lastFailure']>;

export interface BackupStatusState {
  /** null until the first answer. */
  status: BackupStatus | null;
  /** Why the status could not be read, until it can. */
  error: string | null;
  /** The last backup failure, until a backup succeeds: set at once by backup.failed, then kept true to the core's status. */
  failure: BackupFailure | null;
  reload: () => void;
  /** A fresh status from a call that returns one (a new folder, new settings). */
  replace: (status: BackupStatus) => void;
  /** A backup call failed before the core could record it (it could not be reached). */
  noteFailure: (message: string) => void;
}

/**
 * Where backups stand, kept current: read on start, and again whenever the
 * core says backups changed, one failed, or the data was restored.
 */
export function useBackupStatus(): BackupStatusState {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<BackupFailure | null>(null);
  // Only the newest request may write: an answer from before a failure never hides it.
  const latest = useRef(0);

  const replace = useCallback((next: BackupStatus) => {
    latest.current += 1;
    setStatus(next);
    setFailure(next.lastFailure);
    setError(null);
  }, []);

  const reload = useCallback(() => {
    latest.current += 1;
    const request = latest.current;
    invoke('backups.status', {}).then(
      (next) => {
        if (request !== latest.current) return;
        setStatus(next);
        setFailure(next.lastFailure);
        setError(null);
      },
      (thrown: unknown) => request === latest.current && setError(toCrmError(thrown).message),
    );
  }, []);

  const noteFailure = useCallback((message: string) => setFailure({ at: new Date().toISOString(), message }), []);

  useEffect(() => {
    reload();
    const stops = [
      onEvent('backup.changed', reload),
      onEvent('data.restored', reload),
      onEvent('backup.failed', ({ message }) => {
        noteFailure(message);
        reload();
      }),
    ];
    return () => {
      stops.forEach((stop) => stop());
      latest.current += 1;
    };
  }, [reload, noteFailure]);

  return { status, error, failure, reload, replace, noteFailure };
}
