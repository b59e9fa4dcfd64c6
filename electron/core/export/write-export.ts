import Database from 'better-sqlite3';
import type { CustomField } from '../../../shared/schemas/custom-field';
import type { CsvDelimiter, ExportFormat } from '../../../shared/schemas/export';
import type { FieldedKind } from '../../../shared/schemas/record';
import { customFieldsRepo } from '../custom-fields/repo';
import type { Db } from '../db/open';
import type { JobTools } from '../jobs/job-list';
import { nouns } from '../records/kinds';
import { columnsOf } from './columns';
import { csvWriter } from './csv-writer';
import { listRows, type ExportedList } from './list-rows';
import { recordReader, type RecordOf } from './records';
import type { RecordWriter } from './record-writer';
import { vcardWriter } from './vcard-writer';
import { maxSheetRows, tooManyRowsForExcel, xlsxWriter } from './xlsx-writer';

/**
 * Records are read and written this many at a time, a page of ids in many
 * steps: few enough that their garbage dies young (100,000 contacts read
 * 250 to 2,000 at a time cost the same, 5,000 at a time a tenth more, 50,000
 * at a time two fifths more), enough that each query and write is worth its call.
 */
export const recordsPerStep = 1000;

/** What the job reports beside its fraction done. */
export interface ExportProgressDetail {
  rows: number;
}

/** What the export job is asked: the database to read, the list, and the temporary file to write. */
export interface ExportJob {
  file: string;
  list: ExportedList;
  /** Only these rows, or every row but these. */
  ids?: number[] | undefined;
  except?: number[] | undefined;
  format: ExportFormat;
  delimiter?: CsvDelimiter | undefined;
  /** Written here and left complete and synced; the core renames it into place. */
  partialPath: string;
}

function writerFor(
  kind: FieldedKind,
  job: ExportJob,
  fields: readonly CustomField[],
): Promise<RecordWriter<RecordOf[FieldedKind]>> {
  const columns = columnsOf(kind, fields);
  switch (job.format) {
    case 'csv':
      return csvWriter(job.partialPath, columns, job.delimiter ?? ',');
    case 'xlsx':
      return xlsxWriter(
        job.partialPath,
        columns,
        nouns[kind].many.replace(/^./, (first) => first.toUpperCase()),
      );
    case 'vcard':
      // The request's schema allows vCard for contacts only.
      return vcardWriter(job.partialPath, fields) as Promise<RecordWriter<RecordOf[FieldedKind]>>;
  }
}

async function exportFrom(db: Db, job: ExportJob, { progress }: JobTools): Promise<{ rows: number }> {
  const kind = job.list.kind;
  const fields = customFieldsRepo(db).list(kind);
  const { total, pages } = listRows(db, job.list, { only: job.ids, except: job.except });
  if (job.format === 'xlsx' && total > maxSheetRows) throw tooManyRowsForExcel(total);
  const read = recordReader(db, kind);
  const writer = await writerFor(kind, job, fields);
  let rows = 0;
  try {
    progress(0, { rows: 0 } satisfies ExportProgressDetail);
    for (const page of pages) {
      for (let start = 0; start < page.length; start += recordsPerStep) {
        const records = read(page.slice(start, start + recordsPerStep));
        await writer.add(records);
        rows += records.length;
        // The last step, closing the file and syncing it to disk, is the finish.
        progress(Math.min(0.95, (0.95 * rows) / Math.max(total, 1)), { rows } satisfies ExportProgressDetail);
      }
    }
    await writer.finish();
  } catch (error) {
    await writer.abandon().catch(() => undefined);
    throw error;
  }
  progress(1, { rows } satisfies ExportProgressDetail);
  return { rows };
}

/**
 * The export connection's page cache, in KiB (SQLite's negative cache_size).
 * An export reads every record in the list's order, scattered across the
 * table; 100,000 contacts fill 22 MB, more than the 16 MB every connection
 * gets, so each page was read again and again. Twice that holds them: a
 * tenth of the export's reading CPU (issue 11). The cache lives only as long
 * as the job's connection.
 */
const exportCacheKib = 32_000;

/**
 * The export job: reads the list on a read-only connection of its own, in
 * one read transaction (every page sees the same data, however long the
 * export takes, while the app keeps writing), and writes the temporary file.
 */
export async function writeExport(job: ExportJob, tools: JobTools): Promise<{ rows: number }> {
  const db = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cache_size = -${exportCacheKib}`);
    db.exec('BEGIN');
    try {
      return await exportFrom(db, job, tools);
    } finally {
      db.exec('COMMIT');
    }
  } finally {
    db.close();
  }
}
