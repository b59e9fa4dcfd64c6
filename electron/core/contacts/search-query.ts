/**
 * Turns whatever a user typed into a safe FTS5 query: every word becomes a
 * quoted prefix term, so FTS syntax (quotes, *, NEAR(, -, AND) is only ever
 * text. Returns '' when nothing searchable is left.
 */
export function toPrefixQuery(typed: string, maxTerms = 8): string {
  const words = typed
    .normalize('NFC')
    .split(/[\s"]+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}@._+'-]/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, maxTerms);
  return words.map((word) => `"${word}"*`).join(' ');
}
