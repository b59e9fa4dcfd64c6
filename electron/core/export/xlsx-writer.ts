import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { syncFile } from '../durable-files';
import { CrmError } from '../errors';
import type { Column } from './columns';
import type { RecordWriter } from './record-writer';
import { cellStyle, fixedParts, sheetEnd, sheetPartName, sheetStart } from './xlsx-parts';
import { cellXml, columnLetters, textCell } from './xlsx-rows';

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

/** Rows are handed to the zip in pieces of about this many characters: few calls, little held. */
const piece = 64 * 1024;

/**
 * An .xlsx file written as the records come: a bold header row frozen at
 * the top, numbers as numbers, dates as dates, text that a spreadsheet would
 * run as a formula with a leading apostrophe. The sheet's XML streams into
 * its zip entry (yazl), waiting whenever the disk falls behind, so memory
 * stays the same however many rows there are. The name is claimed new ('wx'),
 * so a leftover file is never silently overwritten; the finish makes the file durable.
 */
export async function xlsxWriter<R>(
  path: string,
  columns: ReadonlyArray<Column<R>>,
  sheetName: string,
): Promise<RecordWriter<R>> {
  const file = await open(path, 'wx');
  const letters = columns.map((_, at) => columnLetters(at));
  const zip = new ZipFile();
  const sheet = new PassThrough();
  for (const part of fixedParts(sheetName)) zip.addBuffer(Buffer.from(part.xml), part.name);
  zip.addReadStream(sheet, sheetPartName);
  zip.end();
  // The stream closes the file when it ends or is destroyed.
  const output = file.createWriteStream();
  let failure: Error | undefined;
  const written = new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    pipeline(zip.outputStream, output).then(resolve, reject);
  });
  written.catch((error: unknown) => {
    // Streams fail with an Error; anything else still stops the writing.
    failure ??= error instanceof Error ? error : new Error('The spreadsheet could not be written.');
  });

  /** Hands XML to the sheet's entry; when the entry's buffer is full, waits until the file has taken it (or failed). */
  async function send(xml: string): Promise<void> {
    if (failure !== undefined) throw failure;
    if (!sheet.write(xml)) await Promise.race([once(sheet, 'drain'), written]);
  }

  /** Stops writing, the file left unfinished and closed (the caller deletes it). */
  async function abandon(): Promise<void> {
    sheet.destroy();
    output.destroy();
    await written.catch(() => undefined);
  }

  let rows = 0;
  try {
    await send(
      sheetStart(columns.map((column) => widthOf(column.title))) +
        `<row r="1">${columns.map((column, at) => textCell(`${letters[at]}1`, column.title, cellStyle.header)).join('')}</row>`,
    );
  } catch (error) {
    await abandon();
    throw error;
  }
  return {
    async add(records) {
      if (rows + records.length > maxSheetRows) throw tooManyRowsForExcel(rows + records.length);
      let xml = '';
      for (const record of records) {
        const row = ++rows + 1;
        xml += `<row r="${row}">`;
        for (let at = 0; at < columns.length; at++) xml += cellXml(`${letters[at]}${row}`, columns[at]!.value(record));
        xml += '</row>';
        if (xml.length >= piece) {
          await send(xml);
          xml = '';
        }
      }
      if (xml !== '') await send(xml);
    },
    async finish() {
      if (failure !== undefined) throw failure;
      sheet.end(sheetEnd);
      await written;
      await syncFile(path);
    },
    abandon,
  };
}
