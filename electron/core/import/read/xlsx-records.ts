import readXlsxFile, { readSheet, type SheetData } from 'read-excel-file/node';
import { CrmError } from '../../errors';
import { cellText, plainNumberText } from './cell-text';
import type { RawRecord } from './raw-record';
import { refusals } from './refusals';
import { checkUnpackedSize } from './xlsx-unpacked-size';

/**
 * How read-excel-file is asked to read: text exactly as typed (no trimming),
 * numbers as the digits stored in the file so cellText can show them without
 * float noise. Formulas come back as the value Excel cached when it saved;
 * one without a cached value (never opened in a spreadsheet program) reads
 * as empty. Merged cells hold their value in the top-left cell; the others
 * in the merge read as empty, which is how the user sees them too.
 */
const readOptions = { trim: false, parseNumber: (digits: string) => plainNumberText(digits) };

function asRecords(data: SheetData<string>): RawRecord[] {
  // read-excel-file keeps empty rows in place, so the index is the sheet's row number minus one.
  return data.map((row, index) => ({ line: index + 1, cells: row.map(cellText) }));
}

function refusedWorkbook(error: unknown, sheet?: string): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'SheetNotFoundError') {
    const sheets = (error as { sheets?: unknown }).sheets;
    return refusals.sheetNotFound(sheet ?? '', Array.isArray(sheets) ? sheets.map(String) : []);
  }
  if (error instanceof CrmError) return error;
  if ((error as { code?: unknown } | null)?.code === 'XLS_FILE_NOT_SUPPORTED') return refusals.oldExcel();
  // The file itself could not be read (gone, no permission): that error says so better than "damaged".
  if (typeof (error as { syscall?: unknown } | null)?.syscall === 'string') return error;
  // Anything else the library throws on a workbook that unpacked within bounds (bad XML, a part of the wrong kind,
  // "readFiles(...).then is not a function") is a workbook it cannot make sense of.
  return refusals.damagedWorkbook();
}

/**
 * Every sheet of a workbook with its rows, in the workbook's order (the
 * inspection looks for the first one that has rows). The library reads a
 * workbook whole, so this holds every sheet in memory: acceptable for .xlsx,
 * whose size Excel itself limits (1,048,576 rows); readSource still hands
 * the rows of the chosen sheet on one at a time.
 */
export async function readWorkbook(file: string): Promise<{ sheet: string; records: RawRecord[] }[]> {
  await checkUnpackedSize(file);
  try {
    const sheets = await readXlsxFile<string>(file, readOptions);
    return sheets.map((entry) => ({ sheet: entry.sheet, records: asRecords(entry.data) }));
  } catch (error) {
    throw refusedWorkbook(error);
  }
}

/** The rows of one sheet, without reading the others. */
export async function readSheetRecords(file: string, sheet: string): Promise<RawRecord[]> {
  await checkUnpackedSize(file);
  try {
    return asRecords(await readSheet<string>(file, sheet, readOptions));
  } catch (error) {
    throw refusedWorkbook(error, sheet);
  }
}
