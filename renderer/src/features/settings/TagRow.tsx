import { useId, useState } from 'react';
import { tagLimits, type Tag } from '../../../../shared/schemas/tag';
import { invoke } from '../../api';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { TagChip, TagColorPicker, taggedRecordsWords } from '../tags';
import { problemFor } from './problemFor';
import { useNativelyConfirmedDelete } from './useNativelyConfirmedDelete';
import { InlineEditForm } from './InlineEditForm';
import { useInlineEdit } from './useInlineEdit';
import { useUnsavedWork } from '../../lib/unsavedContext';

interface TagRowProps {
  tag: Tag;
  /** A change was saved (or the tag is gone): the list reloads. */
  onChanged: () => void;
}

/** One tag in Settings: how many records carry it; rename and recolour in place; delete (Rolodesk asks in its own dialog). */
export function TagRow({ tag, onChanged }: TagRowProps) {
  const nameId = useId();
  const { editButtonRef, ...inline } = useInlineEdit({ saved: 'Tag saved', onChanged });
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const [error, setError] = useState<string | undefined>();
  const deletion = useNativelyConfirmedDelete(
    () => invoke('tags.delete', { id: tag.id }),
    `Tag “${tag.name}” deleted`,
    onChanged,
  );
  const onRecords = taggedRecordsWords(tag.counts);

  function startEditing() {
    setName(tag.name);
    setColor(tag.color);
    setError(undefined);
    inline.start();
  }

  async function commit(): Promise<boolean> {
    if (name.trim() === '') {
      setError('Please enter a name.');
      return false;
    }
    return inline.commit(
      () => invoke('tags.update', { id: tag.id, name, color }),
      (error) => setError(problemFor('name', error)),
    );
  }
  useUnsavedWork(inline.editing && (name !== tag.name || color !== tag.color), `the tag “${tag.name}”`, commit);

  if (inline.editing) {
    return (
      <li className="settings-item settings-item--editing">
        <InlineEditForm inline={inline} label={`Edit tag ${tag.name}`} saveLabel="Save tag" onSave={commit}>
          <Field
            id={nameId}
            label="Name"
            value={name}
            error={error}
            limit={tagLimits.name}
            onChange={(event) => setName(event.target.value)}
          />
          <TagColorPicker label="Colour" value={color} onChange={setColor} />
        </InlineEditForm>
      </li>
    );
  }

  return (
    <li className="settings-item">
      <div className="settings-item__main">
        <TagChip tag={tag} />
        <span className="settings-item__detail">{onRecords === '' ? 'Not on any record' : `On ${onRecords}`}</span>
      </div>
      <div className="settings-item__actions">
        <Button
          ref={editButtonRef}
          size="small"
          variant="subtle"
          icon="edit"
          aria-label={`Edit ${tag.name}`}
          onClick={startEditing}
        >
          Edit
        </Button>
        <Button
          size="small"
          variant="ghost"
          icon="trash"
          aria-label={`Delete ${tag.name}`}
          aria-disabled={deletion.busy}
          onClick={deletion.run}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
