import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { describeError, type Logger } from '../logger';
import type { BlobStore } from './blob-store';
import { attachmentsRepo } from './repo';

const dayMs = 24 * 60 * 60 * 1000;

export interface SweepReport {
  tempFiles: number;
  unusedFiles: number;
  orphanFiles: number;
  missingFiles: string[];
}

/**
 * Start-up tidy of the attachments folder. Removes temp files (no upload can
 * be in flight: this process holds the data directory), files no row uses,
 * and files with no row at all once they are a day old. Reports, loudly,
 * rows whose file is missing; it never deletes a row.
 *
 * `keepTempsFrom` (wall-clock ms): after a crash the sweep waits for the quick
 * check while uploads may already run, so temp files written since then are
 * an upload in flight, not leftovers, and are kept.
 */
export async function sweepAttachments(
  db: Db,
  store: BlobStore,
  clock: Clock,
  logger: Logger,
  { keepTempsFrom }: { keepTempsFrom?: number } = {},
): Promise<SweepReport> {
  const repo = attachmentsRepo(db);
  const report: SweepReport = { tempFiles: 0, unusedFiles: 0, orphanFiles: 0, missingFiles: [] };
  const remove = async (path: string, reason: string) => {
    // The file's own name (a sha256 or a temp name), not its path: that holds the user's name.
    const file = basename(path);
    try {
      await rm(path, { force: true, maxRetries: 5, retryDelay: 200 });
      logger.info('sweep removed a file', { file, reason });
      return true;
    } catch (error) {
      logger.warn('sweep could not remove a file', { file, reason, error: describeError(error) });
      return false;
    }
  };

  const unused = db.transaction(() => repo.releaseUnused(repo.unusedBlobs()))();
  for (const sha256 of unused) if (await remove(store.pathFor(sha256), 'no record uses it')) report.unusedFiles++;

  const { temps, stored } = await store.inventory();
  for (const path of temps) {
    if (keepTempsFrom !== undefined && (await modifiedMs(path)) >= keepTempsFrom) continue;
    if (await remove(path, 'left by an interrupted add')) report.tempFiles++;
  }

  const known = repo.allBlobs();
  const cutoff = clock.now().getTime() - dayMs;
  for (const file of stored) {
    if (known.has(file.sha256)) {
      known.delete(file.sha256);
      continue;
    }
    if (file.modifiedMs < cutoff && (await remove(file.path, 'no row names it'))) report.orphanFiles++;
  }
  // What is left of `known` had no file on disk.
  report.missingFiles = [...known];
  if (report.missingFiles.length > 0) {
    logger.error('stored files are missing from the attachments folder; restore them from a backup', {
      missing: report.missingFiles,
    });
  }
  logger.info('attachments sweep finished', { ...report, missingFiles: report.missingFiles.length });
  return report;
}

/** A file's last change; one that is gone counts as new (there is nothing left to remove). */
async function modifiedMs(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
