import { parse } from 'csv-parse/sync';
import { isBlank } from './raw-record';
import type { Delimiter } from './source';

export const delimiters: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Lines looked at: enough to see a pattern, few enough to be instant. */
const linesToTry = 50;

interface Fit {
  delimiter: Delimiter;
  columns: number;
  /** Share of the records that have `columns` cells. */
  share: number;
}

function fitOf(text: string, delimiter: Delimiter, cutShort: boolean): Fit | undefined {
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, to_line: linesToTry });
  } catch {
    return undefined;
  }
  records = records.filter((record) => !isBlank(record));
  // The last record of a cut-off sample may be cut off too.
  if (cutShort && records.length > 1) records = records.slice(0, -1);
  if (records.length === 0) return undefined;
  const tally = new Map<number, number>();
  for (const record of records) tally.set(record.length, (tally.get(record.length) ?? 0) + 1);
  const [columns, count] = [...tally].reduce((best, entry) =>
    entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0]) ? entry : best,
  );
  return { delimiter, columns, share: count / records.length };
}

/**
 * The separator that splits the first lines into the same number of columns,
 * more than one: tried with csv-parse itself, so quoted values holding the
 * other candidates ("Smith, John" in a semicolon file) do not mislead it.
 * When several fit, the one giving more columns wins (a semicolon file with
 * decimal commas splits into fewer columns on the comma). A file no
 * candidate splits is a one-column file: comma.
 */
export function detectDelimiter(sampleText: string, cutShort: boolean): Delimiter {
  let cut = sampleText;
  if (cutShort) {
    const lastBreak = sampleText.lastIndexOf('\n');
    if (lastBreak > 0) cut = sampleText.slice(0, lastBreak + 1);
  }
  const fits = delimiters
    .map((delimiter) => fitOf(cut, delimiter, cutShort))
    .filter((fit): fit is Fit => fit !== undefined && fit.columns > 1 && fit.share >= 0.9);
  if (fits.length === 0) return ',';
  return fits.reduce((best, fit) => (fit.columns > best.columns ? fit : best)).delimiter;
}
