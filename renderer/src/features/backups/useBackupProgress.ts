import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import { onEvent } from '../../api';

export type BackupProgress = EventPayload<'backup.progress'>;

/**
 * The newest backup.progress event while `listening` (a job this window
 * started is running); null before the first one and whenever not listening,
 * so one job's last value never shows at the start of the next.
 */
export function useBackupProgress(listening: boolean): BackupProgress | null {
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  useEffect(() => {
    if (!listening) return;
    const stop = onEvent('backup.progress', setProgress);
    // Cleared when the job ends, so its last value never shows at the start of the next.
    return () => {
      stop();
      setProgress(null);
    };
  }, [listening]);
  return listening ? progress : null;
}
