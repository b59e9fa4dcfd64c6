/** What a value looks like, enough to tell a column title from the data under it. */
type Kind = 'empty' | 'email' | 'number' | 'web' | 'text';

function kindOf(value: string): Kind {
  const text = value.trim();
  if (text === '') return 'empty';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return 'email';
  // Numbers, dates, times, phone numbers, amounts: digits with their punctuation.
  if (/\d/.test(text) && /^[\d\s+\-()./:,'’%€$£]+$/.test(text)) return 'number';
  if (/^(https?:\/\/|www\.)/i.test(text)) return 'web';
  return 'text';
}

/** Column titles are short. */
const longestTitle = 100;

/**
 * A first row whose cells are all non-empty, distinct text (no numbers,
 * dates, emails or links, nothing long) is a row of column titles. A title
 * never turns up again as a value in its own column, so a row whose value
 * repeats below is data.
 */
export function looksLikeHeader(first: readonly string[], below: readonly (readonly string[])[]): boolean {
  if (first.length === 0) return false;
  const seen = new Set<string>();
  for (const [index, cell] of first.entries()) {
    const title = cell.trim();
    if (kindOf(title) !== 'text' || title.length > longestTitle) return false;
    const key = title.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    if (below.some((row) => row[index]?.trim() === title)) return false;
  }
  return true;
}

/**
 * The titles of `count` columns: the header row's, trimmed, or "Column N"
 * where there is none; unique, a repeated title getting " (2)", " (3)"…
 */
export function columnTitles(header: readonly string[] | undefined, count: number): string[] {
  const titles: string[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < count; index++) {
    const base = header?.[index]?.trim() || `Column ${index + 1}`;
    let title = base;
    for (let copy = 2; taken.has(title.toLowerCase()); copy++) title = `${base} (${copy})`;
    taken.add(title.toLowerCase());
    titles.push(title);
  }
  return titles;
}
