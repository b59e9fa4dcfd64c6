/**
 * Spreadsheet programs run a cell that starts with one of these as a formula
 * (=HYPERLINK(…), +cmd|…, -2+3, @SUM(…)), and tab or carriage return can
 * hide such a start. OWASP's advice for CSV injection: write such text with a
 * leading apostrophe, which Excel and LibreOffice read as "this is text".
 */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Text a spreadsheet will show as text, never run. Only text: a number written as a number stays one. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && formulaStarts.has(text[0]!) ? `'${text}` : text;
}
