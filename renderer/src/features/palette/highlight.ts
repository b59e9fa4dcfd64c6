/** A piece of a text, and whether it is part of what the user typed. */
export interface TextPiece {
  text: string;
  matched: boolean;
}

const wordChar = /[\p{L}\p{N}]/u;

/** One character as search compares it: no accents, no case (so "jose" marks "José"). */
const fold = (character: string) => character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The typed words, folded, longest first so "anna" wins over "an" at the same place. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
}

/**
 * Splits `text` into pieces, marking each word start that begins with one of
 * `words`, as search matches prefixes of words. Works per character, so the
 * marks land on the original (accented) letters.
 */
export function highlight(text: string, words: readonly string[]): TextPiece[] {
  const characters = [...text];
  const folded = characters.map(fold);
  const marked = new Array<boolean>(characters.length).fill(false);
  for (let start = 0; start < characters.length; start++) {
    const atWordStart = wordChar.test(characters[start]!) && (start === 0 || !wordChar.test(characters[start - 1]!));
    if (!atWordStart) continue;
    for (const word of words) {
      let seen = '';
      let end = start;
      while (end < characters.length && seen.length < word.length) seen += folded[end++];
      if (!seen.startsWith(word)) continue;
      for (let index = start; index < end; index++) marked[index] = true;
      break;
    }
  }
  const pieces: TextPiece[] = [];
  characters.forEach((character, index) => {
    const last = pieces[pieces.length - 1];
    if (last && last.matched === marked[index]) last.text += character;
    else pieces.push({ text: character, matched: marked[index]! });
  });
  return pieces;
}
