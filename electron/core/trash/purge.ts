import { changeThenReleaseFiles } from '../attachments/release';
import type { BlobStore } from '../attachments/blob-store';
import type { Db } from '../db/open';
import type { Logger } from '../logger';
import { trashRepo } from './repo';

/**
 * Deletes trash entries for good: their rows in one transaction, then the
 * files no other row uses (as deleting a contact did before the trash).
 */
export async function purgeEntries(db: Db, store: BlobStore, logger: Logger, trashIds: readonly number[], now: Date): Promise<number> {
  if (trashIds.length === 0) return 0;
  const trash = trashRepo(db);
  const purged = await changeThenReleaseFiles(
    db,
    store,
    logger,
    () => trash.contents(trashIds).files(),
    () => trash.purge(trashIds, now.toISOString()),
  );
  logger.info('trash entries deleted for good', { count: purged });
  return purged;
}

/** Deletes what has been in the trash for 30 days or more. Main may call it daily; it also runs at start-up. */
export async function purgeExpiredTrash(db: Db, store: BlobStore, logger: Logger, now: Date): Promise<number> {
  return purgeEntries(db, store, logger, trashRepo(db).expired(now), now);
}
