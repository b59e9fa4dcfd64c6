/**
 * Keys that make two spellings of the same person or company equal, stored
 * beside the records so finding duplicates is an index walk.
 */

// Letters NFD does not take apart into a base letter and an accent.
export const foldedLetters: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Lower case, no accents, single spaces: "  José   ÁLVAREZ " → "jose alvarez". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øłßæœđðþıħ]/g, (letter) => foldedLetters[letter] ?? letter)
    .replace(/\s+/gu, ' ')
    .trim();
}

// Legal forms that say nothing about which company it is ("Acme Ltd" = "ACME").
const legalForms = new Set([
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'ab',
  'oy',
  'as',
  'aps',
  'bv',
  'nv',
  'sa',
  'sas',
  'sarl',
  'rl',
  'sl',
  'srl',
  'spa',
  'sro',
]);

/** A company name key: as nameKey, without punctuation or a trailing legal form ("Acme, Inc." → "acme"). */
export function companyNameKey(name: string): string {
  const words = nameKey(name)
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && legalForms.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** The last 9 digits of a phone number as typed, or null when it has fewer than 9 digits. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : null;
}

/** Optimal string alignment distance, stopping once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2 = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = new Array<number>(cols).fill(0);
    current[0] = i;
    let best = current[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[cols - 1]!;
}
