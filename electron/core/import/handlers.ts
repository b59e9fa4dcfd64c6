import { format } from 'date-fns';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import { uploadChunkBytes } from '../../../shared/schemas/attachment';
import type { ImportKind, ImportRun, ReadOptions, SourceInfo } from '../../../shared/schemas/import';
import type { CoreContext, Handlers } from '../context';
import { customFieldsRepo } from '../custom-fields/repo';
import { CrmError } from '../errors';
import { suggestMapping } from './presets';
import { writeRejectedCsv } from './rejected-csv';
import { rememberedMappings } from './remembered';
import { importRuns, type ImportRunRow } from './runs-repo';
import type { ImportSpec, PhaseProgress } from './stage';
import { checkMapping, targetOptions } from './targets';
import { undoDays, withinUndoTime } from './undo';
import { importUploads } from './upload-files';
import { fingerprint, pathForLog } from '../log-privacy';

/** A file opened for import, until import.close. */
interface OpenImport {
  id: string;
  kind: ImportKind;
  path: string;
  fileName: string;
  /** A dropped file's copy, deleted on close; a picked file is the user's own and never touched. */
  temporary: boolean;
  /** The last inspection and the read options it was made with. */
  inspected?: { read: string; info: SourceInfo };
  /** The preview or run in progress. */
  running?: AbortController;
}

const dayMs = 24 * 60 * 60 * 1000;

const notOpen = () => new CrmError('NOT_FOUND', 'This file is no longer open for import. Please choose it again.');
const runGone = () => new CrmError('NOT_FOUND', 'That import is no longer on the list.');

/** The folder (inside the data directory) for dropped files and staging files; emptied when the data is opened. */
export const importTempFolder = (databaseFile: string): string => join(dirname(databaseFile), 'import-temp');

