import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { TrashEntry, TrashPreview } from '../../../../shared/schemas/trash';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { goesLines, staysLines } from './trashWords';
import './DeleteForeverDialog.css';

interface DeleteForeverDialogProps {
  entry: TrashEntry;
  onDeleted: () => void;
  /** The entry is gone meanwhile: true when the screen took care of it (said so, reloaded). */
  onGone: (error: unknown) => boolean;
  /** What the entry holds changed meanwhile: the screen's list is out of date too. */
  onChangedMeanwhile: () => void;
  onCancel: () => void;
}

/**
 * Shows, before deleting an entry for good, exactly what goes and what
 * stays (the core's preview). The question itself is Rolodesk's native
 * dialog (main asks it whoever sends the delete): "no" there closes this
 * quietly. The delete removes exactly what was shown, or is refused when it
 * changed meanwhile, and then the new list is shown.
 */
export function DeleteForeverDialog({
  entry,
  onDeleted,
  onGone,
  onChangedMeanwhile,
  onCancel,
}: DeleteForeverDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const goesId = useId();
  const staysId = useId();
  const [preview, setPreview] = useState<TrashPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const [busy, setBusy] = useState(false);

  // The screen's handler may be a new function each render; the preview loads once per entry all the same.
  const latestOnGone = useRef(onGone);
  useEffect(() => {
    latestOnGone.current = onGone;
  });
  const failed = useCallback((error: unknown) => {
    if (!latestOnGone.current(error)) setProblem(toCrmError(error).message);
  }, []);
  const load = useCallback(() => {
    invoke('trash.preview', { trashId: entry.id }).then(setPreview, failed);
  }, [entry.id, failed]);
  useEffect(load, [load]);
  // The Delete button was disabled under the keyboard user's focus while the new list loaded: Cancel, the safe choice, takes it.
  useEffect(() => {
    if (changedMeanwhile && !busy) cancelRef.current?.focus();
  }, [changedMeanwhile, busy]);

  function deleteForever(shown: TrashPreview) {
    setBusy(true);
    setProblem(null);
    invoke('trash.deleteForever', { trashId: entry.id, planKey: shown.planKey })
      .then(onDeleted, (error: unknown) => {
        const { code } = toCrmError(error);
        if (code === 'CANCELLED') return onCancel();
        if (code !== 'CONFLICT') return failed(error);
        setChangedMeanwhile(true);
        setPreview(null);
        load();
        onChangedMeanwhile();
      })
      .finally(() => setBusy(false));
  }

  const stays = preview ? staysLines(preview) : [];
  return (
    <Dialog
      title={`Delete “${entry.label}” forever?`}
      description="Everything under “Goes for good” will be gone for good. Rolodesk asks you to confirm before anything goes."
      onCancel={onCancel}
      initialFocus={cancelRef}
      size="medium"
    >
      <div className="delete-forever">
        {changedMeanwhile && (
          <WarningBanner>
            What would go changed meanwhile (something was restored or deleted elsewhere). Nothing was deleted: check
            the list again.
          </WarningBanner>
        )}
        {problem && <ErrorBanner>{problem}</ErrorBanner>}
        {!preview && !problem && <p className="dialog__message">Working out what would go…</p>}
        {preview && (
          <>
            <h3 id={goesId} className="delete-forever__heading">
              Goes for good
            </h3>
            <ul aria-labelledby={goesId} className="delete-forever__list">
              {goesLines(preview).map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
            {stays.length > 0 && (
              <>
                <h3 id={staysId} className="delete-forever__heading">
                  Stays
                </h3>
                <ul aria-labelledby={staysId} className="delete-forever__list">
                  {stays.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
      <div className="dialog__actions">
        <Button ref={cancelRef} onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="danger"
          icon="trash"
          onClick={() => preview && deleteForever(preview)}
          disabled={busy || !preview}
        >
          Delete forever…
        </Button>
      </div>
    </Dialog>
  );
}
