import { hasNothingToSearchFor } from '../../../../shared/search-words';
import { queryWords } from './highlight';
import type { PaletteAction } from './usePaletteActions';

/** The actions whose label or keywords have a word starting with each typed word ("new con" → New contact); all of them when nothing is typed, none for "%". */
export function matchActions(actions: readonly PaletteAction[], query: string): PaletteAction[] {
  if (hasNothingToSearchFor(query)) return [];
  const typed = queryWords(query);
  if (typed.length === 0) return [...actions];
  return actions.filter((action) => {
    const words = queryWords(`${action.label} ${action.keywords}`);
    return typed.every((word) => words.some((candidate) => candidate.startsWith(word)));
  });
}
