import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { invoke, onEvent, toCrmError } from '../../api';
import { useToast } from '../../components/Toast';
import { BackupsContext, type Backups } from './backupsContext';
import { ExportDialog } from './ExportDialog';
import { RestoreDialog } from './RestoreDialog';
import { useBackupProgress } from './useBackupProgress';
import { useBackupStatus } from './useBackupStatus';
import { useExportRun } from './useExportRun';
import { useRestoreFlow, type RestoreTarget } from './useRestoreFlow';

/** While a dialog is open it has the user's attention; the app behind it is inert. */
const dialogOpen = () => document.getElementById('root')?.hasAttribute('inert') ?? false;

interface BackupsProviderProps {
  /** In recovery there is no sound data to export; restoring is what the window is for. */
  mode: 'normal' | 'recovery';
  children: ReactNode;
}

/**
 * Owns the window's backup state and the jobs that outlive any one screen:
 * Back up now, the export and restore dialogs, File › Export Backup… and
 * File › Restore from Backup….
 */
export function BackupsProvider({ mode, children }: BackupsProviderProps) {
  const showToast = useToast();
  const backupStatus = useBackupStatus();
  const { reload: reloadStatus, noteFailure } = backupStatus;
  const [backingUp, setBackingUp] = useState(false);
  // A second click before the first has re-rendered must not start a second backup.
  const backupRunning = useRef(false);
  const backupProgress = useBackupProgress(backingUp);
  const [dismissedRestore, setDismissedRestore] = useState<string | null>(null);
  const exporting = useExportRun();

  const onRestored = useCallback(
    (target: RestoreTarget) => {
      reloadStatus();
      showToast(target.kind === 'undo' ? 'Your earlier data is back' : 'Backup restored');
    },
    [reloadStatus, showToast],
  );
  const restoring = useRestoreFlow({ onRestored });

  const backUpNow = useCallback(() => {
    if (backupRunning.current) return;
    backupRunning.current = true;
    setBackingUp(true);
    invoke('backups.create', {})
      .then(
        // Usable now; its checks follow, and the list shows them finish.
        () => showToast('Backup taken. Checking it now…'),
        // The core has announced it (backup.failed) unless it could not be reached at all.
        (thrown: unknown) => noteFailure(toCrmError(thrown).message),
      )
      .finally(() => {
        backupRunning.current = false;
        setBackingUp(false);
      });
  }, [noteFailure, showToast]);

  const { start: startExport } = exporting;
  const exportBackup = useCallback(() => {
    if (mode === 'normal') startExport();
  }, [mode, startExport]);

  const { openList, ask, run } = restoring;
  // A backup file opened from outside (double-clicked), before this window existed or while it is open: asked about once.
  useEffect(() => {
    const offerOpenedFile = () => {
      invoke('backups.openedFile', {})
        .then(({ fileName }) => fileName !== null && ask({ kind: 'opened', fileName }))
        .catch((thrown: unknown) =>
          showToast(`Rolodesk could not offer the backup file you opened: ${toCrmError(thrown).message}`),
        );
    };
    offerOpenedFile();
    return onEvent('backups.fileOpened', offerOpenedFile);
  }, [ask, showToast]);
  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (dialogOpen()) return;
        if (command === 'back-up-now') backUpNow();
        if (command === 'export-backup') exportBackup();
        if (command === 'restore-backup') openList();
      }),
    [backUpNow, exportBackup, openList],
  );

  const { status, error: statusError, failure, replace: replaceStatus } = backupStatus;
  const value = useMemo<Backups>(
    () => ({
      status,
      statusError,
      reloadStatus,
      replaceStatus,
      failure,
      backingUp,
      backupFraction: backupProgress?.job === 'snapshot' ? backupProgress.fraction : null,
      backUpNow,
      exportBackup,
      openRestore: openList,
      askRestore: ask,
      restoreNow: run,
      dismissedRestore,
      dismissRestore: setDismissedRestore,
    }),
    [
      status,
      statusError,
      reloadStatus,
      replaceStatus,
      failure,
      backingUp,
      backupProgress,
      backUpNow,
      exportBackup,
      openList,
      ask,
      run,
      dismissedRestore,
    ],
  );

  return (
    <BackupsContext.Provider value={value}>
      {children}
      {exporting.run && (
        <ExportDialog
          run={exporting.run}
          progress={exporting.progress}
          onStop={exporting.stop}
          onUnlock={exporting.unlock}
          onClose={exporting.dismiss}
        />
      )}
      {restoring.step && <RestoreDialog flow={restoring} recovering={mode === 'recovery'} />}
    </BackupsContext.Provider>
  );
}
