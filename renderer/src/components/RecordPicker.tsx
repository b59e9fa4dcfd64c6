import { useEffect, useState } from 'react';
import type { LinkedRecord } from '../../../shared/schemas/record';
import { nothingToSearchForWords } from '../../../shared/search-words';
import { toCrmError } from '../api';
import { Combobox } from './combobox/Combobox';
import { Icon } from './Icon';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import './RecordPicker.css';

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

/** What the last search answered, for which words. */
interface Found {
  asked: string;
  options: PickerOption[];
  problem: string | null;
}

const searchDelay = 120;

/**
 * A field that links one record (a company, a person) found as you type:
 * arrows choose, Enter takes the choice, Escape puts the field back as it
 * was. Clearing the text and leaving the field removes the link.
 */
export function RecordPicker({ id, label, value, onChange, search, placeholder, error }: RecordPickerProps) {
  const [text, setText] = useState(value?.name ?? '');
  // A new value from outside (a form reset, a company filled in by its contact) shows its name.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value?.name ?? '');
  }
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const query = useDebouncedValue(text.trim(), searchDelay);
  // While the field still shows the chosen name, offer everything rather than just that name.
  const asked = query === value?.name ? '' : query;

  useEffect(() => {
    if (!open) return;
    let current = true;
    search(asked).then(
      (options) => current && setFound({ asked, options, problem: null }),
      (thrown: unknown) => current && setFound({ asked, options: [], problem: toCrmError(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, [open, asked, search]);

  const choose = (option: PickerOption | null) => {
    setOpen(false);
    onChange(option);
    setText(option?.name ?? '');
  };

  const options = found?.options ?? [];
  const searching = found?.asked !== asked || query !== text.trim();
  const status =
    found?.problem ??
    nothingToSearchForWords(asked) ??
    (searching ? 'Searching…' : asked ? `No match for “${asked}”` : 'Nothing to choose yet');

  return (
    <Combobox
      id={id}
      label={label}
      text={text}
      onTextChange={setText}
      options={options}
      optionKey={(option) => String(option.id)}
      renderOption={(option) => (
        <>
          <span className="record-picker__name">{option.name}</span>
          {option.detail && <span className="record-picker__detail">{option.detail}</span>}
        </>
      )}
      onChoose={choose}
      open={open}
      onOpenChange={setOpen}
      onDismiss={() => setText(value?.name ?? '')}
      status={status}
      placeholder={placeholder}
      error={error}
      inputClassName="field__control combobox__input record-picker__input"
      onFocus={() => setOpen(true)}
      onBlur={() => {
        setOpen(false);
        if (text.trim() === '') {
          if (value) onChange(null);
        } else setText(value?.name ?? '');
      }}
      after={
        value && (
          <button
            type="button"
            className="record-picker__clear"
            aria-label={`Remove ${label.toLowerCase()}`}
            title={`Remove ${label.toLowerCase()}`}
            onClick={() => choose(null)}
          >
            <Icon name="close" size={14} />
          </button>
        )
      }
    />
  );
}
