import { open } from 'node:fs/promises';
import writeXlsxFile, { type Cell as SheetCell, type Row } from 'write-excel-file/node';
import { syncFile } from '../durable-files';
import { CrmError } from '../errors';
import type { Cell } from './cells';
import type { Column } from './columns';
import { neutraliseFormula } from './formula-injection';
import type { RecordWriter } from './record-writer';

/** Excel's sheet holds 1,048,576 rows, one of them the header. */
export const maxSheetRows = 1_048_575;

export const tooManyRowsForExcel = (rows: number) =>
  new CrmError(
    'VALIDATION',
    `This list has ${rows.toLocaleString('en')} rows, more than an Excel sheet can hold (${maxSheetRows.toLocaleString('en')}). Export it as CSV instead, or narrow the list.`,
  );

// Excel's default column fits about 8 characters: wide enough to read names and addresses without resizing.
const wideColumns = new Set(['Notes', 'Address']);
const widthOf = (title: string) => (wideColumns.has(title) ? 40 : Math.max(14, Math.min(title.length + 2, 30)));

function sheetCell(cell: Cell): SheetCell {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  // Plain values where they do: the library keeps every cell until the file is written.
  if (typeof cell === 'string') return neutraliseFormula(cell);
  // Dates as Excel dates (sortable, filterable); times in UTC, as the data keeps them.
  return cell.kind === 'date'
    ? { value: new Date(`${cell.iso}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' }
    : { value: new Date(cell.iso), type: Date, format: 'yyyy-mm-dd hh:mm:ss' };
}

/**
 * An .xlsx file with write-excel-file: a bold header row, numbers as
 * numbers, dates as dates, text that a spreadsheet would run as a formula
 * with a leading apostrophe. The library builds the sheet in memory, so the
 * rows are kept until finish() (an Excel sheet's own limit bounds them).
 */
export async function xlsxWriter<R>(path: string, columns: ReadonlyArray<Column<R>>, sheetName: string): Promise<RecordWriter<R>> {
  // Claim the name now, as the CSV writer does: a leftover file is never silently overwritten.
  await (await open(path, 'wx')).close();
  const sheet: Row[] = [columns.map((column) => ({ value: neutraliseFormula(column.title), type: String, fontWeight: 'bold' }))];
  return {
    async add(records) {
      if (sheet.length - 1 + records.length > maxSheetRows) throw tooManyRowsForExcel(sheet.length - 1 + records.length);
      for (const record of records) sheet.push(columns.map((column) => sheetCell(column.value(record))));
    },
    async finish() {
      await writeXlsxFile(sheet, { sheet: sheetName, stickyRowsCount: 1, columns: columns.map((column) => ({ width: widthOf(column.title) })) }).toFile(path);
      await syncFile(path);
    },
    abandon: async () => undefined,
  };
}
