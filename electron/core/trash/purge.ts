import { changeThenReleaseFiles } from '../attachments/release';
import type { BlobStore } from '../attachments/blob-store';
import type { Db } from '../db/open';
import { CrmError } from '../errors';
import type { Logger } from '../logger';
import { purgePlanner, type PurgePlan } from './purge-plan';
import { keptLongEnough, trashRepo } from './repo';
import { sweptActivities } from './swept';

export const changedSincePreview = () =>
  new CrmError(
    'CONFLICT',
    'What this would delete changed meanwhile (something was restored or deleted elsewhere). Nothing was deleted: look at it again first.',
  );

/** Deletes exactly the rows of a plan, children first; what the entries still hold belongs to records that stay. */
function planDeleter(db: Db) {
  const swept = sweptActivities(db);
  const byIds = (table: string) =>
    db.prepare<[string]>(`DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
  const remove = {
    attachments: byIds('attachments'),
    activities: byIds('activities'),
    deals: byIds('deals'),
    contacts: byIds('contacts'),
    companies: byIds('companies'),
    trash: byIds('trash'),
  };
  const filesOf = db
    .prepare<[{ attachments: string; contacts: string }], string>(
      `
    SELECT sha256 FROM attachments WHERE id IN (SELECT value FROM json_each(@attachments))
    UNION SELECT photo_sha256 FROM contacts WHERE id IN (SELECT value FROM json_each(@contacts)) AND photo_sha256 IS NOT NULL`,
    )
    .pluck();
  const expiredUndo = db.prepare<[string]>('DELETE FROM undo_records WHERE created_at <= ?');
  return {
    /** The files the plan's rows hold: released afterwards if no other row does. */
    files: (plan: PurgePlan) =>
      filesOf.all({ attachments: JSON.stringify(plan.attachments), contacts: JSON.stringify(plan.contacts) }),
    delete(plan: PurgePlan, now: Date): number {
      for (const table of ['attachments', 'activities', 'deals', 'contacts', 'companies'] as const)
        remove[table].run(JSON.stringify(plan[table]));
      swept.rehome(plan.entries);
      remove.trash.run(JSON.stringify([...plan.entries, ...plan.emptied]));
      expiredUndo.run(keptLongEnough(now));
      return plan.entries.length + plan.emptied.length;
    },
  };
}

/**
 * Deletes trash entries for good: exactly the rows their plan names (the
 * preview showed the same plan), in one transaction, then the files no
 * other row uses. With `expectedKey` (the preview's), refuses if the plan
 * changed meanwhile. Returns how many entries went.
 */
export async function purgeEntries(
  db: Db,
  store: BlobStore,
  logger: Logger,
  trashIds: readonly number[],
  now: Date,
  expectedKey?: string,
): Promise<number> {
  if (trashIds.length === 0) return 0;
  const planner = purgePlanner(db);
  const rows = planDeleter(db);
  let plan: PurgePlan | undefined;
  const purged = await changeThenReleaseFiles(
    db,
    store,
    logger,
    // Runs first, inside the same transaction as the delete below.
    () => {
      plan = planner.plan(trashIds);
      if (expectedKey !== undefined && plan.key !== expectedKey) throw changedSincePreview();
      return rows.files(plan);
    },
    () => rows.delete(plan!, now),
  );
  logger.info('trash entries deleted for good', { count: purged });
  return purged;
}

/** Deletes what has been in the trash for 30 days or more. Main may call it daily; it also runs at start-up. */
export async function purgeExpiredTrash(db: Db, store: BlobStore, logger: Logger, now: Date): Promise<number> {
  return purgeEntries(db, store, logger, trashRepo(db).expired(now), now);
}
