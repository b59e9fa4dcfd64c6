import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { backupPasswordLimit } from '../../../../shared/schemas/backup';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import './BackupEncryption.css';

/** What the user typed to open an encrypted backup: the password or, if it is lost, the recovery key. */
export type TypedSecret = { password: string; remember: boolean } | { recoveryKey: string; remember: false };

interface BackupPasswordPromptProps {
  title: string;
  /** One sentence: why the password is needed now. */
  description: string;
  confirmLabel: string;
  /** Why the last try did not open, shown under the field (focus goes back to it). */
  problem: string | null;
  busy: boolean;
  /** Offer "Remember on this computer" (the backup password of this computer's backups, when it can keep secrets). */
  offerRemember: boolean;
  onSubmit: (secret: TypedSecret) => void;
  onCancel: () => void;
}

/** Asks for a backup's password, or its recovery key through a link; a wrong one is said under the field. */
export function BackupPasswordPrompt({
  title,
  description,
  confirmLabel,
  problem,
  busy,
  offerRemember,
  onSubmit,
  onCancel,
}: BackupPasswordPromptProps) {
  const id = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  const [text, setText] = useState('');
  const [remember, setRemember] = useState(false);
  const [empty, setEmpty] = useState(false);

  // A try that did not open: back to the field, its text selected, ready to be typed again.
  useEffect(() => {
    if (problem) fieldRef.current?.select();
  }, [problem]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (text.length === 0) {
      setEmpty(true);
      fieldRef.current?.focus();
      return;
    }
    onSubmit(
      useRecoveryKey ? { recoveryKey: text, remember: false } : { password: text, remember: offerRemember && remember },
    );
  }

  function switchTo(recovery: boolean) {
    setUseRecoveryKey(recovery);
    setText('');
    setEmpty(false);
    // The field keeps its place: focus stays where the user types next.
    requestAnimationFrame(() => fieldRef.current?.focus());
  }

  const error = empty ? (useRecoveryKey ? 'Type the recovery key.' : 'Type the password.') : (problem ?? undefined);
  return (
    <Dialog title={title} description={description} onCancel={() => !busy && onCancel()} initialFocus={fieldRef}>
      <form noValidate onSubmit={submit}>
        <div className="dialog__body backup-password">
          <Field
            key={useRecoveryKey ? 'recovery' : 'password'}
            id={`${id}-secret`}
            label={useRecoveryKey ? 'Recovery key' : 'Backup password'}
            hint={
              useRecoveryKey
                ? 'The key shown when encryption was turned on, like ABCD-EFGH-… (case and spaces do not matter).'
                : undefined
            }
            type={useRecoveryKey ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            inputRef={fieldRef}
            value={text}
            limit={useRecoveryKey ? 200 : backupPasswordLimit}
            error={error}
            onChange={(event) => {
              setText(event.target.value);
              setEmpty(false);
            }}
          />
          {offerRemember && !useRecoveryKey && (
            <label className="backup-password__check">
              <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
              <span>Remember on this computer</span>
            </label>
          )}
          <button type="button" className="backup-password__switch" onClick={() => switchTo(!useRecoveryKey)}>
            {useRecoveryKey ? 'Use the password instead' : 'Forgot the password? Use the recovery key'}
          </button>
        </div>
        <div className="dialog__actions">
          <Button onClick={() => !busy && onCancel()}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={busy}>
            {busy ? 'Opening…' : confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
