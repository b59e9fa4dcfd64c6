import type { Db } from '../db/open';
import { describeError, type Logger } from '../logger';
import type { BlobStore } from './blob-store';
import { attachmentsRepo } from './repo';

/**
 * Runs a change that may leave files unused, then deletes those files. Rows
 * go first, in the change's transaction; files only after the commit, so a
 * crash can leave an unused file (the start-up sweep takes it) but never a
 * row without its file.
 */
export async function changeThenReleaseFiles<T>(
  db: Db,
  store: BlobStore,
  logger: Logger,
  candidates: () => Iterable<string>,
  change: () => T,
): Promise<T> {
  const repo = attachmentsRepo(db);
  const { result, released } = db.transaction(() => {
    const before = [...candidates()];
    const result = change();
    return { result, released: repo.releaseUnused(before) };
  })();
  for (const sha256 of released) {
    try {
      await store.remove(sha256);
    } catch (error) {
      logger.warn('an unused file could not be deleted yet; the start-up sweep will retry', {
        sha256,
        error: describeError(error),
      });
    }
  }
  if (released.length > 0) logger.info('unused files deleted', { count: released.length });
  return result;
}
