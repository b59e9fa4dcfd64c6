import type { Ref } from 'react';
import { Icon } from './Icon';
import './SearchBox.css';
import { matchesShortcut } from '../../../shared/shortcuts';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  busy: boolean;
  placeholder?: string;
}

/** A list's search field; Escape clears it. */
export function SearchBox({
  value,
  onChange,
  inputRef,
  busy,
  placeholder = 'Search name, email, company…',
}: SearchBoxProps) {
  return (
    <div className="search-box" role="search">
      <Icon name="search" size={16} className="search-box__icon" />
      <input
        ref={inputRef}
        type="search"
        className="search-box__input"
        aria-label="Search"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (matchesShortcut(event, 'clear-search') && value !== '') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
      {busy && <span className="search-box__spinner" aria-hidden="true" />}
    </div>
  );
}
