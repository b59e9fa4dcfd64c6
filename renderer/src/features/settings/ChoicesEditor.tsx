import { useEffect, useId, useRef } from 'react';
import { customFieldLimits } from '../../../../shared/schemas/custom-field';
import { Button, IconButton } from '../../components/Button';
import { FieldError } from '../../components/FieldError';
import { overLimit } from '../../components/lengthLimit';
import type { ChoiceDraft } from './choiceDrafts';

interface ChoicesEditorProps {
  drafts: readonly ChoiceDraft[];
  error: string | undefined;
  onChange: (drafts: ChoiceDraft[]) => void;
}

/**
 * A choice field's options, one input each: editing an option's text is a
 * rename (its records follow), Remove takes it out, Add a choice appends one.
 */
export function ChoicesEditor({ drafts, error, onChange }: ChoicesEditorProps) {
  const idPrefix = useId();
  const listRef = useRef<HTMLOListElement>(null);
  // After an add or a remove, the row (or button) that should have the cursor once the new list is rendered.
  const focusAt = useRef<number | null>(null);
  const problem =
    drafts
      .map((draft, index) => overLimit(`Choice ${index + 1}`, draft.text, customFieldLimits.choice))
      .find(Boolean) ?? error;
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;

  useEffect(() => {
    if (focusAt.current === null) return;
    const inputs = listRef.current?.querySelectorAll('input');
    (inputs?.[Math.min(focusAt.current, inputs.length - 1)] ?? document.getElementById(`${idPrefix}-add`))?.focus();
    focusAt.current = null;
  }, [drafts, idPrefix]);

  const nextKey = () => Math.max(-1, ...drafts.map((draft) => draft.key)) + 1;
  const edit = (key: number, text: string) =>
    onChange(drafts.map((draft) => (draft.key === key ? { ...draft, text } : draft)));

  return (
    <fieldset className="choices-editor" aria-describedby={[hintId, problem && errorId].filter(Boolean).join(' ')}>
      <legend className="field__label">Choices</legend>
      <p id={hintId} className="field__hint">
        Renaming a choice renames it on every record that has it. A choice still picked on a record cannot be removed.
      </p>
      <ol ref={listRef} className="choices-editor__list">
        {drafts.map((draft, index) => {
          const inputId = `${idPrefix}-${draft.key}`;
          const name = draft.text.trim() || 'the empty choice';
          return (
            <li key={draft.key} className="choices-editor__row">
              <label className="visually-hidden" htmlFor={inputId}>
                Choice {index + 1}
              </label>
              <input
                id={inputId}
                className="field__control"
                value={draft.text}
                autoComplete="off"
                aria-invalid={overLimit('', draft.text, customFieldLimits.choice) ? true : undefined}
                onChange={(event) => edit(draft.key, event.target.value)}
              />
              <IconButton
                icon="close"
                label={`Remove ${name}`}
                onClick={() => {
                  onChange(drafts.filter((other) => other.key !== draft.key));
                  focusAt.current = drafts.length > 1 ? index : Number.MAX_SAFE_INTEGER;
                }}
              />
            </li>
          );
        })}
      </ol>
      <Button
        id={`${idPrefix}-add`}
        size="small"
        icon="plus"
        onClick={() => {
          onChange([...drafts, { key: nextKey(), original: null, text: '' }]);
          focusAt.current = drafts.length;
        }}
      >
        Add a choice
      </Button>
      <FieldError id={errorId} message={problem} />
    </fieldset>
  );
}
