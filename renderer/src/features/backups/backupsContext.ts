import { createContext, useContext } from 'react';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import type { BackupFailure } from './useBackupStatus';
import type { RestoreTarget } from './useRestoreFlow';

/** Backups as the whole window sees them: the screen, the banners, the menu and the recovery screen share one state. */
export interface Backups {
  /** null until the first answer. */
  status: BackupStatus | null;
  statusError: string | null;
  reloadStatus: () => void;
  replaceStatus: (status: BackupStatus) => void;
  /** A backup failure to show loudly, until a backup succeeds. */
  failure: BackupFailure | null;
  /** Back up now is running. */
  backingUp: boolean;
  /** How far it is, 0 to 1, once the core reports. */
  backupFraction: number | null;
  backUpNow: () => void;
  exportBackup: () => void;
  /** The restore dialog, with its list of snapshots. */
  openRestore: () => void;
  /** Asks before restoring one target (a row's Restore…, the banner's undo). */
  askRestore: (target: RestoreTarget) => void;
  /** Restores without asking (the recovery screen: the current data is already lost). */
  restoreNow: (target: RestoreTarget) => void;
  /** restoredAt of the undo banner the user closed. */
  dismissedRestore: string | null;
  dismissRestore: (restoredAt: string) => void;
}

export const BackupsContext = createContext<Backups | null>(null);

export function useBackups(): Backups {
  const backups = useContext(BackupsContext);
  if (!backups) throw new Error('useBackups needs a BackupsProvider above it');
  return backups;
}