export function importHandlers({
  db,
  databaseFile,
  jobs,
  clock,
  settings,
  desktop,
  emit,
  writeGate,
  logger,
  beforeClose,
}: CoreContext) {
  const folder = importTempFolder(databaseFile);
  // Whatever is here was left by a run that ended with the app (or a worker that was stopped mid-write).
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const uploads = importUploads(folder, logger, () => clock.now().getTime());
  // Dropped files still arriving, their open files and their idle timer, go with the data.
  beforeClose(() => uploads.abortAll());
  const opened = new Map<string, OpenImport>();
  const remembered = rememberedMappings(settings);
  const fields = customFieldsRepo(db);
  const runs = importRuns(db);

  function openOne(importId: string): OpenImport {
    const found = opened.get(importId);
    if (!found) throw notOpen();
    return found;
  }

  /** The file's layout read with these options (a job: an .xlsx is read whole), reused while they stay the same. */
  async function inspect(file: OpenImport, read: ReadOptions) {
    const result = await jobs.run('importInspect', { file: file.path, read });
    const info = { ...result.info, fileName: file.fileName };
    file.inspected = { read: JSON.stringify(read), info };
    return { info, sample: result.sample };
  }

  async function infoFor(file: OpenImport, read: ReadOptions): Promise<SourceInfo> {
    if (file.inspected?.read === JSON.stringify(read)) return file.inspected.info;
    return (await inspect(file, read)).info;
  }

  /** Runs a preview or run job for the file: one at a time per file (a new one stops the last), progress as events. */
  async function withJob<T>(
    file: OpenImport,
    work: (
      options: { signal: AbortSignal; onProgress: (fraction: number, detail?: unknown) => void },
      stagingFile: string,
    ) => Promise<T>,
  ): Promise<T> {
    file.running?.abort();
    const controller = new AbortController();
    file.running = controller;
    const stagingFile = join(folder, `staging-${file.id}-${randomUUID()}.db`);
    let phase = '';
    let phaseStarted = Date.now();
    const onProgress = (fraction: number, detail?: unknown) => {
      const { phase: now, rows } = (detail ?? { phase: 'reading', rows: 0 }) as PhaseProgress;
      if (now !== phase) {
        phase = now;
        phaseStarted = Date.now();
      }
      const seconds = (Date.now() - phaseStarted) / 1000;
      emit('import.progress', {
        importId: file.id,
        phase: now,
        rows,
        fraction,
        rowsPerSecond: seconds > 0.2 ? Math.round(rows / seconds) : 0,
      });
    };
    try {
      return await work({ signal: controller.signal, onProgress }, stagingFile);
    } finally {
      if (file.running === controller) delete file.running;
      await rm(stagingFile, { force: true });
    }
  }

  async function specFor(
    file: OpenImport,
    plan: ParsedInput<'import.preview'>,
    stagingFile: string,
  ): Promise<ImportSpec> {
    const info = await infoFor(file, plan.read);
    const customFields = fields.list(file.kind);
    checkMapping(file.kind, plan.mapping, info.headers, customFields);
    return {
      file: databaseFile,
      source: file.path,
      info,
      kind: file.kind,
      mapping: plan.mapping,
      duplicates: plan.duplicates,
      overwriteOptOuts: plan.overwriteOptOuts,
      dateOrder: plan.dateOrder,
      stagingFile,
      customFields,
    };
  }

  async function close(importId: string): Promise<boolean> {
    const file = opened.get(importId);
    if (!file) return false;
    opened.delete(importId);
    file.running?.abort();
    if (file.temporary) await rm(file.path, { force: true });
    return true;
  }

  function toRun(row: ImportRunRow): ImportRun {
    return {
      runId: row.id,
      kind: row.record_kind,
      fileName: row.file_name,
      tagName: row.tag_name,
      created: row.created,
      companiesCreated: runs.companiesCreatedBy(row.id),
      updated: row.updated,
      skipped: row.skipped,
      rejected: row.rejected,
      createdAt: row.created_at,
      undoneAt: row.undone_at,
      undoable: row.undone_at === null && withinUndoTime(row.created_at, clock.now().toISOString()),
    };
  }

  /**
   * After a job wrote on its own connection: one small write on the core's, so the backup
   * schedule (it counts this connection's changes) takes its next snapshot with the import in it.
   */
  const noteWrittenElsewhere = () => settings.set('import.lastWrittenAt', clock.now().toISOString());

  const touchedKinds = (kind: ImportKind) =>
    kind === 'contact' ? (['company', 'contact'] as const) : (['company'] as const);

  return {
    'import.uploadStart': async ({ fileName, size }) => ({
      uploadId: await uploads.start(fileName, size),
      chunkBytes: uploadChunkBytes,
    }),
    'import.uploadChunk': async ({ uploadId, offset, data }) => ({
      received: await uploads.chunk(uploadId, offset, data),
    }),
    'import.uploadCancel': async ({ uploadId }) => ({ cancelled: await uploads.cancel(uploadId) }),

    'import.open': async ({ kind, source }) => {
      let file: Pick<OpenImport, 'path' | 'fileName' | 'temporary'>;
      if (source.type === 'dialog') {
        const path = await desktop.chooseImportFile();
        if (path === undefined) return null;
        file = { path, fileName: basename(path), temporary: false };
      } else {
        const upload = await uploads.finish(source.uploadId);
        file = { ...upload, temporary: true };
      }
      const id = randomUUID();
      opened.set(id, { id, kind, ...file });
      logger.info('file opened for import', { importId: id, kind, fileName: fingerprint(file.fileName) });
      return { importId: id, fileName: file.fileName, kind };
    },

    'import.inspect': async ({ importId, read }) => {
      const file = openOne(importId);
      const { info, sample } = await inspect(file, read);
      const customFields = fields.list(file.kind);
      const recalled = remembered.recall(file.kind, info.headers);
      const usable = recalled && isUsable(() => checkMapping(file.kind, recalled, info.headers, customFields));
      const suggestion = suggestMapping(file.kind, info.headers, info.format, customFields);
      return {
        info,
        sample,
        suggested: usable ? recalled : suggestion.mapping,
        preset: suggestion.preset,
        remembered: Boolean(usable),
        targets: targetOptions(file.kind, customFields),
      };
    },

    'import.preview': async (plan) => {
      const file = openOne(plan.importId);
      return withJob(file, async (options, stagingFile) =>
        jobs.run('importPreview', await specFor(file, plan, stagingFile), options),
      );
    },

    'import.run': async (plan) => {
      const file = openOne(plan.importId);
      const started = Date.now();
      const now = clock.now();
      const tagName = `Imported ${format(now, 'yyyy-MM-dd')}`;
      const result = await withJob(file, async (options, stagingFile) => {
        const spec = {
          ...(await specFor(file, plan, stagingFile)),
          fileName: file.fileName,
          now: now.toISOString(),
          tagName,
        };
        return writeGate.hold(() => jobs.run('importRun', spec, options));
      });
      remembered.remember(file.kind, file.inspected!.info.headers, plan.mapping);
      noteWrittenElsewhere();
      if (result.created + result.updated > 0)
        emit('records.changed', { records: [], kinds: [...touchedKinds(file.kind)], complete: false });
      logger.info('import done', {
        importId: file.id,
        runId: result.runId,
        created: result.created,
        updated: result.updated,
        skipped: result.skipped,
        rejected: result.rejected,
      });
      return {
        ...result,
        companiesCreated: runs.companiesCreatedBy(result.runId),
        tagName,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
    },

    'import.cancel': ({ importId }) => {
      const file = opened.get(importId);
      if (!file?.running) return { cancelled: false };
      file.running.abort();
      return { cancelled: true };
    },

    'import.close': async ({ importId }) => ({ closed: await close(importId) }),

    'import.saveRejected': async ({ runId }) => {
      const run = runs.get(runId);
      if (!run) throw runGone();
      if (run.rejected === 0)
        throw new CrmError(
          'NOT_FOUND',
          `The import of “${run.file_name}” rejected no rows, so there is nothing to save.`,
        );
      const suggested = `${basename(run.file_name, extname(run.file_name))} - rejected rows.csv`;
      const destination = await desktop.chooseSaveLocation(suggested);
      if (destination === undefined) return { saved: false };
      const rows = await writeRejectedCsv(db, runId, run.headers, destination);
      logger.info('rejected rows saved', { runId, rows, destination: pathForLog(destination) });
      return { saved: true };
    },

    'import.list': () => {
      const since = new Date(clock.now().getTime() - undoDays * dayMs).toISOString();
      return { imports: runs.since(since).map(toRun) };
    },

    'import.undo': async ({ runId }) => {
      const run = runs.get(runId);
      if (!run) throw runGone();
      const undone = await writeGate.hold(() =>
        jobs.run('importUndo', { file: databaseFile, runId, now: clock.now().toISOString() }),
      );
      noteWrittenElsewhere();
      emit('records.changed', { records: [], kinds: [...touchedKinds(run.record_kind)], complete: false });
      logger.info('import undone', { runId, ...undone });
      return undone;
    },
  } satisfies Partial<Handlers>;
}

function isUsable(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
