import type { CsvDelimiter } from '../../../shared/schemas/export';
import { cellText } from './cells';
import type { Column } from './columns';
import { neutraliseFormula } from './formula-injection';
import type { RecordWriter } from './record-writer';
import { textFileWriter } from './text-file-writer';

// Excel opens a CSV as UTF-8 only when it starts with the byte order mark; without it, accents come out garbled.
const utf8Bom = '\uFEFF';
const lineEnd = '\r\n';

/**
 * RFC 4180 quoting, as csv-stringify writes it: a field holding the delimiter, a quote or a line break is
 * quoted, its quotes doubled. Written here rather than by csv-stringify: at 100,000 rows the library's
 * per-field options and casts were a fifth of the export's time (issue 11).
 */
function csvField(delimiter: CsvDelimiter): (text: string) => string {
  const needsQuotes = delimiter === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return (text) => (needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
}

/**
 * A CSV file as Excel opens it: UTF-8 with a BOM, a header row, CRLF line
 * ends, fields quoted where needed. With ';' (Excel's choice where the comma
 * is the decimal point) numbers have a decimal comma too. Text that a
 * spreadsheet would run as a formula starts with an apostrophe.
 */
export function csvWriter<R>(
  path: string,
  columns: ReadonlyArray<Column<R>>,
  delimiter: CsvDelimiter,
): Promise<RecordWriter<R>> {
  const decimalComma = delimiter === ';';
  const field = csvField(delimiter);
  const header = columns.map((column) => field(neutraliseFormula(column.title))).join(delimiter) + lineEnd;
  return textFileWriter<R>(path, utf8Bom + header, (records) => {
    let text = '';
    for (const record of records) {
      for (let at = 0; at < columns.length; at++) {
        const cell = columns[at]!.value(record);
        if (at > 0) text += delimiter;
        text += field(typeof cell === 'string' ? neutraliseFormula(cell) : cellText(cell, decimalComma));
      }
      text += lineEnd;
    }
    return text;
  });
}
