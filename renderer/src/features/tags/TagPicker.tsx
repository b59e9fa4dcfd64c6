import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldedRef } from '../../../../shared/schemas/record';
import { tagColors, tagLimits, type Tag } from '../../../../shared/schemas/tag';
import { invoke, toCrmError } from '../../api';
import { Combobox } from '../../components/combobox/Combobox';
import { Icon } from '../../components/Icon';
import { overLimit } from '../../components/lengthLimit';
import { TagChip } from './TagChip';
import { tagOptions, type TagOption } from './tagOptions';
import { useTags } from './useTags';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import './TagPicker.css';
import { matchesShortcut } from '../../../../shared/shortcuts';

interface TagPickerProps {
  /** A saved record: each add and remove is saved at once. */
  record: FieldedRef;
  /** Its tags as the panel loaded them; the picker keeps them up to date from then on. */
  tagIds: readonly number[];
}

const optionKey = (option: TagOption) => (option.type === 'tag' ? `tag-${option.tag.id}` : 'create');

/**
 * A record's tags as chips, and a box to add one: type to narrow the tags,
 * arrows to choose, Enter to add (or create a tag with the typed name),
 * Escape to close the list. Every change is saved straight away.
 */
export function TagPicker({ record, tagIds: loadedTagIds }: TagPickerProps) {
  const inputId = useId();
  const { tags, error: listError, reload } = useTags();
  const [tagIds, setTagIds] = useState<readonly number[]>(loadedTagIds);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const submitting = useSubmitOnce();
  const busy = submitting.running;
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const chosen = tagIds;
  const options = tags ? tagOptions(tags, chosen, typed) : [];
  const expanded = open && options.length > 0;
  const byId = new Map((tags ?? []).map((tag) => [tag.id, tag]));
  const tooLongName = overLimit('A tag name', typed.trim(), tagLimits.name);

  async function run(change: () => Promise<{ tagIds: number[] }>) {
    if (!submitting.begin()) return false;
    setProblem(null);
    try {
      const result = await change();
      setTagIds(result.tagIds);
      return true;
    } catch (thrown) {
      setProblem(toCrmError(thrown).message);
      return false;
    } finally {
      submitting.end();
      reload();
    }
  }

  async function choose(option: TagOption) {
    const added = await run(async () => {
      // A new tag gets the next colour in turn, so tags made one after another are told apart at a glance.
      const tag: Pick<Tag, 'id'> =
        option.type === 'tag'
          ? option.tag
          : await invoke('tags.create', {
              name: option.name,
              color: tagColors[(tags?.length ?? 0) % tagColors.length] ?? 'gray',
            });
      return invoke('tags.link', { record, tagId: tag.id });
    });
    if (added) {
      setTyped('');
      setOpen(false);
    }
    inputRef.current?.focus();
  }

  function remove(tag: Tag) {
    void run(() => invoke('tags.unlink', { record, tagId: tag.id })).then(() => inputRef.current?.focus());
  }

  // Enter never saves the record form around the picker, and Escape first empties the typed name.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (expanded) return;
    if (matchesShortcut(event, 'option-choose')) event.preventDefault();
    else if (matchesShortcut(event, 'option-close') && typed !== '') {
      event.preventDefault();
      event.stopPropagation();
      setTyped('');
    }
  }

  const typedName = typed.trim();
  return (
    <Combobox
      id={inputId}
      label="Tags"
      text={typed}
      onTextChange={setTyped}
      options={options}
      optionKey={optionKey}
      renderOption={(option) =>
        option.type === 'tag' ? (
          <span className="tag-picker__option">
            <span className="tag-swatch" data-color={option.tag.color} />
            <span className="tag-picker__option-name">{option.tag.name}</span>
          </span>
        ) : (
          <span className="tag-picker__option">
            <Icon name="plus" size={14} />
            <span className="tag-picker__option-name">Create tag “{option.name}”</span>
          </span>
        )
      }
      onChoose={(option) => void choose(option)}
      open={open}
      onOpenChange={setOpen}
      status={
        tags === null ? 'Loading tags…' : typedName ? `No other tag matches “${typedName}”` : 'No more tags to add'
      }
      placeholder={chosen.length === 0 ? 'Add a tag…' : 'Add another…'}
      error={tooLongName ?? problem ?? listError ?? undefined}
      boxClassName="tag-picker__box"
      inputClassName="tag-picker__input"
      busy={busy}
      inputRef={inputRef}
      before={
        <ul className="tag-picker__chips" aria-label="Tags on this record">
          {chosen.map((id) => {
            const tag = byId.get(id);
            return tag ? (
              <li key={id}>
                <TagChip tag={tag} disabled={busy} onRemove={() => remove(tag)} />
              </li>
            ) : null;
          })}
        </ul>
      }
      onKeyDown={onKeyDown}
      // The list opens on a click, typing or Down, not on focus: focus comes back here after each remove.
      onClick={() => setOpen(true)}
      onBlur={() => setOpen(false)}
    />
  );
}
