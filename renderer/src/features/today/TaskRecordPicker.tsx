import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/schemas/search';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { nothingToSearchForWords } from '../../../../shared/search-words';
import { invoke, toCrmError } from '../../api';
import { Combobox } from '../../components/combobox/Combobox';
import { Icon } from '../../components/Icon';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { TextButton } from '../activities';
import { recordKindLooks } from './recordKinds';
import './TaskRecordPicker.css';

export interface PickedRecord {
  kind: FieldedKind;
  id: number;
  title: string;
}

type FieldedHit = SearchHit & { kind: FieldedKind };

/** What the last search answered, for which words. */
interface Found {
  searched: string;
  hits: FieldedHit[];
  problem: string | null;
}

const searchedKinds: FieldedKind[] = ['contact', 'company', 'deal'];
const isFielded = (hit: SearchHit): hit is FieldedHit => hit.kind !== 'activity';

interface TaskRecordPickerProps {
  id: string;
  label: string;
  value: PickedRecord | null;
  error?: string | undefined;
  onChange: (record: PickedRecord | null) => void;
}

/** The record a task is for: a contact, company or deal found by typing part of its name, then shown as chosen. */
export function TaskRecordPicker({ id, label, value, error, onChange }: TaskRecordPickerProps) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [open, setOpen] = useState(false);
  const searched = useDebouncedValue(text.trim(), 120);
  const chosenRef = useRef<HTMLParagraphElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Picking swaps the search box for the choice (and Change swaps back): the new control takes the focus over.
  const focusSwapped = useRef(false);

  useEffect(() => {
    if (!focusSwapped.current) return;
    focusSwapped.current = false;
    if (value) chosenRef.current?.querySelector('button')?.focus();
    else inputRef.current?.focus();
  }, [value]);

  useEffect(() => {
    if (searched === '') return;
    let current = true;
    invoke('search.all', { text: searched, kinds: searchedKinds, perKind: 5 }).then(
      (result) =>
        current &&
        setFound({ searched, hits: result.groups.flatMap((group) => group.hits).filter(isFielded), problem: null }),
      (thrown: unknown) => current && setFound({ searched, hits: [], problem: toCrmError(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, [searched]);

  function swap(record: PickedRecord | null) {
    focusSwapped.current = true;
    onChange(record);
  }

  if (value) {
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          {label}
        </span>
        <p ref={chosenRef} className="task-record-picker__chosen" role="group" aria-labelledby={`${id}-label`}>
          <Icon name={recordKindLooks[value.kind].icon} size={15} />
          <span className="task-record-picker__title">{value.title}</span>
          <span className="task-record-picker__kind">{recordKindLooks[value.kind].name}</span>
          <TextButton onClick={() => swap(null)}>Change</TextButton>
        </p>
      </div>
    );
  }

  const typed = text.trim();
  const hits = typed !== '' && found ? found.hits : [];
  const searching = found?.searched !== typed;
  const status =
    typed === ''
      ? null
      : (nothingToSearchForWords(typed) ??
        found?.problem ??
        (searching ? 'Searching…' : `No contact, company or deal matches “${typed}”`));

  return (
    <Combobox
      id={id}
      label={label}
      text={text}
      onTextChange={setText}
      options={hits}
      optionKey={(hit) => `${hit.kind}-${hit.id}`}
      renderOption={(hit) => (
        <>
          <span className="task-record-picker__title">{hit.title}</span>
          <span className="task-record-picker__kind">
            {recordKindLooks[hit.kind].name}
            {hit.subtitle && ` · ${hit.subtitle}`}
          </span>
        </>
      )}
      onChoose={(hit) => {
        setText('');
        setOpen(false);
        swap({ kind: hit.kind, id: hit.id, title: hit.title });
      }}
      open={open}
      onOpenChange={setOpen}
      status={status}
      placeholder="Type a name to search"
      error={error}
      inputRef={inputRef}
      onBlur={() => setOpen(false)}
    />
  );
}
