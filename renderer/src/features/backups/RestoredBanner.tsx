import { Button } from '../../components/Button';
import { WindowBanner } from '../../components/WindowBanner';
import { timeInSentence } from '../../lib/format';
import { useBackups } from './backupsContext';
import { snapshotInSentence } from './snapshotWords';

/** After a restore: what happened, and the way back to the data from before it, until the user closes it. */
export function RestoredBanner() {
  const { status, dismissedRestore, dismissRestore, askRestore } = useBackups();
  const undo = status?.undoRestore;
  if (!undo || dismissedRestore === undo.restoredAt) return null;
  // The core records what was restored, so the banner says the same after a relaunch.
  const what =
    undo.restoredFrom.kind === 'file'
      ? `Your data was restored from the backup file “${undo.restoredFrom.name}” (made ${timeInSentence(undo.restoredFrom.createdAt)}).`
      : `Your data was restored from ${snapshotInSentence(undo.restoredFrom)}.`;
  return (
    <WindowBanner
      tone="info"
      icon="restore"
      title="Backup restored"
      actions={
        <Button size="small" onClick={() => askRestore({ kind: 'undo', restoredAt: undo.restoredAt })}>
          Return to the data from before the restore
        </Button>
      }
      onDismiss={() => dismissRestore(undo.restoredAt)}
    >
      {what} Your data from before the restore was kept as a backup.
    </WindowBanner>
  );
}
