import { stringify } from 'csv-stringify/sync';
import { open } from 'node:fs/promises';
import type { CsvDelimiter } from '../../../shared/schemas/export';
import { cellText } from './cells';
import type { Column } from './columns';
import { neutraliseFormula } from './formula-injection';
import type { RecordWriter } from './record-writer';

// Excel opens a CSV as UTF-8 only when it starts with the byte order mark; without it, accents come out garbled.
const utf8Bom = '\uFEFF';

/**
 * A CSV file as Excel opens it: UTF-8 with a BOM, a header row, CRLF line
 * ends, fields quoted where needed (csv-stringify). With ';' (Excel's choice
 * where the comma is the decimal point) numbers have a decimal comma too.
 * Text that a spreadsheet would run as a formula starts with an apostrophe.
 */
export async function csvWriter<R>(path: string, columns: ReadonlyArray<Column<R>>, delimiter: CsvDelimiter): Promise<RecordWriter<R>> {
  const file = await open(path, 'wx');
  const decimalComma = delimiter === ';';
  const lines = (rows: string[][]) => stringify(rows, { delimiter, record_delimiter: 'windows' });
  try {
    await file.write(utf8Bom + lines([columns.map((column) => neutraliseFormula(column.title))]));
  } catch (error) {
    await file.close();
    throw error;
  }
  return {
    async add(records) {
      const rows = records.map((record) =>
        columns.map((column) => {
          const cell = column.value(record);
          return typeof cell === 'string' ? neutraliseFormula(cell) : cellText(cell, decimalComma);
        }),
      );
      await file.write(lines(rows));
    },
    async finish() {
      try {
        await file.sync();
      } finally {
        await file.close();
      }
    },
    abandon: () => file.close(),
  };
}
