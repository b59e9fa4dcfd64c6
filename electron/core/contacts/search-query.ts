/** Words beyond this many are ignored; a longer word is cut (no token is that long). */
const maxTerms = 8;
const maxWordLength = 64;

/**
 * Turns whatever a user typed into a safe FTS5 query: every word becomes a
 * quoted prefix term, so FTS syntax (quotes, *, NEAR(, -, AND, column
 * filters) is only ever text. Returns '' when nothing searchable is left.
 * Bounded work for any input: at most 8 words of at most 64 characters.
 */
export function toPrefixQuery(typed: string, terms = maxTerms): string {
  return searchWords(typed, terms)
    .map((word) => `"${word}"*`)
    .join(' ');
}

/** The words of what a user typed that a search uses (at most 8, each at most 64 characters). */
export function searchWords(typed: string, terms = maxTerms): string[] {
  const words: string[] = [];
  // Only the start of a very long input can hold the words that are used.
  for (const piece of typed.slice(0, terms * (maxWordLength + 1) * 4).normalize('NFC').split(/[\s"]+/u)) {
    const word = piece.replace(/[^\p{L}\p{N}@._+'-]/gu, '').slice(0, maxWordLength);
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    words.push(word);
    if (words.length === terms) break;
  }
  return words;
}
