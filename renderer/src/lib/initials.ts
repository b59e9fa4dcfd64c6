/**
 * Initials for an avatar, taken by grapheme (what a reader sees as one
 * character: "é" with a combining accent, "👩‍💻", "🇸🇪", "क्ष"), never by UTF-16
 * unit, which splits emoji and accents into broken halves.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesOf = (text: string): string[] => Array.from(segmenter.segment(text), (part) => part.segment);

const isLetter = (grapheme: string) => /^\p{L}/u.test(grapheme);
/** Punctuation, spaces and invisible characters: never an initial. */
const isMarkOnly = (grapheme: string) => /^[\p{P}\p{Z}\p{C}]+$/u.test(grapheme);

/** A letter in capitals when that is still one letter ("é" → "É"; "ß" stays "ß", not "SS"; "ﬁ" stays "ﬁ"). */
function capital(letter: string): string {
  const upper = letter.toUpperCase();
  return graphemesOf(upper).length === 1 ? upper : letter;
}

/**
 * Up to two initials: "Anna Berg" → "AB", "madonna" → "M". Words that start
 * with a letter (after any opening quote or bracket) give them, the first and
 * the last; "👩‍💻 Dev Person 🚀" → "DP". A name with no such word shows its
 * first character that is not punctuation (an emoji, a digit), else "?".
 */
export function initialsOf(name: string): string {
  const initials = name
    .split(/\s+/u)
    .map((word) => graphemesOf(word).filter((grapheme) => !isMarkOnly(grapheme))[0])
    .filter((first): first is string => first !== undefined && isLetter(first))
    .map(capital);
  if (initials.length > 0) return initials.length === 1 ? initials[0]! : initials[0]! + initials[initials.length - 1]!;
  return graphemesOf(name).find((grapheme) => !isMarkOnly(grapheme)) ?? '?';
}
