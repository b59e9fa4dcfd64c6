import { useId, useState } from 'react';
import { customFieldLimits, type CustomField } from '../../../../shared/schemas/custom-field';
import { invoke } from '../../api';
import { Button, IconButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { fieldFormErrorsOf, type FieldFormErrors } from '../custom-fields/customFieldForm';
import { choiceChanges, draftsOf } from './choiceDrafts';
import { ChoicesEditor } from './ChoicesEditor';
import { customFieldTypeLabels, recordsOfKind } from './customFieldWords';
import { useViewsUsing } from '../views/useViewsUsing';
import { viewsUsingWords } from '../views/viewProblems';
import { useConfirmedDelete } from './useConfirmedDelete';
import { InlineEditForm } from './InlineEditForm';
import { useInlineEdit } from './useInlineEdit';
import { useUnsavedWork } from '../../lib/unsavedContext';

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
  const idPrefix = useId();
  const inline = useInlineEdit({ saved: 'Field saved', onChanged });
  const [label, setLabel] = useState(field.label);
  const [choices, setChoices] = useState(() => draftsOf(field.choices));
  const [errors, setErrors] = useState<FieldFormErrors>({});
  const deletion = useConfirmedDelete(() => invoke('customFields.delete', { id: field.id }), `Field “${field.label}” deleted`, onChanged);
  // The confirmation waits for the answer, so it can name the views the delete breaks.
  const usage = useViewsUsing(deletion.confirming ? { kind: 'customField', id: field.id } : null);

  const commit = () =>
    inline.commit(
      () => invoke('customFields.update', field.type === 'choice' ? { id: field.id, label, ...choiceChanges(choices) } : { id: field.id, label }),
      (error) => setErrors(fieldFormErrorsOf(error)),
    );
  const edited = label !== field.label || JSON.stringify(choices) !== JSON.stringify(draftsOf(field.choices));
  useUnsavedWork(inline.editing && edited, `the field “${field.label}”`, commit);

  if (inline.editing) {
    return (
      <li className="settings-item settings-item--editing" data-field-id={field.id}>
        <InlineEditForm inline={inline} label={`Edit field ${field.label}`} saveLabel="Save field" onSave={commit}>
          <Field id={`${idPrefix}-label`} label="Label" value={label} error={errors.label} limit={customFieldLimits.label} autoFocus onChange={(event) => setLabel(event.target.value)} />
          {field.type === 'choice' && <ChoicesEditor drafts={choices} error={errors.choices} onChange={setChoices} />}
        </InlineEditForm>
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
            setChoices(draftsOf(field.choices));
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
      {deletion.confirming && usage && (
        <ConfirmDialog
          title={`Delete the field “${field.label}”?`}
          message={[`Its values on all ${recordsOfKind[field.kind]} are removed too.`, viewsUsingWords(usage.views, 'customField'), 'This cannot be undone.'].filter(Boolean).join(' ')}
          confirmLabel="Delete field"
          busy={deletion.busy}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
        />
      )}
    </li>
  );
}
