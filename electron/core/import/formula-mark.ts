/**
 * Rolodesk's export (and other careful exporters, after OWASP's advice)
 * write text that a spreadsheet would run as a formula with a leading
 * apostrophe: "'=SUM(A1)", "'+33 1 23". That apostrophe is the export's
 * mark, not the value, so it is taken off again on import — only when it
 * stands before one of those starts, so "'tis" or "'90s" stay as typed.
 * Only spreadsheet files carry it: a vCard's text is taken as it is.
 */
// Text already starting with an apostrophe before such a start gets a second one on export ("''=x" for "'=x").
const markedFormula = /^'(?='?[=+\-@\t\r])/;

export function withoutFormulaMark(cell: string): string {
  return markedFormula.test(cell) ? cell.slice(1) : cell;
}
