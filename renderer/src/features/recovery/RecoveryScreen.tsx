import { useCallback, useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../../../shared/schemas/backup';
import { invoke, onEvent, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { LogoMark } from '../../components/Logo';
import { useToast } from '../../components/Toast';
import { exactTime, fileSize, longTime } from '../../lib/format';
import { useBackups, contentsInWords, reasonInWords, VerifiedBadge } from '../backups';
import '../../styles/card.css';
import './RecoveryScreen.css';

/**
 * The whole window while the database is damaged: a calm account of what
 * happened, the newest verified backup to restore, and the other ways out.
 * Nothing here deletes anything: even starting empty leaves the damaged file where it is.
 */
export function RecoveryScreen() {
  const showToast = useToast();
  const { restoreNow } = useBackups();
  const [recovery, setRecovery] = useState<RecoveryStatus | null>(null);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const [confirmingEmpty, setConfirmingEmpty] = useState(false);
  const [startingEmpty, setStartingEmpty] = useState(false);

  const load = useCallback(() => {
    invoke('recovery.status', {}).then(setRecovery, (thrown: unknown) =>
      setProblem({ title: 'The details could not be read', message: toCrmError(thrown).message }),
    );
  }, []);

  // A restore that failed may have found the newest backup damaged too: read again after any backup news.
  useEffect(() => {
    load();
    const stops = [onEvent('backup.changed', load), onEvent('backup.failed', load)];
    return () => stops.forEach((stop) => stop());
  }, [load]);

  const attempt = (title: string, action: () => Promise<void>) => {
    setProblem(null);
    action().catch((thrown: unknown) => setProblem({ title, message: toCrmError(thrown).message }));
  };

  const copyDetails = () =>
    attempt('The details could not be copied', async () => {
      await invoke('recovery.copyDetails', {});
      showToast('Copied');
    });

  const openFolder = () =>
    attempt('The backups folder could not be opened', () => invoke('backups.openFolder', {}).then(() => undefined));

  async function startEmpty() {
    setStartingEmpty(true);
    try {
      // The window returns to normal when the core announces the new data (data.restored).
      await invoke('recovery.startEmpty', {});
    } catch (thrown) {
      setProblem({ title: 'Rolodesk could not start with empty data', message: toCrmError(thrown).message });
    } finally {
      setStartingEmpty(false);
      setConfirmingEmpty(false);
    }
  }

  const newest = recovery?.newestVerified ?? null;
  const movedTo = recovery?.movedTo ?? null;

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery__page">
        <div className="recovery__brand">
          <LogoMark size={32} />
          <span>Rolodesk</span>
        </div>
        <h1 id="recovery-title" className="recovery__title">
          Let’s get your data back
        </h1>
        <p className="recovery__lead">
          Rolodesk found a problem with its database file.
          {/* Only promised when there is one to restore: otherwise the card below says none was found. */}
          {newest && ' Your backups are safe.'}
          {movedTo && (
            <>
              {' '}
              The damaged file was kept in <span className="recovery__path">{movedTo}</span>, so nothing has been
              deleted.
            </>
          )}
        </p>

        {problem && <ErrorBanner title={problem.title}>{problem.message}</ErrorBanner>}

        {recovery === null && !problem && <p className="recovery__muted">Looking for your newest backup…</p>}

        {recovery && newest && (
          <section className="card recovery__card" aria-labelledby="recovery-newest">
            <div className="recovery__card-head">
              <h2 id="recovery-newest" className="recovery__card-title">
                Newest verified backup
              </h2>
              <VerifiedBadge snapshot={newest} />
            </div>
            <p className="recovery__when">
              <time dateTime={newest.createdAt} title={exactTime(newest.createdAt)}>
                {longTime(newest.createdAt)}
              </time>
            </p>
            <p className="recovery__details">
              <span>{contentsInWords(newest.counts)}</span>
              <span>{fileSize(newest.sizeBytes)}</span>
              <span>{reasonInWords(newest.reason)}</span>
            </p>
            <p className="recovery__muted">Anything entered after this backup was taken is not in it.</p>
            <div className="recovery__primary">
              <Button
                variant="primary"
                icon="restore"
                onClick={() => restoreNow({ kind: 'snapshot', snapshot: newest })}
              >
                Restore the newest backup
              </Button>
            </div>
          </section>
        )}

        {recovery && !newest && (
          <section className="card recovery__card" aria-labelledby="recovery-none">
            <div className="recovery__card-head">
              <h2 id="recovery-none" className="recovery__card-title">
                No verified backup was found
              </h2>
            </div>
            <p className="recovery__muted">
              If you exported a backup file, or keep backups in another folder, choose that file. Otherwise you can
              start again with empty data; the damaged file stays where it is.
            </p>
            <div className="recovery__primary">
              <Button variant="primary" icon="upload" onClick={() => restoreNow({ kind: 'file' })}>
                Choose a backup file…
              </Button>
              <Button onClick={() => setConfirmingEmpty(true)}>Start with empty data</Button>
            </div>
          </section>
        )}

        <div className="recovery__more">
          {newest && (
            <Button icon="upload" onClick={() => restoreNow({ kind: 'file' })}>
              Choose a backup file…
            </Button>
          )}
          <Button icon="folder" onClick={openFolder}>
            Open backups folder
          </Button>
          <Button icon="copy" onClick={copyDetails}>
            Copy error details
          </Button>
        </div>
        <p className="recovery__help">
          <Icon name="alert" size={14} />
          Not sure what to do? Copy the error details and send them to whoever looks after your computers.
        </p>
      </div>

      {confirmingEmpty && (
        <ConfirmDialog
          title="Start with empty data?"
          message={`Rolodesk will start again with no contacts or files. The damaged file stays where it is${movedTo ? ` (${movedTo})` : ''}, so it can still be looked at or rescued later.`}
          confirmLabel="Start with empty data"
          tone="safe"
          busy={startingEmpty}
          onConfirm={() => void startEmpty()}
          onCancel={() => setConfirmingEmpty(false)}
        />
      )}
    </main>
  );
}
