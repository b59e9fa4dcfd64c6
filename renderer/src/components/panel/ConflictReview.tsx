import { useRef, useState } from 'react';
import { Button } from '../Button';
import { Dialog } from '../Dialog';
import type { Keep, ReviewRow } from './reviewRows';
import './ConflictReview.css';

interface ConflictReviewProps {
  /** The record's name, as its panel shows it. */
  name: string;
  noun: string;
  rows: readonly ReviewRow[];
  busy: boolean;
  /** Saves the saved version with the user's values where they chose to keep them. */
  onSave: (keep: Record<string, Keep>) => void;
  /** Drops the user's changes and shows the record as it is saved now. */
  onTakeSaved: () => void;
  onKeepEditing: () => void;
}

function whoChanged(row: ReviewRow): string {
  if (row.changedByYou && row.changedElsewhere) return 'Changed by you and elsewhere';
  return row.changedByYou ? 'You changed this' : 'Changed elsewhere';
}

/**
 * "Changed since you opened it: review": field by field, the user's version
 * beside the one saved meanwhile, each kept by a choice the user can see.
 */
export function ConflictReview({ name, noun, rows, busy, onSave, onTakeSaved, onKeepEditing }: ConflictReviewProps) {
  const [keep, setKeep] = useState<Record<string, Keep>>(() =>
    Object.fromEntries(rows.map((row) => [row.key, row.keep])),
  );
  const saveRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={`“${name}” changed since you opened it`}
      description={`This ${noun} was saved elsewhere after you opened it (a bulk change, a move on the board, another screen). Nothing of yours is saved yet: choose what to keep for each field.`}
      onCancel={onKeepEditing}
      initialFocus={saveRef}
      size="medium"
    >
      <div className="conflict-review">
        <div className="conflict-review__head" aria-hidden="true">
          <span>Field</span>
          <span>Your version</span>
          <span>Saved meanwhile</span>
        </div>
        {rows.map((row) => (
          <fieldset key={row.key} className="conflict-review__row">
            <legend className="conflict-review__field">
              {row.label}
              <span className="conflict-review__who">{whoChanged(row)}</span>
            </legend>
            {(['yours', 'saved'] as const).map((side) => (
              <label
                key={side}
                className={
                  keep[row.key] === side
                    ? 'conflict-review__choice conflict-review__choice--kept'
                    : 'conflict-review__choice'
                }
              >
                <input
                  type="radio"
                  name={`keep-${row.key}`}
                  checked={keep[row.key] === side}
                  onChange={() => setKeep((current) => ({ ...current, [row.key]: side }))}
                />
                <span className="visually-hidden">
                  {side === 'yours' ? 'Keep your version: ' : 'Keep the version saved meanwhile: '}
                </span>
                <span className="conflict-review__value">{side === 'yours' ? row.yours : row.saved}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="dialog__actions conflict-review__actions">
        <Button onClick={onKeepEditing} disabled={busy}>
          Keep editing
        </Button>
        <Button onClick={onTakeSaved} disabled={busy}>
          Discard mine, reload
        </Button>
        <Button ref={saveRef} variant="primary" aria-disabled={busy} onClick={() => !busy && onSave(keep)}>
          Save my choices
        </Button>
      </div>
    </Dialog>
  );
}
