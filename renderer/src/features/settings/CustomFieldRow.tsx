import { useId, useState, type FormEvent } from 'react';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import { invoke, toCrmError } from '../../api';
import { Button, IconButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { choicesOf, fieldFormErrorsOf, type FieldFormErrors } from '../custom-fields/customFieldForm';
import { customFieldTypeLabels, recordsOfKind } from './customFieldWords';
import { useConfirmedDelete } from './useConfirmedDelete';
import { useInlineEdit } from './useInlineEdit';

interface CustomFieldRowProps {
  field: CustomField;
  isFirst: boolean;
  isLast: boolean;
  onMove(field: CustomField, direction: 'up' | 'down'): void;
  /** A change was saved (or the field is gone): the list reloads. */
  onChanged(): void;
}

/** One field in Settings: its label and type; move up and down, rename (and edit choices), delete after asking. */
export function CustomFieldRow({ field, isFirst, isLast, onMove, onChanged }: CustomFieldRowProps) {
  const showToast = useToast();
  const idPrefix = useId();
  const inline = useInlineEdit();
  const [label, setLabel] = useState(field.label);
  const [choices, setChoices] = useState(field.choices.join('\n'));
  const [errors, setErrors] = useState<FieldFormErrors>({});
  const [busy, setBusy] = useState(false);
  const deletion = useConfirmedDelete(() => invoke('customFields.delete', { id: field.id }), `Field “${field.label}” deleted`, onChanged);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await invoke('customFields.update', field.type === 'choice' ? { id: field.id, label, choices: choicesOf(choices) } : { id: field.id, label });
      inline.stop();
      showToast('Field saved');
      onChanged();
    } catch (thrown) {
      setErrors(fieldFormErrorsOf(toCrmError(thrown)));
    } finally {
      setBusy(false);
    }
  }

  if (inline.editing) {
    return (
      <li className="settings-item settings-item--editing" data-field-id={field.id}>
        <form className="settings-item__form" noValidate onSubmit={save} onKeyDown={inline.onFormKeyDown} aria-label={`Edit field ${field.label}`}>
          <Field id={`${idPrefix}-label`} label="Label" value={label} error={errors.label} autoFocus onChange={(event) => setLabel(event.target.value)} />
          {field.type === 'choice' && (
            <Field
              id={`${idPrefix}-choices`}
              label="Choices"
              hint="One choice per line. A choice still picked on a record cannot be removed."
              multiline
              rows={4}
              value={choices}
              error={errors.choices}
              onChange={(event) => setChoices(event.target.value)}
            />
          )}
          <div className="settings-item__actions">
            <Button size="small" onClick={inline.stop}>
              Cancel
            </Button>
            <Button size="small" type="submit" variant="primary" aria-disabled={busy}>
              Save field
            </Button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="settings-item" data-field-id={field.id}>
      <div className="settings-item__main settings-item__main--stacked">
        <span className="settings-item__name">{field.label}</span>
        <span className="settings-item__detail">
          {customFieldTypeLabels[field.type]}
          {field.type === 'choice' && `: ${field.choices.join(', ')}`}
        </span>
      </div>
      <div className="settings-item__actions">
        {/* aria-disabled, not disabled, at the ends: the button keeps focus after a move takes it to the top or bottom. */}
        <IconButton icon="arrowUp" label={`Move ${field.label} up`} data-move="up" aria-disabled={isFirst} onClick={() => !isFirst && onMove(field, 'up')} />
        <IconButton icon="arrowDown" label={`Move ${field.label} down`} data-move="down" aria-disabled={isLast} onClick={() => !isLast && onMove(field, 'down')} />
        <Button
          ref={inline.editButtonRef}
          size="small"
          variant="subtle"
          icon="edit"
          aria-label={`Edit ${field.label}`}
          onClick={() => {
            setLabel(field.label);
            setChoices(field.choices.join('\n'));
            setErrors({});
            inline.start();
          }}
        >
          Edit
        </Button>
        <Button size="small" variant="ghost" icon="trash" aria-label={`Delete ${field.label}`} onClick={deletion.ask}>
          Delete
        </Button>
      </div>
      {deletion.confirming && (
        <ConfirmDialog
          title={`Delete the field “${field.label}”?`}
          message={`Its values on all ${recordsOfKind[field.kind]} are removed too, and list filters that use it stop using it. This cannot be undone.`}
          confirmLabel="Delete field"
          busy={deletion.busy}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      )}
    </li>
  );
}
