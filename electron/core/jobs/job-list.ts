import Database from 'better-sqlite3';
import { describeDatabase, foreignKeyCheck, integrityCheck } from '../backups/database-checks';
import { repairRestoredAttachments } from '../backups/restored-attachments';
import { schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { checkpoint, damagedFileError, openDatabase, quickCheckProblems, type Db } from '../db/open';
import { duplicateFinder } from '../duplicates/find';
import { previewImport } from '../import/preview';
import { inspectSource, type ReadOptions } from '../import/read/source';
import type { ImportSpec } from '../import/stage';
import { undoImport, type UndoSpec } from '../import/undo';
import { runImport, type RunSpec } from '../import/write';
import type { Logger } from '../logger';
import { writeExport, type ExportJob } from '../export/write-export';

/** What a job gets besides its arguments: the log (forwarded to the core's) and a progress report. */
export interface JobTools {
  logger: Logger;
  /** `detail`: plain data beside the fraction (an import's phase and rows), passed on to the caller's onProgress. */
  progress: (fraction: number, detail?: unknown) => void;
}

/** Every job names the file it works on, so the runner can stop the jobs on a file before it is closed or moved. */
export interface OnFile {
  file: string;
}

/**
 * A file's schema may come from outside (a restored backup): its views,
 * triggers and indexes may not use SQLite's functions and virtual tables that
 * are unsafe there. Set on every connection a job opens.
 */
function distrustSchema(db: Db): void {
  db.pragma('trusted_schema = OFF');
}

/** A read-only connection of the job's own, closed when the work is done (a reader never blocks the app's writer in WAL mode). */
function reading<T>(file: string, work: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    distrustSchema(db);
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * The jobs a job worker runs, by name: plain data in, plain data out, each
 * on its own connection. Only a file nobody else has open (a restore being
 * staged) is ever opened for writing here.
 */
export const jobList = {
  /** PRAGMA quick_check: the problems found, none when the file is sound. */
  quickCheck: ({ file }: OnFile) => reading(file, quickCheckProblems),

  /** PRAGMA integrity_check (every index against its table too): the problems found. */
  integrityCheck: ({ file }: OnFile) => reading(file, (db) => integrityCheck(db).filter((line) => line !== 'ok')),

  /** What a snapshot's manifest says of its database copy (data version, counts, attachments), read from the copy. */
  describeCopy: ({ file }: OnFile) => reading(file, describeDatabase),

  /** SQLite's own checks of a database copy (a snapshot's, a restore's staged file), and the data version it says. */
  checkCopy: ({ file }: OnFile, { progress }: JobTools) =>
    reading(file, (db) => {
      const integrity = integrityCheck(db);
      progress(0.8);
      return { integrity, foreignKeys: foreignKeyCheck(db), schemaVersion: schemaVersion(db) };
    }),

  /** One page of groups of records that look like the same one. */
  findDuplicates: ({
    file,
    kind,
    offset,
    limit,
  }: OnFile & { kind: 'contact' | 'company'; offset: number; limit: number }) =>
    reading(file, (db) => duplicateFinder(db).page(kind, offset, limit)),

  /** A list written to a temporary export file (CSV, .xlsx or vCard), page by page; the core renames it into place. */
  exportList: (job: ExportJob, tools: JobTools) => writeExport(job, tools),

  /** A restore's staged database from an older Rolodesk, opened as the app opens its own (checked, migrated) and folded into one file. */
  prepareStagedDatabase: async ({ file }: OnFile, { logger }: JobTools) => {
    const db = await openDatabase(file, migrations, logger, {
      checkBeforeUse: (opened) => {
        distrustSchema(opened);
        const problems = quickCheckProblems(opened);
        if (problems.length > 0) throw damagedFileError('quick_check', problems);
      },
    });
    try {
      checkpoint(db, 'TRUNCATE');
    } finally {
      db.close();
    }
  },

  /** A restore's staged database: attachment names and types held to the upload rules (restored-attachments.ts). */
  repairRestoredAttachments: async ({ file, attachments }: OnFile & { attachments: string }) => {
    const db = new Database(file, { fileMustExist: true });
    try {
      distrustSchema(db);
      const repairs = await repairRestoredAttachments(db, attachments);
      checkpoint(db, 'TRUNCATE');
      return repairs;
    } finally {
      db.close();
    }
  },

  /** An import's file: its format, encoding, delimiter, header and first rows (`file` is the file imported). */
  importInspect: ({ file, read }: OnFile & { read: ReadOptions }) => inspectSource(file, read),

  /** What an import would do: the whole file read and checked against the data, nothing written. */
  importPreview: (spec: ImportSpec, tools: JobTools) => previewImport(spec, tools),

  /** An import, written in one transaction on a connection of its own to the live database. */
  importRun: (spec: RunSpec, tools: JobTools) => runImport(spec, tools),

  /** An import undone, in one transaction on a connection of its own. */
  importUndo: (spec: UndoSpec, tools: JobTools) => undoImport(spec, tools),
} satisfies Record<string, (args: never, tools: JobTools) => unknown>;

export type JobName = keyof typeof jobList;
export type JobArgs<N extends JobName> = Parameters<(typeof jobList)[N]>[0];
export type JobResult<N extends JobName> = Awaited<ReturnType<(typeof jobList)[N]>>;
