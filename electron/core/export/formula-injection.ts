/**
 * Spreadsheet programs run a cell that starts with one of these as a formula
 * (=HYPERLINK(…), +cmd|…, -2+3, @SUM(…)), and tab or carriage return can
 * hide such a start. OWASP's advice for CSV injection: write such text with a
 * leading apostrophe, which Excel and LibreOffice read as "this is text".
 */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

const startsAsFormula = (text: string, at: number): boolean => text.length > at && formulaStarts.has(text[at]!);

/**
 * Text a spreadsheet will show as text, never run. Only text: a number written as a number stays one.
 * Text that already starts with an apostrophe before such a character ("'=quoted") gets the mark too, so
 * an import, which takes exactly one mark off, gives it back as typed.
 */
export function neutraliseFormula(text: string): string {
  return startsAsFormula(text, 0) || (text.startsWith("'") && startsAsFormula(text, 1)) ? `'${text}` : text;
}
