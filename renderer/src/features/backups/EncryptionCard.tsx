import { useCallback, useEffect, useState } from 'react';
import type { EncryptionStatus } from '../../../../shared/schemas/backup';
import { invoke, onEvent, toCrmError } from '../../api';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { BackupPasswordPrompt, type TypedSecret } from './BackupPasswordPrompt';
import { TurnOnEncryptionDialog } from './TurnOnEncryptionDialog';
import '../../styles/card.css';
import './BackupEncryption.css';

/** Settings › Backups › Encryption: off (offer to turn it on), or on (remembered or not, forget, turn off). */
export function EncryptionCard() {
  const showToast = useToast();
  const [status, setStatus] = useState<EncryptionStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Typing the password opens the key for this session: backups to a chosen folder go on, exports stop asking. */
  const [opening, setOpening] = useState<{ problem: string | null; busy: boolean } | null>(null);

  function open(secret: TypedSecret) {
    setOpening({ problem: null, busy: true });
    invoke('backupEncryption.unlock', secret).then(
      (next) => {
        setOpening(null);
        setStatus(next);
        showToast('The backup password is open for this session');
      },
      (thrown: unknown) => setOpening({ problem: toCrmError(thrown).message, busy: false }),
    );
  }

  const reload = useCallback(() => {
    invoke('backupEncryption.status', {}).then(setStatus, (thrown: unknown) => setProblem(toCrmError(thrown).message));
  }, []);
  // A backup that failed for want of the key, or a restore, may have changed whether the key is open.
  useEffect(() => {
    reload();
    const stops = [
      onEvent('backup.changed', reload),
      onEvent('backup.failed', reload),
      onEvent('data.restored', reload),
    ];
    return () => stops.forEach((stop) => stop());
  }, [reload]);

  async function act(
    channel: 'backupEncryption.forget' | 'backupEncryption.turnOff',
    done: (next: EncryptionStatus) => string | null,
  ) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const next = await invoke(channel, {});
      setStatus(next);
      const said = done(next);
      if (said) showToast(said);
    } catch (thrown) {
      setProblem(toCrmError(thrown).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card encryption-card" aria-labelledby="encryption-title">
      <div>
        <h2 id="encryption-title" className="card__title">
          Encryption
        </h2>
        <p className="card__text">
          Exported backup files, and backups kept in a folder you chose, hold every client’s details. Encrypted, they
          open only with your backup password (or its recovery key), wherever they end up: a USB stick, a shared folder,
          an email.
        </p>
      </div>
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      {status?.damaged && (
        <WarningBanner title="The encryption key file is damaged">
          Backups are not exported until this is fixed. Turn encryption off and on again; backups already exported still
          open with their password or recovery key.
        </WarningBanner>
      )}
      {status && !status.on && (
        <div className="encryption-card__row">
          <p className="encryption-card__state">
            Off: exported backups and backups in a chosen folder are not encrypted.
          </p>
          <Button variant="primary" icon="shieldCheck" onClick={() => setChoosing(true)}>
            Encrypt backups that leave this computer
          </Button>
        </div>
      )}
      {status?.on && !status.damaged && (
        <div className="encryption-card__row">
          <p className="encryption-card__state">
            <strong>On.</strong> Exported backups and backups in a chosen folder are encrypted with your backup
            password.{' '}
            {status.remembered
              ? 'The password is remembered on this computer.'
              : 'The password is not remembered: Rolodesk asks for it when you export, and backups to a chosen folder wait until you type it.'}
          </p>
          <div className="encryption-card__buttons">
            {!status.unlocked && (
              <Button aria-disabled={busy} onClick={() => setOpening({ problem: null, busy: false })}>
                Type the password…
              </Button>
            )}
            {status.remembered && (
              <Button
                aria-disabled={busy}
                onClick={() =>
                  void act('backupEncryption.forget', () => 'The password is no longer remembered on this computer')
                }
              >
                Forget the remembered password
              </Button>
            )}
            <Button
              variant="danger"
              aria-disabled={busy}
              onClick={() =>
                void act('backupEncryption.turnOff', (next) => (next.on ? null : 'Backup encryption is off'))
              }
            >
              Turn off…
            </Button>
          </div>
        </div>
      )}
      {status?.on && status.damaged && (
        <div className="encryption-card__buttons">
          <Button
            variant="danger"
            aria-disabled={busy}
            onClick={() =>
              void act('backupEncryption.turnOff', (next) => (next.on ? null : 'Backup encryption is off'))
            }
          >
            Turn off…
          </Button>
        </div>
      )}
      {opening && status && (
        <BackupPasswordPrompt
          title="Type your backup password"
          description="Rolodesk keeps it open until it quits, so backups to a chosen folder go on and exports do not ask again."
          confirmLabel="Open"
          problem={opening.problem}
          busy={opening.busy}
          offerRemember={status.canRemember}
          onSubmit={open}
          onCancel={() => setOpening(null)}
        />
      )}
      {choosing && status && (
        <TurnOnEncryptionDialog
          canRemember={status.canRemember}
          onCancel={() => setChoosing(false)}
          onDone={() => {
            setChoosing(false);
            reload();
            showToast('Exported backups are now encrypted');
          }}
        />
      )}
    </section>
  );
}
