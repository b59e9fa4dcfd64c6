import iconv from 'iconv-lite';
import { CrmError } from '../../errors';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { csvRecords } from './csv-records';
import type { TextReadOptions } from './decoded-text';
import { detectDelimiter } from './delimiter';
import { detectEncoding } from './encoding';
import { detectFileKind, readHead } from './file-kind';
import { asChanged, watchFile } from './file-watch';
import { columnTitles, looksLikeHeader } from './header-row';
import { isBlank, withoutTrailingEmpty, type RawRecord } from './raw-record';
import { refusals, rowProblems } from './refusals';
import { addLabels, cardRow, parseCard, slotsOf, vcardHeaders, type ParsedCard } from './vcard-fields';
import { vcardTexts } from './vcard-cards';
import { readSheetRecords, readWorkbook } from './xlsx-records';

export type SourceFormat = 'csv' | 'xlsx' | 'vcard';
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncoding = (typeof textEncodings)[number];
export type Delimiter = ',' | ';' | '\t' | '|';

/** What the user chose in the wizard (or on the command line); anything left out is detected. */
export interface ReadOptions {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
  sheet?: string;
}

export interface SourceInfo {
  format: SourceFormat;
  fileName: string; // base name, for messages
  sizeBytes: number;
  /** Text files: the encoding used, what detection found, and whether a byte-order mark said so. */
  encoding?: { name: TextEncoding; detected: TextEncoding; bom: boolean };
  delimiter?: Delimiter; // csv only
  /** Whether the first row held column titles. vCard: false, its columns are fixed titles (see vcardHeaders). */
  hasHeader: boolean;
  sheets?: string[]; // xlsx: every sheet's name
  sheet?: string; // xlsx: the one read
  /** Column titles; "Column 1", "Column 2"… when there is no header row. Unique (a repeated title gets " (2)"). */
  headers: string[];
}

/** One record of the file. `line` is the 1-based line where it starts (csv: physical line, so multi-line
 *  quoted fields count; xlsx: the sheet's row number; vcard: the BEGIN:VCARD line). cells.length ===
 *  headers.length (short rows padded with ''). `problem` is set when the row cannot be used as it is
 *  (e.g. more cells than there are columns) — the pipeline rejects that row with this text. */
export interface SourceRow {
  line: number;
  cells: string[];
  problem?: string;
}

const defaultSampleSize = 50;
/** Rows looked at below a possible header row to tell titles from data. */
const headerEvidenceRows = 50;

/**
 * A record matched to the columns: trailing empty cells dropped, short rows
 * padded, a row with more values than columns kept (cut to the columns) with
 * a problem the pipeline rejects it with. Blank rows are skipped (undefined).
 */
function tableRow(record: RawRecord, columns: number): SourceRow | undefined {
  if (isBlank(record.cells)) return undefined;
  const cells = withoutTrailingEmpty(record.cells);
  if (cells.length > columns) {
    return {
      line: record.line,
      cells: cells.slice(0, columns),
      problem: rowProblems.tooManyValues(record.line, cells.length, columns),
    };
  }
  return {
    line: record.line,
    cells: cells.length === columns ? cells : [...cells, ...new Array<string>(columns - cells.length).fill('')],
  };
}

/** From the first records of a table: whether it has a header row, the titles, and the sample rows. */
function tableLayout(records: RawRecord[], hasHeaderChoice: boolean | undefined, sampleSize: number) {
  const [first, ...rest] = records
    .filter((record) => !isBlank(record.cells))
    .map((record) => ({ ...record, cells: withoutTrailingEmpty(record.cells) }));
  if (!first) throw refusals.empty();
  const hasHeader =
    hasHeaderChoice ??
    looksLikeHeader(
      first.cells,
      rest.slice(0, headerEvidenceRows).map((record) => record.cells),
    );
  const dataRecords = hasHeader ? rest : [first, ...rest];
  if (dataRecords.length === 0) throw refusals.headerOnly();
  // With no titles, the widest row among the first ones sets the columns, so those all fit.
  const columns = hasHeader
    ? first.cells.length
    : Math.max(...dataRecords.slice(0, Math.max(sampleSize, headerEvidenceRows)).map((record) => record.cells.length));
  const headers = columnTitles(hasHeader ? first.cells : undefined, columns);
  const sample = dataRecords.slice(0, sampleSize).map((record) => tableRow(record, columns)!);
  return { hasHeader, headers, sample };
}

