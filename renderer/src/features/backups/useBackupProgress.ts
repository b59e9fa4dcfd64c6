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
    setProgress(null);
    if (!listening) return;
    return onEvent('backup.progress', setProgress);
  }, [listening]);
  return listening ? progress : null;
}
