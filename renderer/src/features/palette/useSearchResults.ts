import { useEffect, useRef, useState } from 'react';
import type { SearchGroup } from '../../../../shared/schemas/search';
import { invoke, toCrmError } from '../../api';

export interface SearchState {
  /** The groups of the newest reply; the previous ones stay while a newer search runs, so nothing flickers. */
  groups: SearchGroup[];
  /** The text those groups answer ('' before any). */
  answered: string;
  error: string | null;
}

const hitsPerKind = 5;

/**
 * search.all on every keystroke (the core answers in a few milliseconds, so
 * no debounce); a reply to an older text is dropped when a newer one was sent.
 */
const nothingTyped: SearchState = { groups: [], answered: '', error: null };

export function useSearchResults(text: string): SearchState {
  const [state, setState] = useState<SearchState>({ groups: [], answered: '', error: null });
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    if (text.trim() === '') return;
    invoke('search.all', { text, perKind: hitsPerKind }).then(
      ({ groups }) => {
        if (request === latest.current) setState({ groups, answered: text, error: null });
      },
      (error: unknown) => {
        if (request === latest.current) setState({ groups: [], answered: text, error: toCrmError(error).message });
      },
    );
  }, [text]);

  // Nothing typed: nothing to show, whatever an older text's answer said.
  return text.trim() === '' ? nothingTyped : state;
}
