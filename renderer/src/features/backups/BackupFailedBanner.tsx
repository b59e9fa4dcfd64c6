import { Button } from '../../components/Button';
import { WindowBanner } from '../../components/WindowBanner';
import { longTime } from '../../lib/format';
import { useBackups } from './backupsContext';

/** A failed backup is loud: across the top of the window, on every screen, until a backup succeeds. */
export function BackupFailedBanner() {
  const { failure, backingUp, backUpNow } = useBackups();
  if (!failure) return null;
  return (
    <WindowBanner
      tone="danger"
      icon="alert"
      title="The last backup failed"
      actions={
        // aria-disabled, not disabled, while it runs: a disabled button drops keyboard focus.
        <Button
          variant="secondary"
          size="small"
          icon="backups"
          aria-disabled={backingUp}
          onClick={() => !backingUp && backUpNow()}
        >
          {backingUp ? 'Backing up…' : 'Back up now'}
        </Button>
      }
    >
      {failure.message} <span className="window-banner__when">({longTime(failure.at)})</span>
    </WindowBanner>
  );
}
