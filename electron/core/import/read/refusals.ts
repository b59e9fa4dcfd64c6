import { CrmError } from '../../errors';

// Names from the file are the user's values: quoted “so”, like every value a message carries (the log hides them).
const quoteEach = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ');

/**
 * Every message the readers show when a file cannot be used, in one place so
 * the wording stays plain and the same across formats. Each names the line
 * where there is one.
 */
export const refusals = {
  empty: () => new CrmError('FILE_REFUSED', 'The file is empty.'),
  headerOnly: () => new CrmError('FILE_REFUSED', 'The file has column titles but no rows below them.'),
  zipArchive: () =>
    new CrmError('FILE_REFUSED', 'This file is not a table Rolodesk can read: it looks like a ZIP archive.'),
  binary: () => new CrmError('FILE_REFUSED', 'This file is not a table Rolodesk can read: it looks like binary data.'),
  oldExcel: () =>
    new CrmError(
      'FILE_REFUSED',
      'This is an old-style Excel file (.xls), which Rolodesk cannot read. Open it in Excel, save it as .xlsx or CSV, and import that file.',
    ),
  damagedWorkbook: () =>
    new CrmError(
      'FILE_REFUSED',
      'This Excel file is damaged or not a real .xlsx workbook, so Rolodesk cannot read it.',
    ),
  workbookTooBig: (megabytes: number) =>
    new CrmError(
      'FILE_REFUSED',
      `This Excel file unpacks to more than ${megabytes} MB, more than Rolodesk reads from a workbook. Save it as CSV in Excel and import that file instead.`,
    ),
  sheetNotFound: (sheet: string, sheets: readonly string[]) =>
    new CrmError('FILE_REFUSED', `The workbook has no sheet called “${sheet}”. Its sheets are: ${quoteEach(sheets)}.`),
  sheetWithoutRows: (sheet: string, sheets: readonly string[]) =>
    new CrmError(
      'FILE_REFUSED',
      `The sheet “${sheet}” has no rows to import. Choose another sheet: ${quoteEach(sheets.filter((name) => name !== sheet))}.`,
    ),
  noSheetWithRows: (sheets: readonly string[]) =>
    new CrmError(
      'FILE_REFUSED',
      `None of the sheets in this workbook has rows to import (it has ${quoteEach(sheets)}).`,
    ),
  unclosedQuote: (line: number) =>
    new CrmError(
      'FILE_REFUSED',
      `Line ${line}: a quoted value starts here and never ends. Check the quotes on that line.`,
    ),
  rowTooLong: (line: number) =>
    new CrmError(
      'FILE_REFUSED',
      `Line ${line} starts a row of more than 8 million characters, most likely a quoted value that starts there and never ends. Check the quotes on that line.`,
    ),
  unreadableLine: (line: number) =>
    new CrmError(
      'FILE_REFUSED',
      `Line ${line} could not be read as a row of values. Check the quotes and separators on that line.`,
    ),
  nulByte: (line: number) =>
    new CrmError(
      'FILE_REFUSED',
      `Line ${line} contains a zero byte (NUL), which a text table cannot hold. The file may be damaged, or it is not a text file.`,
    ),
  invalidUtf8: (line: number) =>
    new CrmError(
      'FILE_REFUSED',
      `Line ${line} is not valid UTF-8, so the file was not written in UTF-8. Choose another encoding (for files saved by Excel, usually Windows-1252) and try again.`,
    ),
  missing: () => new CrmError('FILE_REFUSED', 'The file could not be found. It may have been moved or deleted.'),
  notAllowed: () =>
    new CrmError(
      'FILE_REFUSED',
      'Rolodesk is not allowed to read this file. Check its permissions, or copy it somewhere else and try again.',
    ),
  folder: () => new CrmError('FILE_REFUSED', 'This is a folder, not a file. Choose the file inside it.'),
  changed: () => new CrmError('FILE_REFUSED', 'The file changed while it was being read. Nothing was imported.'),
  unreadable: (why: string) => new CrmError('FILE_REFUSED', `The file could not be read: ${why}.`),
  cancelled: () => new CrmError('CANCELLED', 'Reading the file was stopped. Nothing was imported.'),
};

/** Row problems: the row is read, but the pipeline rejects it with this text. */
export const rowProblems = {
  tooManyValues: (line: number, values: number, columns: number) =>
    `Line ${line} has ${values} values but the file has ${columns} columns.`,
  damagedCard: (line: number) => `Line ${line}: this contact card is damaged and could not be read.`,
  unfinishedCard: (line: number) =>
    `Line ${line}: this contact card has no END:VCARD line, so the file may be cut short.`,
  moreEntriesThanChecked: (line: number) =>
    `Line ${line}: this contact card has more email addresses or phone numbers than when the file was checked. Check the file again.`,
};
