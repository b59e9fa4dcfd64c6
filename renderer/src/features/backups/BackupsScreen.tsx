import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { BackupOverview } from './BackupOverview';
import { EncryptionCard } from './EncryptionCard';
import { useBackups } from './backupsContext';
import { ScheduleForm } from './ScheduleForm';
import { SnapshotList } from './SnapshotList';
import { useSnapshots } from './useSnapshots';
import './BackupsScreen.css';

/** The Backups section: the last good backup and where backups go, Back up now, export and restore, the history, the schedule, encryption. */
export function BackupsScreen() {
  const { status, statusError, reloadStatus, backingUp, backUpNow, exportBackup, openRestore } = useBackups();
  const snapshots = useSnapshots();

  return (
    <Screen className="backups" titleId="backups-title">
      <ScreenHeader titleId="backups-title" title="Backups" className="backups__header">
        <div className="backups__actions">
          <Button icon="restore" onClick={openRestore}>
            Restore from backup…
          </Button>
          <Button icon="download" onClick={exportBackup}>
            Export backup…
          </Button>
          {/* aria-disabled, not disabled, while it runs: a disabled button drops keyboard focus. */}
          <Button variant="primary" icon="backups" aria-disabled={backingUp} onClick={() => !backingUp && backUpNow()}>
            {backingUp ? 'Backing up…' : 'Back up now'}
          </Button>
        </div>
      </ScreenHeader>
      <div className="backups__body">
        {statusError && (
          <ErrorBanner
            title="Backup status could not be read"
            action={<Button onClick={reloadStatus}>Try again</Button>}
          >
            {statusError}
          </ErrorBanner>
        )}
        {status?.growthWarning && (
          <WarningBanner title="The backup folder keeps growing">{status.growthWarning}</WarningBanner>
        )}
        {status && (
          <BackupOverview
            status={status}
            checking={snapshots.snapshots?.some((snapshot) => snapshot.verifying) ?? false}
          />
        )}
        <SnapshotList list={snapshots} />
        {/* Reads the settings once: a status refresh (after every backup) never overwrites what the user is typing. */}
        {status && <ScheduleForm settings={status.settings} />}
        <EncryptionCard />
      </div>
    </Screen>
  );
}
