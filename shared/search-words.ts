/**
 * What a search looks for in what a user typed: the one place that decides,
 * for the core (which searches) and the window (which says why a search
 * found nothing). A search is by words of letters and digits; the rest of
 * what was typed (%, *, quotes, emoji) is never a wildcard or syntax.
 */

/** Words beyond this many are ignored; a longer word is cut (no token is that long). */
export const maxSearchTerms = 8;
const maxWordLength = 64;

/** The words of what a user typed that a search uses (at most 8, each at most 64 characters). */
export function searchWords(typed: string, terms = maxSearchTerms): string[] {
  const words: string[] = [];
  // Only the start of a very long input can hold the words that are used.
  for (const piece of typed
    .slice(0, terms * (maxWordLength + 1) * 4)
    .normalize('NFC')
    .split(/[\s"]+/u)) {
    const word = piece.replace(/[^\p{L}\p{N}@._+'-]/gu, '').slice(0, maxWordLength);
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    words.push(word);
    if (words.length === terms) break;
  }
  return words;
}

/** Nothing typed but spaces: no search at all, so a list shows everything. */
export const isBlankSearch = (typed: string): boolean => typed.trim() === '';

/** Something typed, but nothing to look for ("%", "*", "🚀"): such a search finds nothing. */
export const hasNothingToSearchFor = (typed: string): boolean =>
  !isBlankSearch(typed) && searchWords(typed).length === 0;

/** Why a search found nothing when it had nothing to look for: "“%” has no letters or digits to search for"; null when it had words. */
export function nothingToSearchForWords(typed: string): string | null {
  if (!hasNothingToSearchFor(typed)) return null;
  const shown = typed.trim();
  return `“${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}” has no letters or digits to search for`;
}
