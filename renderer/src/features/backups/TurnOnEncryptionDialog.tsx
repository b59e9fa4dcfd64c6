import { useId, useRef, useState, type FormEvent } from 'react';
import { backupPasswordLimit } from '../../../../shared/schemas/backup';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import './BackupEncryption.css';

const minimumLength = 8;

interface TurnOnEncryptionDialogProps {
  /** Whether this computer can keep the password (otherwise "Remember" is off, with the reason). */
  canRemember: boolean;
  onDone: () => void;
  onCancel: () => void;
}

type Problems = { password?: string | undefined; repeat?: string | undefined; general?: string | undefined };

/** Choose the backup password (typed twice), optionally remember it; then the recovery key, shown this once. */
export function TurnOnEncryptionDialog({ canRemember, onDone, onCancel }: TurnOnEncryptionDialogProps) {
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [remember, setRemember] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (recoveryKey) return <RecoveryKeySheet recoveryKey={recoveryKey} onDone={onDone} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Problems = {};
    if ([...password].length < minimumLength)
      found.password = `At least ${minimumLength} characters. A few unrelated words are easy to remember and hard to guess.`;
    else if (repeat !== password) found.repeat = 'This is not the same as the password above.';
    setProblems(found);
    if (found.password) return passwordRef.current?.focus();
    if (found.repeat) return repeatRef.current?.focus();
    setBusy(true);
    try {
      const answer = await invoke('backupEncryption.turnOn', { password, remember: canRemember && remember });
      setPassword('');
      setRepeat('');
      setRecoveryKey(answer.recoveryKey);
    } catch (thrown) {
      const error = toCrmError(thrown);
      const passwordIssue = error.fields.find((issue) => issue.field === 'password');
      if (passwordIssue) {
        setProblems({ password: passwordIssue.message });
        passwordRef.current?.focus();
      } else setProblems({ general: error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="Encrypt backups that leave this computer"
      description="Exported backup files will need this password to be opened or restored. Keep it somewhere safe: without it or the recovery key, nobody can open them, not even you."
      onCancel={() => !busy && onCancel()}
      initialFocus={passwordRef}
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="dialog__body backup-password">
          {problems.general && <ErrorBanner title="Encryption was not turned on">{problems.general}</ErrorBanner>}
          <Field
            id={`${id}-password`}
            label="Backup password"
            type="password"
            autoComplete="new-password"
            inputRef={passwordRef}
            value={password}
            limit={backupPasswordLimit}
            error={problems.password}
            onChange={(event) => {
              setPassword(event.target.value);
              setProblems((current) => ({ ...current, password: undefined }));
            }}
          />
          <Field
            id={`${id}-repeat`}
            label="Type it again"
            type="password"
            autoComplete="new-password"
            inputRef={repeatRef}
            value={repeat}
            limit={backupPasswordLimit}
            error={problems.repeat}
            onChange={(event) => {
              setRepeat(event.target.value);
              // Once the two agree, the old "not the same" goes.
              if (event.target.value === password) setProblems((current) => ({ ...current, repeat: undefined }));
            }}
          />
          <label className="backup-password__check">
            <input
              type="checkbox"
              checked={canRemember && remember}
              disabled={!canRemember}
              aria-describedby={canRemember ? undefined : `${id}-no-remember`}
              onChange={(event) => setRemember(event.target.checked)}
            />
            <span>Remember on this computer</span>
          </label>
          <p id={`${id}-no-remember`} className="backup-password__note">
            {canRemember
              ? 'Then exporting does not ask for it. Restoring a file on another computer always does.'
              : 'Not available: this computer cannot keep passwords safely, so Rolodesk asks for it when you export.'}
          </p>
        </div>
        <div className="dialog__actions">
          <Button onClick={() => !busy && onCancel()}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={busy}>
            {busy ? 'Turning on…' : 'Turn on encryption'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
