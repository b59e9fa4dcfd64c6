import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { FieldedRef } from '../../../../shared/schemas/record';
import { tagColors, tagLimits, type Tag } from '../../../../shared/schemas/tag';
import { invoke, toCrmError } from '../../api';
import { Icon } from '../../components/Icon';
import { overLimit } from '../../components/lengthLimit';
import { TagChip } from './TagChip';
import { tagOptions, type TagOption } from './tagOptions';
import { useTags } from './useTags';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import '../../components/Field.css';
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
  const listId = useId();
  const { tags, error: listError, reload } = useTags();
  const [tagIds, setTagIds] = useState<readonly number[]>(loadedTagIds);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const submitting = useSubmitOnce();
  const busy = submitting.running;
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const chosen = tagIds;
  const options = tags ? tagOptions(tags, chosen, typed) : [];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
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
      setActive(0);
      setOpen(false);
    }
    inputRef.current?.focus();
  }

  function remove(tag: Tag) {
    void run(() => invoke('tags.unlink', { record, tagId: tag.id })).then(() => inputRef.current?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (matchesShortcut(event, 'option-move')) {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % Math.max(options.length, 1));
    } else if (matchesShortcut(event, 'option-choose')) {
      // Enter in a record form would save the form; here it picks the tag.
      event.preventDefault();
      const option = expanded ? options[activeIndex] : undefined;
      if (option) void choose(option);
    } else if (matchesShortcut(event, 'option-close') && (expanded || typed !== '')) {
      // Only the list closes: the panel around the picker must not.
      event.preventDefault();
      event.stopPropagation();
      if (expanded) setOpen(false);
      else setTyped('');
    }
  }

  const activeOption = expanded ? options[activeIndex] : undefined;
  return (
    <div className="tag-picker">
      <label className="field__label" htmlFor={inputId}>
        Tags
      </label>
      <div className="tag-picker__box" aria-busy={busy}>
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
        <input
          ref={inputRef}
          id={inputId}
          className="tag-picker__input"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${listId}-${optionKey(activeOption)}` : undefined}
          placeholder={chosen.length === 0 ? 'Add a tag…' : 'Add another…'}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={tooLongName ? true : undefined}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          // The list opens on a click, typing or Down, not on focus: focus comes back here after each remove.
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} className="tag-picker__list" role="listbox" aria-label="Tags to add" hidden={!expanded}>
          {options.map((option, index) => (
            <li
              key={optionKey(option)}
              id={`${listId}-${optionKey(option)}`}
              role="option"
              aria-selected={index === activeIndex}
              className="tag-picker__option"
              // Chosen on mouse down, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                void choose(option);
              }}
              onMouseMove={() => setActive(index)}
            >
              {option.type === 'tag' ? (
                <>
                  <span className="tag-swatch" data-color={option.tag.color} />
                  <span className="tag-picker__option-name">{option.tag.name}</span>
                </>
              ) : (
                <>
                  <Icon name="plus" size={14} />
                  <span className="tag-picker__option-name">Create tag “{option.name}”</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
      {(tooLongName ?? problem ?? listError) && (
        <p className="field__error" role="alert">
          <Icon name="alert" size={14} />
          <span>{tooLongName ?? problem ?? listError}</span>
        </p>
      )}
    </div>
  );
}
