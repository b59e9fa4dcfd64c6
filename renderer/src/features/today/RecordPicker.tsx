import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../shared/schemas/search';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { nothingToSearchForWords } from '../../../../shared/search-words';
import { invoke } from '../../api';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { TextButton } from '../activities';
import { recordKindLooks } from './recordKinds';
import './RecordPicker.css';
import { matchesShortcut } from '../../../../shared/shortcuts';

export interface PickedRecord {
  kind: FieldedKind;
  id: number;
  title: string;
}

const searchedKinds: FieldedKind[] = ['contact', 'company', 'deal'];
const isFielded = (hit: SearchHit): hit is SearchHit & { kind: FieldedKind } => hit.kind !== 'activity';

interface RecordPickerProps {
  id: string;
  label: string;
  value: PickedRecord | null;
  error?: string | undefined;
  onChange: (record: PickedRecord | null) => void;
}

/** Finds a contact, company or deal by typing part of its name (a combobox), and shows the one chosen. */
export function RecordPicker({ id, label, value, error, onChange }: RecordPickerProps) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Array<SearchHit & { kind: FieldedKind }>>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // The control that replaces the one with focus (picking swaps the search box for the choice) takes the focus over.
  const [moveFocus, setMoveFocus] = useState(false);
  const searched = useDebouncedValue(text.trim(), 120);
  const listId = `${id}-options`;

  useEffect(() => {
    if (searched === '') {
      setHits([]);
      return;
    }
    let current = true;
    invoke('search.all', { text: searched, kinds: searchedKinds, perKind: 5 }).then(
      (result) => {
        if (!current) return;
        setHits(result.groups.flatMap((group) => group.hits).filter(isFielded));
        setActive(0);
      },
      // A failed search finds nothing; the user can type again.
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [searched]);

  function pick(hit: SearchHit & { kind: FieldedKind }) {
    onChange({ kind: hit.kind, id: hit.id, title: hit.title });
    setText('');
    setOpen(false);
    setMoveFocus(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (matchesShortcut(event, 'option-move')) {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (hits.length === 0 ? 0 : (current + step + hits.length) % hits.length));
    } else if (matchesShortcut(event, 'option-choose') && open && hits[active]) {
      event.preventDefault();
      pick(hits[active]);
    } else if (matchesShortcut(event, 'option-close') && open && hits.length > 0) {
      // The first Escape closes the suggestions, the next one the dialog.
      event.stopPropagation();
      setOpen(false);
    }
  }

  if (value) {
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          {label}
        </span>
        <p className="record-picker__chosen" role="group" aria-labelledby={`${id}-label`}>
          <Icon name={recordKindLooks[value.kind].icon} size={15} />
          <span className="record-picker__title">{value.title}</span>
          <span className="record-picker__kind">{recordKindLooks[value.kind].name}</span>
          <TextButton autoFocus={moveFocus} onClick={() => onChange(null)}>
            Change
          </TextButton>
        </p>
      </div>
    );
  }

  const showList = open && hits.length > 0;
  return (
    <div className="record-picker">
      <Field
        id={id}
        label={label}
        error={error}
        hint={nothingToSearchForWords(searched) ?? undefined}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus={moveFocus}
        placeholder="Type a name to search"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="record-picker__options" aria-label={label}>
          {hits.map((hit, index) => (
            <li
              key={`${hit.kind}-${hit.id}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="record-picker__option"
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(hit);
              }}
            >
              <span className="record-picker__title">{hit.title}</span>
              <span className="record-picker__kind">
                {recordKindLooks[hit.kind].name}
                {hit.subtitle && ` · ${hit.subtitle}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
