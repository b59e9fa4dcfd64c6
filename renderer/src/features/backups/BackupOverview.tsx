import { useState } from 'react';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { exactTime, timeInSentence } from '../../lib/format';
import { useBackups } from './backupsContext';
import '../../styles/card.css';
import './BackupOverview.css';

/** "every 15 minutes", "every hour", "every 2 hours". */
function everyInWords(minutes: number): string {
  if (minutes % 60 !== 0) return `every ${minutes} minutes`;
  return minutes === 60 ? 'every hour' : `every ${minutes / 60} hours`;
}

type FolderJob = 'choose' | 'default' | 'open';

interface BackupOverviewProps {
  status: BackupStatus;
  /** A backup is copied and its checks are running: it is not verified yet. */
  checking: boolean;
}

/** The first thing on the Backups screen: when the last good backup was taken, and where backups go. */
export function BackupOverview({ status, checking }: BackupOverviewProps) {
  const showToast = useToast();
  const { replaceStatus, backingUp, backupFraction, failure } = useBackups();
  const [job, setJob] = useState<FolderJob | null>(null);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const last = status.lastVerifiedAt;
  // Green only when all is well: no good backup yet, or a failing one, is amber.
  const tone = !last ? 'missing' : failure ? 'failing' : 'good';

  async function folderAction(which: FolderJob) {
    if (job) return;
    setJob(which);
    setProblem(null);
    try {
      if (which === 'open') {
        await invoke('backups.openFolder', {});
      } else {
        const next =
          which === 'choose'
            ? await invoke('backups.chooseLocation', {})
            : await invoke('backups.useDefaultLocation', {});
        replaceStatus(next);
        if (next.location !== status.location)
          showToast(which === 'choose' ? 'Backups now go to the new folder' : 'Backups go to the default folder again');
      }
    } catch (thrown) {
      const title = which === 'open' ? 'The backup folder could not be opened' : 'The backup folder was not changed';
      setProblem({ title, message: toCrmError(thrown).message });
    } finally {
      setJob(null);
    }
  }

  return (
    <section className="card backup-overview" aria-label="Backup status">
      <div className={`backup-overview__last backup-overview__last--${tone}`}>
        <span className="backup-overview__badge">
          <Icon name={tone === 'good' ? 'shieldCheck' : tone === 'missing' && checking ? 'clock' : 'alert'} size={22} />
        </span>
        <div className="backup-overview__summary">
          <p className="backup-overview__headline">
            {last ? (
              <>
                Last verified backup:{' '}
                <time dateTime={last} title={exactTime(last)}>
                  {timeInSentence(last)}
                </time>
              </>
            ) : checking ? (
              'Checking the first backup…'
            ) : (
              'No verified backup yet'
            )}
          </p>
          <p className="backup-overview__text">
            {tone === 'good' &&
              `Rolodesk backs up ${everyInWords(status.settings.intervalMinutes)} while you work, and checks every backup right after taking it.`}
            {tone === 'good' && checking && ' It is checking the newest one now.'}
            {tone === 'failing' &&
              'Newer backups have failed, so your latest changes are not in a backup yet. The message at the top of the window says why.'}
            {tone === 'missing' &&
              (checking
                ? 'A backup was taken and Rolodesk is checking it now. It counts as verified once the checks pass.'
                : 'Choose Back up now to take the first one. After that, Rolodesk backs up on its own while you work.')}
          </p>
          {backingUp && (
            <ProgressBar
              label="Backing up"
              percent={(backupFraction ?? 0) * 100}
              valueText={backupFraction === null ? 'Starting…' : `${Math.round(backupFraction * 100)}%`}
              state={backupFraction === null ? 'working' : 'measured'}
            />
          )}
        </div>
      </div>

      <div className="backup-overview__folder">
        <h2 className="card__title">Backup folder</h2>
        <p className="backup-overview__path">
          <Icon name="folder" size={16} />
          <span>{status.location}</span>
          {status.isDefaultLocation && <span className="backup-overview__tag">Default</span>}
          {status.locationEncrypted && (
            <span
              className="backup-overview__tag"
              title="Backups in this folder are encrypted with the backup password"
            >
              Encrypted
            </span>
          )}
        </p>
        <p className="backup-overview__text">
          Backups on the same drive as your data are lost with it if the computer breaks or is stolen, so choose a
          folder on an external drive or a synced cloud folder.
        </p>
        {problem && <ErrorBanner title={problem.title}>{problem.message}</ErrorBanner>}
        <div className="backup-overview__actions">
          <Button size="small" icon="external" onClick={() => void folderAction('open')}>
            Open folder
          </Button>
          <Button size="small" icon="folder" aria-disabled={job !== null} onClick={() => void folderAction('choose')}>
            {job === 'choose' ? 'Changing folder…' : 'Change folder…'}
          </Button>
          {!status.isDefaultLocation && (
            <Button
              size="small"
              variant="subtle"
              aria-disabled={job !== null}
              onClick={() => void folderAction('default')}
            >
              Use the default folder
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}
