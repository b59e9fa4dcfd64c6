import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter';
import { columnTitles, looksLikeHeader } from './header-row';

describe('header row and delimiter detection', () => {
  it('takes a row of distinct short text for titles', () => {
    expect(
      looksLikeHeader(['First Name', 'Last Name', 'E-mail 1 - Value'], [['Anna', 'Schmidt', 'anna@example.com']]),
    ).toBe(true);
  });

  it.each([
    ['an email', ['Anna', 'anna@example.com']],
    ['a number', ['Anna', '42']],
    ['a date', ['Anna', '17/05/1990']],
    ['a phone number', ['Anna', '+49 (30) 123-4567']],
    ['a link', ['Anna', 'https://example.com']],
    ['an empty cell', ['Anna', '']],
    ['the same title twice', ['Name', 'name']],
    ['a title longer than any title', ['Anna', 'x'.repeat(101)]],
  ])('takes a first row holding %s for data', (_, first) => {
    expect(looksLikeHeader(first, [['Bob', 'bob@example.com']])).toBe(false);
  });

  it('takes a first row whose value turns up again in its column for data', () => {
    expect(looksLikeHeader(['Anna', 'Berlin'], [['Bob', 'Berlin']])).toBe(false);
  });

  it('names untitled columns "Column N" and makes repeated titles unique', () => {
    expect(columnTitles(undefined, 3)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(columnTitles([' Email ', 'Email', '', 'Email (2)'], 5)).toEqual([
      'Email',
      'Email (2)',
      'Column 3',
      'Email (2) (2)',
      'Column 5',
    ]);
  });

  it('picks the separator that splits every line alike, not one inside quoted values', () => {
    expect(detectDelimiter('Name,Note\n"Smith; John","a; b; c"\n"Doe; Jane",x\n', false)).toBe(',');
    expect(detectDelimiter('Name;Amount;City\nAnna;1,5;Berlin\nBob;2,75;Köln\n', false)).toBe(';');
    expect(detectDelimiter('just one column\nof words, with commas here and there\nand not here\n', false)).toBe(',');
    // A sample cut mid-line does not count its last, partial line.
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n4\t5', true)).toBe('\t');
  });
});