/**
 * The sheet to read and its layout: the one chosen, else the first that has
 * rows (a workbook often opens with an empty or title-only sheet, and the
 * user could not pick another from a refusal). A workbook of one sheet is
 * refused as a file would be ("empty", "titles but no rows").
 */
function sheetLayout<Layout>(
  sheets: { sheet: string; records: RawRecord[] }[],
  chosen: string | undefined,
  layoutOf: (records: RawRecord[]) => Layout,
) {
  const names = sheets.map((entry) => entry.sheet);
  if (names.length === 0) throw refusals.empty();
  const tryLayout = (entry: { sheet: string; records: RawRecord[] }) => {
    try {
      return { sheet: entry.sheet, layout: layoutOf(entry.records) };
    } catch (error) {
      if (names.length === 1 || !(error instanceof CrmError) || error.code !== 'FILE_REFUSED') throw error;
      return undefined;
    }
  };
  if (chosen !== undefined) {
    const entry = sheets.find((candidate) => candidate.sheet === chosen);
    if (!entry) throw refusals.sheetNotFound(chosen, names);
    const found = tryLayout(entry);
    if (!found) throw refusals.sheetWithoutRows(chosen, names);
    return found;
  }
  for (const entry of sheets) {
    const found = tryLayout(entry);
    if (found) return found;
  }
  throw refusals.noSheetWithRows(names);
}

async function take<T>(items: AsyncIterable<T>, count: number, keep: (item: T) => boolean = () => true): Promise<T[]> {
  const taken: T[] = [];
  if (count <= 0) return taken;
  for await (const item of items) {
    if (!keep(item)) continue;
    taken.push(item);
    if (taken.length >= count) break;
  }
  return taken;
}

function encodingFor(head: Buffer, chosen: TextEncoding | undefined, utf16?: TextEncoding) {
  const found = detectEncoding(head);
  const detected = found.bom ? found.name : (utf16 ?? found.name);
  return { name: chosen ?? detected, detected, bom: found.bom };
}

async function sizeOf(file: string): Promise<number> {
  try {
    const found = await stat(file);
    if (found.isDirectory()) throw refusals.folder();
    return found.size;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT') throw refusals.missing();
    if (code === 'EACCES' || code === 'EPERM') throw refusals.notAllowed();
    throw error;
  }
}

/** Detects format (by the bytes, not the extension: a real .xlsx renamed .csv is read as xlsx), encoding,
 *  delimiter, header row, and returns the first `sampleSize` rows (default 50). */
export async function inspectSource(
  file: string,
  options: ReadOptions & { sampleSize?: number } = {},
): Promise<{ info: SourceInfo; sample: SourceRow[] }> {
  const sampleSize = options.sampleSize ?? defaultSampleSize;
  const sizeBytes = await sizeOf(file);
  if (sizeBytes === 0) throw refusals.empty();
  const fileName = basename(file);
  const head = await readHead(file);
  const kind = await detectFileKind(file, head);

  if (kind.format === 'xlsx') {
    const sheets = await readWorkbook(file);
    const { sheet, layout } = sheetLayout(sheets, options.sheet, (records) =>
      tableLayout(records, options.hasHeader, sampleSize),
    );
    return {
      info: {
        format: 'xlsx',
        fileName,
        sizeBytes,
        hasHeader: layout.hasHeader,
        sheets: sheets.map((entry) => entry.sheet),
        sheet,
        headers: layout.headers,
      },
      sample: layout.sample,
    };
  }

  const encoding = encodingFor(head, options.encoding, kind.utf16);
  const text: TextReadOptions = { encoding: encoding.name };

  if (kind.format === 'vcard') {
    // One pass over every card finds the most emails and phones any card has, and every custom
    // field label, so no column is missing later.
    const sampleCards: ParsedCard[] = [];
    const labels: string[] = [];
    let emails = 0;
    let phones = 0;
    let cards = 0;
    for await (const cardText of vcardTexts(file, text)) {
      cards++;
      const card = parseCard(cardText);
      if ('fields' in card) {
        emails = Math.max(emails, card.fields.emails.length);
        phones = Math.max(phones, card.fields.phones.length);
        addLabels(labels, card.fields);
      }
      if (sampleCards.length < sampleSize) sampleCards.push(card);
    }
    if (cards === 0) throw refusals.empty();
    const headers = vcardHeaders(emails, phones, labels);
    const slots = slotsOf(headers);
    return {
      info: { format: 'vcard', fileName, sizeBytes, encoding, hasHeader: false, headers },
      sample: sampleCards.map((card) => cardRow(card, slots)),
    };
  }

  const cutShort = head.length < sizeBytes;
  const delimiter = options.delimiter ?? detectDelimiter(iconv.decode(head, encoding.name), cutShort);
  const records = await take(
    csvRecords(file, delimiter, text),
    sampleSize + 1 + headerEvidenceRows,
    (record) => !isBlank(record.cells),
  );
  const layout = tableLayout(records, options.hasHeader, sampleSize);
  return {
    info: {
      format: 'csv',
      fileName,
      sizeBytes,
      encoding,
      delimiter,
      hasHeader: layout.hasHeader,
      headers: layout.headers,
    },
    sample: layout.sample,
  };
}

