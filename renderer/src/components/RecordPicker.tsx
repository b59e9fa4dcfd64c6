import { useEffect, useState, type KeyboardEvent } from 'react';
import type { LinkedRecord } from '../../../../shared/schemas/record';
import { nothingToSearchForWords } from '../../../../shared/search-words';
import { toCrmError } from '../../api';
import { Icon } from '../../components/Icon';
import { FieldError } from '../../components/FieldError';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { matchesShortcut } from '../../../../shared/shortcuts';

export interface PickerOption extends LinkedRecord {
  /** A second line that tells two people of the same name apart (email, company). */
  detail: string;
  /** The record it belongs to (a person's company), so choosing it can fill that in too. */
  parent?: LinkedRecord | null;
}

interface RecordPickerProps {
  id: string;
  label: string;
  value: LinkedRecord | null;
  onChange: (value: PickerOption | null) => void;
  /** Finds records whose name matches; '' lists the first ones. */
  search: (text: string) => Promise<PickerOption[]>;
  placeholder: string;
  error?: string | undefined;
}

const searchDelay = 120;

/**
 * A field that finds a record as you type (a company, a person): arrows
 * choose, Enter takes the choice, Escape puts the field back as it was.
 * Clearing the text and leaving the field removes the link.
 */
export function RecordPicker({ id, label, value, onChange, search, placeholder, error }: RecordPickerProps) {
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [activeIndex, setActiveIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const query = useDebouncedValue(text.trim(), searchDelay);
  const listId = `${id}-options`;
  const errorId = `${id}-error`;

  useEffect(() => setText(value?.name ?? ''), [value]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    // While the field still shows the chosen name, offer everything rather than just that name.
    search(query === value?.name ? '' : query).then(
      (found) => {
        if (!current) return;
        setOptions(found);
        setActiveIndex(0);
        setProblem(null);
      },
      (thrown: unknown) => current && setProblem(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [open, query, search, value]);

  const choose = (option: PickerOption | null) => {
    setOpen(false);
    onChange(option);
    setText(option?.name ?? '');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (matchesShortcut(event, 'option-move')) {
      event.preventDefault();
      if (!open) setOpen(true);
      else
        setActiveIndex((index) =>
          Math.max(0, Math.min(options.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))),
        );
    } else if (matchesShortcut(event, 'option-choose') && open) {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) choose(option);
    } else if (matchesShortcut(event, 'option-close') && open) {
      // Only the list closes; the panel around stays open.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setText(value?.name ?? '');
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (text.trim() === '') {
      if (value) onChange(null);
    } else setText(value?.name ?? '');
  };

  const activeId = open && options[activeIndex] ? `${listId}-${options[activeIndex].id}` : undefined;
  return (
    <div className={error ? 'field field--invalid record-picker' : 'field record-picker'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="record-picker__control">
        <input
          id={id}
          className="field__control record-picker__input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="record-picker__clear"
            aria-label={`Remove ${label.toLowerCase()}`}
            title={`Remove ${label.toLowerCase()}`}
            onClick={() => choose(null)}
          >
            <Icon name="close" size={14} />
          </button>
        )}
        {open && (
          <ul id={listId} className="record-picker__options" role="listbox" aria-label={label}>
            {problem && <li className="record-picker__note">{problem}</li>}
            {!problem && options.length === 0 && (
              <li className="record-picker__note">
                {query ? (nothingToSearchForWords(query) ?? `No match for “${query}”`) : 'Nothing to choose yet'}
              </li>
            )}
            {options.map((option, index) => (
              <li
                key={option.id}
                id={`${listId}-${option.id}`}
                role="option"
                aria-selected={index === activeIndex}
                className={
                  index === activeIndex
                    ? 'record-picker__option record-picker__option--active'
                    : 'record-picker__option'
                }
                // Keep focus in the field so its blur does not close the list before the click lands.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                <span className="record-picker__name">{option.name}</span>
                {option.detail && <span className="record-picker__detail">{option.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
