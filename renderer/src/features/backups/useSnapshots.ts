import { useCallback, useEffect, useRef, useState } from 'react';
import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { invoke, onEvent, toCrmError } from '../../api';

export interface SnapshotList {
  /** Newest first; null until the first answer. */
  snapshots: readonly SnapshotInfo[] | null;
  error: string | null;
  reload: () => void;
  /** One snapshot's newer record (after Check again), in its place. */
  update: (snapshot: SnapshotInfo) => void;
}

/** The snapshots in the backup folder, reloaded whenever the core says backups changed or the data was restored. */
export function useSnapshots(): SnapshotList {
  const [snapshots, setSnapshots] = useState<readonly SnapshotInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    latest.current += 1;
    const request = latest.current;
    invoke('backups.list', {}).then(
      (answer) => {
        if (request !== latest.current) return;
        setSnapshots(answer.snapshots);
        setError(null);
      },
      (thrown: unknown) => request === latest.current && setError(toCrmError(thrown).message),
    );
  }, []);

  const update = useCallback((snapshot: SnapshotInfo) => {
    setSnapshots(
      (current) => current && current.map((candidate) => (candidate.id === snapshot.id ? snapshot : candidate)),
    );
  }, []);

  useEffect(() => {
    reload();
    const stops = [onEvent('backup.changed', reload), onEvent('data.restored', reload)];
    return () => {
      stops.forEach((stop) => stop());
      latest.current += 1;
    };
  }, [reload]);

  return { snapshots, error, reload, update };
}
