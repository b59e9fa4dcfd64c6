import { maxSearchTerms, searchWords } from '../../../shared/search-words';

/**
 * Turns whatever a user typed into a safe FTS5 query: every word becomes a
 * quoted prefix term, so FTS syntax (quotes, *, NEAR(, -, AND, column
 * filters) is only ever text. Returns '' when nothing searchable is left.
 * Bounded work for any input: at most 8 words of at most 64 characters.
 */
export function toPrefixQuery(typed: string, terms = maxSearchTerms): string {
  return searchWords(typed, terms)
    .map((word) => `"${word}"*`)
    .join(' ');
}
