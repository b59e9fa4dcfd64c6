import { nothingToSearchForWords } from '../../../../shared/search-words';
import { Button } from '../Button';
import { EmptyState } from '../EmptyState';

interface NoMatchesProps {
  /** "contacts", "companies". */
  plural: string;
  search: string;
  /** What a search looks in, for the hint: "a name, an email or a company". */
  searchesIn: string;
  /** Shows everything again: no search, no filters. */
  onClear: () => void;
}

/** A search or filter that found nothing (or had nothing to look for), and the way back to everything. */
export function NoMatches({ plural, search, searchesIn, onClear }: NoMatchesProps) {
  const nothingToSearchFor = nothingToSearchForWords(search);
  const title = nothingToSearchFor ?? (search ? `No ${plural} match “${search}”` : `No ${plural} match these filters`);
  const text = nothingToSearchFor
    ? `Search looks for words and numbers: type part of ${searchesIn}.`
    : search
      ? `Check the spelling, or search for part of ${searchesIn}.`
      : 'Remove a tag or a condition to see more.';
  return (
    <EmptyState
      icon="searchOff"
      muted
      title={title}
      text={text}
      action={<Button onClick={onClear}>{search ? 'Clear search' : `Show all ${plural}`}</Button>}
    />
  );
}
