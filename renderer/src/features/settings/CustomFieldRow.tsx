import { useId, useState } from 'react';
import { customFieldLimits, type CustomField } from '../../../../shared/schemas/custom-field';
import { invoke } from '../../api';
import { Button, IconButton } from '../../components/Button';
import { Field } from '../../components/Field';
import { fieldFormErrorsOf, type FieldFormErrors } from '../custom-fields';
import { choiceChanges, draftsOf } from './choiceDrafts';
import { ChoicesEditor } from './ChoicesEditor';
import { customFieldTypeLabels } from './customFieldWords';
import { useNativelyConfirmedDelete } from './useNativelyConfirmedDelete';
import { InlineEditForm } from './InlineEditForm';
import { useInlineEdit } from './useInlineEdit';
import { useUnsavedWork } from '../../lib/unsavedContext';
import type { MoveDirection } from '../../lib/reorder';

interface CustomFieldRowProps {
  field: CustomField;
  isFirst: boolean;
  isLast: boolean;
  /** Marks a move button so the focus finds it again after the rows reorder. */
  moveButton: (direction: MoveDirection) => { 'data-move': string };
  onMove: (field: CustomField, direction: MoveDirection) => void;
  /** A change was saved (or the field is gone): the list reloads. */
  onChanged: () => void;
}

/** One field in Settings: its label and type; move up and down, rename (and edit choices), delete (Rolodesk asks in its own dialog). */
export function CustomFieldRow({ field, isFirst, isLast, moveButton, onMove, onChanged }: CustomFieldRowProps) {
  const idPrefix = useId();
  const { editButtonRef, ...inline } = useInlineEdit({ saved: 'Field saved', onChanged });
  const [label, setLabel] = useState(field.label);
  const [choices, setChoices] = useState(() => draftsOf(field.choices));
  const [errors, setErrors] = useState<FieldFormErrors>({});
  const deletion = useNativelyConfirmedDelete(
    () => invoke('customFields.delete', { id: field.id }),
    `Field “${field.label}” deleted`,
    onChanged,
  );

  const commit = () =>
    inline.commit(
      () =>
        invoke(
          'customFields.update',
          field.type === 'choice' ? { id: field.id, label, ...choiceChanges(choices) } : { id: field.id, label },
        ),
      (error) => setErrors(fieldFormErrorsOf(error)),
    );
  const edited = label !== field.label || JSON.stringify(choices) !== JSON.stringify(draftsOf(field.choices));
  useUnsavedWork(inline.editing && edited, `the field “${field.label}”`, commit);

  if (inline.editing) {
    return (
      <li className="settings-item settings-item--editing">
        <InlineEditForm inline={inline} label={`Edit field ${field.label}`} saveLabel="Save field" onSave={commit}>
          <Field
            id={`${idPrefix}-label`}
            label="Label"
            value={label}
            error={errors.label}
            limit={customFieldLimits.label}
            onChange={(event) => setLabel(event.target.value)}
          />
          {field.type === 'choice' && <ChoicesEditor drafts={choices} error={errors.choices} onChange={setChoices} />}
        </InlineEditForm>
      </li>
    );
  }

  return (
    <li className="settings-item">
      <div className="settings-item__main settings-item__main--stacked">
        <span className="settings-item__name">{field.label}</span>
        <span className="settings-item__detail">
          {customFieldTypeLabels[field.type]}
          {field.type === 'choice' && `: ${field.choices.join(', ')}`}
        </span>
      </div>
      <div className="settings-item__actions">
        {/* aria-disabled, not disabled, at the ends: the button keeps focus after a move takes it to the top or bottom. */}
        <IconButton
          icon="arrowUp"
          label={`Move ${field.label} up`}
          {...moveButton('up')}
          aria-disabled={isFirst}
          onClick={() => !isFirst && onMove(field, 'up')}
        />
        <IconButton
          icon="arrowDown"
          label={`Move ${field.label} down`}
          {...moveButton('down')}
          aria-disabled={isLast}
          onClick={() => !isLast && onMove(field, 'down')}
        />
        <Button
          ref={editButtonRef}
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
        <Button
          size="small"
          variant="ghost"
          icon="trash"
          aria-label={`Delete ${field.label}`}
          aria-disabled={deletion.busy}
          onClick={deletion.run}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
