import { foldedLetters } from '../duplicates/keys';
import { IndexWords } from '../search/index-words';

/**
 * A name's place in a phone book, as text that SQLite sorts byte by byte
 * (stored beside the name and indexed, so a sorted page stays an index walk).
 * It follows Intl.Collator('en', { sensitivity: 'base', numeric: true }):
 * no case, no accents ("Ángel" with "angel", after "Adam"), letters NFD does
 * not take apart folded (ß → ss, æ → ae, ø → o, ł → l, þ → th…), numbers by
 * value ("Item 2" before "Item 10"), and between words spaces, then
 * punctuation, then symbols, then digits, then letters. Unlike the collator,
 * what comes before the name's first word as the search index reads it
 * (quotes, brackets, emoji, "™", a stray accent) is left out, so "“Bob”
 * Smith" files under B. So a name whose first word starts with what was
 * typed is always filed under it, which a list's search relies on
 * (search/list-search.ts). Ties are for the caller to break (by the exact
 * name, then the id).
 */
export function sortKey(name: string): string {
  const start = indexWords.firstWordAt(name);
  const filed = start < name.length ? name.slice(start) : name;
  const folded = filed
    .normalize('NFKD')
    .toLowerCase()
    .replace(accents, '')
    .replace(invisible, '')
    .replace(foldable, (letter) => sortFolds[letter] ?? letter);
  let key = '';
  for (const [run] of folded.matchAll(runs)) {
    const part = partOf(run);
    // Before the first letter or digit, nothing counts.
    if (key === '' && part.length === 1 && part <= symbolWeight) continue;
    key += part;
  }
  return key;
}

const indexWords = new IndexWords();

// Combining accents of Latin, Greek and Cyrillic (other scripts' marks are part of their letters).
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining marks, each removed on its own
const accents = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
// Joiners, variation selectors and skin tones: parts of an emoji or of nothing.
// eslint-disable-next-line no-misleading-character-class -- a class of lone modifiers and joiners, each removed on its own
const invisible = /[\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u{1f3fb}-\u{1f3ff}]/gu;
const sortFolds: Record<string, string> = { ...foldedLetters, ŋ: 'n', ə: 'e', ς: 'σ' };
const foldable = new RegExp(`[${Object.keys(sortFolds).join('')}]`, 'gu');

const spaceWeight = ' ';
const punctuationWeight = '!';
const symbolWeight = '"';
/** Runs of one class: digits, spaces, punctuation, symbols, or anything else (letters). */
const runs = /\d+|[\s\p{Z}\p{Cc}]+|\p{P}+|\p{S}+|[^\d\s\p{Z}\p{Cc}\p{P}\p{S}]+/gu;
// A number is its length, then its digits: "7" → "17", "10" → "210", so 7 sorts before 10.
// The length is one character between the symbols' weight and the letters ('1'…'`').
const maxLengthWeight = 0x60 - 0x30;

function partOf(run: string): string {
  if (/^\d/.test(run)) {
    const digits = run.replace(/^0+(?=\d)/, '');
    return String.fromCharCode(0x30 + Math.min(digits.length, maxLengthWeight)) + digits;
  }
  if (/^[\s\p{Z}\p{Cc}]/u.test(run)) return spaceWeight;
  if (/^\p{P}/u.test(run)) return punctuationWeight;
  if (/^\p{S}/u.test(run)) return symbolWeight;
  return run;
}