/** Reports progress at most once per percent, so a 200 MB file does not send thousands of messages. */
function progressReporter(sizeBytes: number, onProgress?: (fraction: number) => void) {
  let reported = -1;
  return (done: number) => {
    if (!onProgress) return;
    const fraction = Math.min(1, done / Math.max(sizeBytes, 1));
    if (fraction === 1 || fraction - reported >= 0.01) {
      reported = fraction;
      onProgress(fraction);
    }
  };
}

async function* tableRows(
  records: AsyncIterable<RawRecord> | Iterable<RawRecord>,
  info: SourceInfo,
  signal?: AbortSignal,
): AsyncGenerator<SourceRow> {
  let headerSkipped = !info.hasHeader;
  for await (const record of records) {
    if (signal?.aborted) throw refusals.cancelled();
    if (!headerSkipped) {
      if (!isBlank(record.cells)) headerSkipped = true;
      continue;
    }
    const row = tableRow(record, info.headers.length);
    if (row) yield row;
  }
}

async function* rowsOf(
  file: string,
  info: SourceInfo,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): AsyncGenerator<SourceRow> {
  const report = progressReporter(info.sizeBytes, options.onProgress);
  if (info.format === 'xlsx') {
    const records = await readSheetRecords(file, info.sheet ?? info.sheets?.[0] ?? '');
    const reportRows = progressReporter(records.length, options.onProgress);
    let done = 0;
    for await (const row of tableRows(records, info, options.signal)) {
      // The workbook is read whole first; progress is then the share of its rows handed on.
      reportRows(row.line);
      done = row.line;
      yield row;
    }
    reportRows(Math.max(done, records.length));
    return;
  }
  if (!info.encoding) throw refusals.unreadable('its text encoding is not known');
  const text: TextReadOptions = { encoding: info.encoding.name, signal: options.signal, onBytes: report };
  if (info.format === 'vcard') {
    const slots = slotsOf(info.headers);
    for await (const cardText of vcardTexts(file, text)) {
      if (options.signal?.aborted) throw refusals.cancelled();
      yield cardRow(parseCard(cardText), slots);
    }
    return;
  }
  if (!info.delimiter) throw refusals.unreadable('its separator is not known');
  yield* tableRows(csvRecords(file, info.delimiter, text), info, options.signal);
}

/** Every row, streamed (memory must not grow with the file: a 200 MB CSV reads in bounded memory).
 *  onProgress gets the fraction of the file read (0..1). Aborting the signal stops reading (rejects with
 *  CrmError('CANCELLED', …)). Throws CrmError('FILE_REFUSED', message) for a file that cannot be read. */
export async function* readSource(
  file: string,
  info: SourceInfo,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): AsyncGenerator<SourceRow> {
  if (options.signal?.aborted) throw refusals.cancelled();
  const watch = await watchFile(file, info.sizeBytes);
  try {
    yield* rowsOf(file, info, options);
  } catch (error) {
    // A file cut short or rewritten mid-read can look like a broken quote or a damaged card: say what really happened.
    if ((error as { code?: unknown } | null)?.code === 'FILE_REFUSED') await watch.assertUnchanged();
    throw asChanged(error);
  }
  // Every row was handed on: only now can the file be said not to have changed under the reader.
  await watch.assertUnchanged();
  options.onProgress?.(1);
}
