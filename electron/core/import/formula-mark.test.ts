import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../export/formula-injection';
import { withoutFormulaMark } from './formula-mark';
import { mapRow } from './rows';

describe('the export’s formula mark is taken off on import', () => {
  it('takes the apostrophe off before =, +, -, @, tab and carriage return, and gives back what the export was given', () => {
    for (const text of [
      '=SUM(A1)',
      '+33 1 23 45 67 89',
      '-2+3',
      '@handle',
      '\tindented',
      '\rreturn',
      '=HYPERLINK("http://evil.example")',
      "'=marked by hand",
    ]) {
      expect(withoutFormulaMark(neutraliseFormula(text))).toBe(text);
    }
  });

  it('leaves every other apostrophe alone: only the export’s mark is taken off', () => {
    for (const text of ["'tis the season", "'90s", "O'Brien", "'", "''", "' =x", "x'=y", '=already bare', '']) {
      expect(withoutFormulaMark(text)).toBe(text);
    }
  });

  it('applies to every mapped cell — fields, notes, tags, custom values — while the row keeps the file’s cells', () => {
    const cells = ["'=SUM(A1)", "'+44 20 7946 0958", "'-minus", "'@home", "'=1+1 is not a formula", "'tis"];
    const row = mapRow(
      { line: 2, cells },
      ['name', 'phone', 'custom:7', 'tag', 'notes', 'notes'],
      ['Name', 'Phone', 'Nickname', 'Tags', 'Notes', 'Motto'],
      { spreadsheet: true },
    );
    expect(row).toMatchObject({
      fields: { name: '=SUM(A1)', phone: '+44 20 7946 0958', notes: '=1+1 is not a formula' },
      custom: { '7': '-minus' },
      tags: ['@home'],
      noteLines: ["Motto: 'tis"],
      cells,
    });
  });

  it('takes nothing off a vCard’s text: only spreadsheet files carry the mark', () => {
    const row = mapRow({ line: 1, cells: ["'=as typed"] }, ['name'], ['Full name'], { spreadsheet: false });
    expect(row.fields.name).toBe("'=as typed");
  });
});
