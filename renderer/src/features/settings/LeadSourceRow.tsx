import { useId, useState } from 'react';
import { leadSourceLimits, type LeadSource } from '../../../../shared/schemas/lead-source';
import { invoke } from '../../api';
import { Button, IconButton } from '../../components/Button';
import { Field } from '../../components/Field';
import { countOf } from '../../lib/format';
import { useUnsavedWork } from '../../lib/unsavedContext';
import type { MoveDirection } from '../../lib/reorder';
import { InlineEditForm } from './InlineEditForm';
import { problemFor } from './problemFor';
import { useNativelyConfirmedDelete } from './useNativelyConfirmedDelete';
import { useInlineEdit } from './useInlineEdit';

interface LeadSourceRowProps {
  source: LeadSource;
  /** Where it stands in the list, for Move up / Move down. */
  first: boolean;
  last: boolean;
  /** Marks a move button so the focus finds it again after the rows reorder. */
  moveButton: (direction: MoveDirection) => { 'data-move': string };
  onMove: (direction: MoveDirection) => void;
  /** A change was saved (or the source is gone): the list reloads. */
  onChanged: () => void;
}

/** "2 contacts and 1 company", or '' when no record has the source. */
export function recordsWords(counts: LeadSource['counts']): string {
  return [
    counts.contact > 0 ? countOf(counts.contact, 'contact', 'contacts') : '',
    counts.company > 0 ? countOf(counts.company, 'company', 'companies') : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/** One lead source in Settings: how many records have it; rename in place (every record follows); move; delete (Rolodesk asks in its own dialog, saying what it clears). */
export function LeadSourceRow({ source, first, last, moveButton, onMove, onChanged }: LeadSourceRowProps) {
  const nameId = useId();
  const { editButtonRef, ...inline } = useInlineEdit({ saved: 'Lead source saved', onChanged });
  const [name, setName] = useState(source.name);
  const [error, setError] = useState<string | undefined>();
  const deletion = useNativelyConfirmedDelete(
    () => invoke('leadSources.delete', { id: source.id, clearOnRecords: true }),
    `Lead source “${source.name}” deleted`,
    onChanged,
  );
  const onRecords = recordsWords(source.counts);

  function startEditing() {
    setName(source.name);
    setError(undefined);
    inline.start();
  }

  async function commit(): Promise<boolean> {
    if (name.trim() === '') {
      setError('Please enter a name.');
      return false;
    }
    return inline.commit(
      () => invoke('leadSources.rename', { id: source.id, name }),
      (problem) => setError(problemFor('name', problem)),
    );
  }
  useUnsavedWork(inline.editing && name !== source.name, `the lead source “${source.name}”`, commit);

  if (inline.editing) {
    return (
      <li className="settings-item settings-item--editing">
        <InlineEditForm
          inline={inline}
          label={`Edit lead source ${source.name}`}
          saveLabel="Save lead source"
          onSave={commit}
        >
          <Field
            id={nameId}
            label="Name"
            value={name}
            error={error}
            limit={leadSourceLimits.name}
            onChange={(event) => setName(event.target.value)}
          />
        </InlineEditForm>
      </li>
    );
  }

  return (
    <li className="settings-item">
      <div className="settings-item__main">
        <span className="settings-item__name">{source.name}</span>
        <span className="settings-item__detail">{onRecords === '' ? 'No record has it' : `On ${onRecords}`}</span>
      </div>
      <div className="settings-item__actions">
        <IconButton
          icon="arrowUp"
          label={`Move ${source.name} up`}
          {...moveButton('up')}
          disabled={first}
          onClick={() => onMove('up')}
        />
        <IconButton
          icon="arrowDown"
          label={`Move ${source.name} down`}
          {...moveButton('down')}
          disabled={last}
          onClick={() => onMove('down')}
        />
        <Button
          ref={editButtonRef}
          size="small"
          variant="subtle"
          icon="edit"
          aria-label={`Edit ${source.name}`}
          onClick={startEditing}
        >
          Edit
        </Button>
        <Button
          size="small"
          variant="ghost"
          icon="trash"
          aria-label={`Delete ${source.name}`}
          aria-disabled={deletion.busy}
          onClick={deletion.run}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
