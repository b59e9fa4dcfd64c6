import { useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import './BackupEncryption.css';

/**
 * The recovery key, shown this once: copy it, print it (a plain page with
 * nothing else on it), and say it is saved before closing. Escape does not
 * close it by accident.
 */
export function RecoveryKeySheet({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const id = useId();
  const keyRef = useRef<HTMLElement>(null);
  const [saved, setSaved] = useState(false);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const [nudge, setNudge] = useState(false);

  function copy() {
    navigator.clipboard.writeText(recoveryKey).then(
      () => setCopyNote('Copied. Paste it into your password manager or a document you keep safe.'),
      () => setCopyNote('It could not be copied here: select the key and copy it, or write it down.'),
    );
  }

  function done() {
    if (saved) onDone();
    else setNudge(true);
  }

  return (
    <Dialog
      title="Your recovery key"
      description="If the backup password is ever lost, this key still opens your encrypted backups. It is shown only now."
      onCancel={() => setNudge(!saved)}
    >
      <div className="dialog__body">
        <section className="recovery-key__sheet" aria-labelledby={`${id}-heading`}>
          <h3 id={`${id}-heading`} className="recovery-key__heading">
            Rolodesk backup recovery key
          </h3>
          <code ref={keyRef} className="recovery-key__key" aria-label="Recovery key">
            {recoveryKey}
          </code>
          <p className="recovery-key__print-note">
            Opens Rolodesk backups encrypted with your backup password. Keep it away from the computer and the backups.
          </p>
        </section>
        <div className="recovery-key__tools">
          <Button icon="copy" onClick={copy}>
            Copy
          </Button>
          <Button onClick={() => window.print()}>Print…</Button>
        </div>
        <p className="backup-password__note" aria-live="polite">
          {copyNote}
        </p>
        <label className="backup-password__check">
          <input
            type="checkbox"
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
            aria-describedby={nudge && !saved ? `${id}-nudge` : undefined}
          />
          <span>I have saved it somewhere safe</span>
        </label>
        {nudge && !saved && (
          <p id={`${id}-nudge`} className="backup-password__warning" role="alert">
            Save the key first: it will not be shown again.
          </p>
        )}
      </div>
      <div className="dialog__actions">
        {/* Not disabled: pressed too early, it says why it cannot close yet. */}
        <Button variant="primary" onClick={done}>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
