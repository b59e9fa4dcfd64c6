// Words in front of a name that are not the first name ("Dr. Anna Berg" is Anna to a letter's greeting).
const titles = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'herr',
  'frau',
  'mme',
  'mlle',
  'sr',
  'sra',
  'dott',
]);

/**
 * A full name split for a greeting: "Anna Berg" → Anna / Berg, "Berg, Anna"
 * (as lists and Outlook write it) → Anna / Berg, "Dr. Anna van Berg" →
 * Anna / van Berg, "Cher" → Cher / "".
 */
export function splitName(fullName: string): { first: string; last: string } {
  const name = fullName.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma > 0) {
    const last = name.slice(0, comma).trim();
    const first = splitName(name.slice(comma + 1)).first;
    if (first) return { first, last };
  }
  const words = name.split(' ').filter(Boolean);
  while (words.length > 1 && titles.has(words[0]!.toLowerCase().replace(/\.$/, ''))) words.shift();
  return { first: words[0] ?? '', last: words.slice(1).join(' ') };
}
