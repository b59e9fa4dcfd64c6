import { rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import type { ExportResult } from '../../../shared/schemas/export';
import { storageError } from '../attachments/blob-store';
import type { Clock } from '../clock';
import type { DesktopServices } from '../desktop';
import { removeWithRetry, syncFolder } from '../durable-files';
import { CrmError } from '../errors';
import type { EventSink } from '../events';
import type { JobRunner } from '../jobs/runner';
import { describeError, type Logger } from '../logger';
import { partialPathFor, suggestedFileName } from './file-names';
import type { ExportProgressDetail } from './write-export';
import { pathForLog } from '../log-privacy';

export interface ExportServiceDeps {
  /** The live database; the job reads it on a connection of its own. */
  databaseFile: string;
  jobs: JobRunner;
  desktop: DesktopServices;
  clock: Clock;
  logger: Logger;
  emit: EventSink;
}

/** The finished file takes the destination's name in one step: the old file there stays whole until then. */
async function moveIntoPlace(partialPath: string, destination: string): Promise<void> {
  try {
    await rename(partialPath, destination);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const name = basename(destination);
    // Windows refuses to replace a file another program holds open: Excel does, while it shows the last export.
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new CrmError(
        'STORAGE',
        `“${name}” is open in another program (Excel, say), or Rolodesk is not allowed to replace it, so the export was not saved. Close it there, or choose another name, and export again.`,
      );
    }
    if (code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') {
      throw new CrmError(
        'STORAGE',
        `There is a folder called “${name}” there, so the export was not saved. Choose another name.`,
      );
    }
    throw error;
  }
}

const stopped = () =>
  new CrmError(
    'CANCELLED',
    'The export was stopped. No file was written, and a file already at that place was left as it was.',
  );

/**
 * Exports of lists to files: one at a time, run as a job off the thread
 * that answers requests. The file is written under a temporary name beside
 * the destination and renamed into place only when complete, so a stopped or
 * failed export leaves no partial file and never replaces a file half-way.
 */
export function exportService({ databaseFile, jobs, desktop, clock, logger, emit }: ExportServiceDeps) {
  let running: AbortController | undefined;

  async function writeTo(
    destination: string,
    request: ParsedInput<'export.list'>,
    signal: AbortSignal,
  ): Promise<number> {
    const partialPath = partialPathFor(destination);
    // A leftover from a crash mid-export is ours to replace.
    await removeWithRetry(partialPath);
    try {
      const { rows } = await jobs.run(
        'exportList',
        {
          file: databaseFile,
          list: request.list,
          ids: request.ids,
          except: request.except,
          format: request.format,
          delimiter: request.delimiter,
          partialPath,
        },
        {
          signal,
          onProgress: (fraction, detail) =>
            emit('export.progress', { fraction, rows: (detail as ExportProgressDetail | undefined)?.rows ?? 0 }),
        },
      );
      signal.throwIfAborted();
      await moveIntoPlace(partialPath, destination);
      syncFolder(dirname(destination));
      return rows;
    } catch (error) {
      await removeWithRetry(partialPath).catch((removal: unknown) =>
        logger.warn('could not delete an unfinished export file', {
          partialPath: pathForLog(partialPath),
          error: describeError(removal),
        }),
      );
      throw error;
    }
  }

  return {
    /**
     * Asks where to save, then writes every row of the list (or the ticked
     * ones) there. Cancel counts from the moment it is asked for: while the
     * save dialog is open and while the job writes.
     */
    async exportList(request: ParsedInput<'export.list'>): Promise<ExportResult> {
      if (running)
        throw new CrmError('CONFLICT', 'An export is already running. Wait for it to finish, or cancel it first.');
      const stopper = new AbortController();
      running = stopper;
      const { signal } = stopper;
      let destination: string | undefined;
      try {
        destination = await desktop.chooseSaveLocation(
          suggestedFileName(request.list.kind, request.format, clock.now()),
        );
        if (destination === undefined) return { saved: false, rows: 0 };
        signal.throwIfAborted();
        const rows = await writeTo(destination, request, signal);
        logger.info('list exported', { kind: request.list.kind, format: request.format, rows });
        return { saved: true, rows, fileName: basename(destination) };
      } catch (error) {
        // Stopping on request is not a failure.
        if (signal.aborted) throw stopped();
        if (error instanceof CrmError) throw error;
        if (destination !== undefined && (error as { code?: unknown }).code === 'ENOENT') {
          throw new CrmError(
            'STORAGE',
            `The folder “${dirname(destination)}” is not there any more, so the export file could not be written. Choose another place to save it.`,
          );
        }
        throw storageError(error, 'write the export file', 'that folder');
      } finally {
        if (running === stopper) running = undefined;
      }
    },

    cancel(): boolean {
      if (!running || running.signal.aborted) return false;
      running.abort();
      return true;
    },
  };
}

export type ExportService = ReturnType<typeof exportService>;
