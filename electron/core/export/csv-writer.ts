import { stringify } from 'csv-stringify/sync';
import type { CsvDelimiter } from '../../../shared/schemas/export';
import { cellText } from './cells';
import type { Column } from './columns';
import { neutraliseFormula } from './formula-injection';
import type { RecordWriter } from './record-writer';
import { textFileWriter } from './text-file-writer';

// Excel opens a CSV as UTF-8 only when it starts with the byte order mark; without it, accents come out garbled.
const utf8Bom = '\uFEFF';

/**
 * A CSV file as Excel opens it: UTF-8 with a BOM, a header row, CRLF line
 * ends, fields quoted where needed (csv-stringify). With ';' (Excel's choice
 * where the comma is the decimal point) numbers have a decimal comma too.
 * Text that a spreadsheet would run as a formula starts with an apostrophe.
 */
export function csvWriter<R>(path: string, columns: ReadonlyArray<Column<R>>, delimiter: CsvDelimiter): Promise<RecordWriter<R>> {
  const decimalComma = delimiter === ';';
  const lines = (rows: string[][]) => stringify(rows, { delimiter, record_delimiter: 'windows' });
  return textFileWriter<R>(path, utf8Bom + lines([columns.map((column) => neutraliseFormula(column.title))]), (records) =>
    lines(
      records.map((record) =>
        columns.map((column) => {
          const cell = column.value(record);
          return typeof cell === 'string' ? neutraliseFormula(cell) : cellText(cell, decimalComma);
        }),
      ),
    ),
  );
}
