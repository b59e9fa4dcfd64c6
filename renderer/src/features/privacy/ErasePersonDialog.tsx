import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ErasePreview } from '../../../../shared/schemas/privacy';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { goesLines, staysLines } from './privacyWords';
import './ErasePersonDialog.css';

interface ErasePersonDialogProps {
  contact: { id: number; name: string };
  onErased: () => void;
  onCancel: () => void;
}

/**
 * Asks before erasing a person for good: what goes, what stays, and which
 * backups still hold them (the core's preview). Erasing then asks once more in
 * a window of the computer's own, which the page cannot answer for the user.
 */
export function ErasePersonDialog({ contact, onErased, onCancel }: ErasePersonDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const goesId = useId();
  const staysId = useId();
  const [preview, setPreview] = useState<ErasePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    invoke('privacy.erasePreview', { contactId: contact.id }).then(setPreview, (error: unknown) =>
      setProblem(toCrmError(error).message),
    );
  }, [contact.id]);
  useEffect(load, [load]);

  function erase(shown: ErasePreview) {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    invoke('privacy.erase', { contactId: contact.id, planKey: shown.planKey })
      .then(onErased, (error: unknown) => {
        const crmError = toCrmError(error);
        if (crmError.code === 'CANCELLED') setNotice(crmError.message);
        else if (crmError.code === 'CONFLICT') {
          setNotice(crmError.message);
          setPreview(null);
          load();
        } else setProblem(crmError.message);
        cancelRef.current?.focus();
      })
      .finally(() => setBusy(false));
  }

  const stays = preview ? staysLines(preview) : [];
  return (
    <Dialog
      title={`Erase ${contact.name} for good?`}
      description="Everything under “Goes for good” is removed now, without going to the trash. This cannot be undone."
      onCancel={onCancel}
      initialFocus={cancelRef}
      size="medium"
    >
      <div className="erase-person">
        {notice && <WarningBanner>{notice}</WarningBanner>}
        {problem && <ErrorBanner>{problem}</ErrorBanner>}
        {!preview && !problem && <p className="dialog__message">Working out what would go…</p>}
        {preview && (
          <>
            {preview.inTrash && (
              <p className="dialog__message">{preview.name} is in the trash; erasing takes them out of it too.</p>
            )}
            <h3 id={goesId} className="erase-person__heading">
              Goes for good
            </h3>
            <ul aria-labelledby={goesId} className="erase-person__list">
              {goesLines(preview).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {stays.length > 0 && (
              <>
                <h3 id={staysId} className="erase-person__heading">
                  Stays
                </h3>
                <ul aria-labelledby={staysId} className="erase-person__list">
                  {stays.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="erase-person__backups">{preview.backups.note}</p>
            <p className="erase-person__record">
              Rolodesk keeps only a note that a contact was erased on this day, without their name.
            </p>
          </>
        )}
        {busy && (
          <p className="dialog__message" role="status">
            Confirm in the window Rolodesk opened. Erasing can take a few seconds in a large address book…
          </p>
        )}
      </div>
      <div className="dialog__actions">
        <Button ref={cancelRef} onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" icon="trash" onClick={() => preview && erase(preview)} disabled={busy || !preview}>
          Erase for good…
        </Button>
      </div>
    </Dialog>
  );
}
