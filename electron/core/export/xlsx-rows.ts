import type { Cell, DateCell } from './cells';
import { neutraliseFormula } from './formula-injection';
import { cellStyle } from './xlsx-parts';
import { headOf, needsSpacePreserved, xmlText } from './xml-text';

/** Excel holds at most this many characters in a cell; a longer one makes it repair the file. */
export const longestCellText = 32_767;

/**
 * Said at the end of a cut cell. Reachable: merging duplicates joins their
 * notes with no limit, and a record can carry any number of tags.
 */
export const cutMarker = ' [… cut: Excel holds at most 32,767 characters in a cell]';

const millisecondsPerDay = 86_400_000;
/** Excel's day 0 is 1899-12-30 (its day 60 is the 29 February 1900 that never was): 25,569 days before 1970-01-01. */
const daysBeforeUnixEpoch = 25_569;

/** A column's letters as a cell reference spells them: A…Z, AA…ZZ, AAA…. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let left = index + 1; left > 0; left = Math.floor((left - 1) / 26))
    letters = String.fromCharCode(65 + ((left - 1) % 26)) + letters;
  return letters;
}

/** A day or moment as Excel's serial number: days since its day 0, the time of day as a fraction (in UTC, as the data keeps it). */
export function excelSerial(cell: DateCell): number {
  const time = Date.parse(cell.kind === 'date' ? `${cell.iso}T00:00:00Z` : cell.iso);
  return time / millisecondsPerDay + daysBeforeUnixEpoch;
}

/** An inline-string cell; text a spreadsheet would run as a formula is marked first, text too long for Excel is cut. */
export function textCell(reference: string, text: string, style: number = cellStyle.plain): string {
  const marked = neutraliseFormula(text);
  const fitting =
    marked.length > longestCellText ? headOf(marked, longestCellText - cutMarker.length) + cutMarker : marked;
  const styled = style === cellStyle.plain ? '' : ` s="${style}"`;
  const space = needsSpacePreserved(fitting) ? ' xml:space="preserve"' : '';
  return `<c r="${reference}"${styled} t="inlineStr"><is><t${space}>${xmlText(fitting)}</t></is></c>`;
}

/** One cell's XML at `reference` ("B7"): numbers as numbers, dates as styled serial numbers, text inline; nothing for an empty cell. */
export function cellXml(reference: string, cell: Cell): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') return textCell(reference, cell);
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? `<c r="${reference}"><v>${cell}</v></c>` : textCell(reference, String(cell));
  const serial = excelSerial(cell);
  // A stamp that does not parse is kept as the text it is.
  if (Number.isNaN(serial)) return textCell(reference, cell.iso);
  return `<c r="${reference}" s="${cell.kind === 'date' ? cellStyle.date : cellStyle.dateTime}"><v>${serial}</v></c>`;
}
