import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { removeWithRetry, renameWithRetry, syncFolder, writeFileDurably } from '../durable-files';
import { CrmError } from '../errors';
import type { Logger } from '../logger';

export const journalFileName = 'restore-journal.json';
export const stagingPrefix = '.restore-staging-';
export const previousPrefix = '.restore-previous-';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Exactly the names swapInStagedData makes: a name with a "/" or ".." in it would move data out of the data folder.
const Journal = z.strictObject({
  staging: z.string().regex(new RegExp(`^\\.restore-staging-${uuid}$`)),
  previous: z.string().regex(new RegExp(`^\\.restore-previous-${uuid}$`)),
});
type Journal = z.infer<typeof Journal>;

/** The renames that swap staged data in, in order. Each is atomic; together they are made whole by the journal. */
function swapSteps(root: string, journal: Journal): Array<[from: string, to: string]> {
  const staging = join(root, journal.staging);
  const previous = join(root, journal.previous);
  return [
    [join(root, 'crm.db'), join(previous, 'crm.db')],
    [join(root, 'crm.db-wal'), join(previous, 'crm.db-wal')],
    [join(root, 'crm.db-shm'), join(previous, 'crm.db-shm')],
    [join(root, 'attachments'), join(previous, 'attachments')],
    [join(staging, 'crm.db'), join(root, 'crm.db')],
    [join(staging, 'attachments'), join(root, 'attachments')],
  ];
}

/**
 * Runs every swap step not yet done. Once the journal exists the staged data
 * is complete and verified, so finishing the swap is always right: after a
 * crash at any point the data is the restored data, never a mix.
 */
async function rollForward(root: string, journal: Journal): Promise<void> {
  for (const [from, to] of swapSteps(root, journal)) {
    if (existsSync(from) && !existsSync(to)) await renameWithRetry(from, to);
  }
  syncFolder(root);
  await rm(join(root, journalFileName), { force: true });
  syncFolder(root);
}

/**
 * Swaps the staged database and attachments in for the live ones (the live
 * database must be closed). What was swapped out is left for
 * removeRestoreLeftovers, once the restored data is open: it is in the safety
 * snapshot taken before the restore, and requests wait while the data is away.
 */
export async function swapInStagedData(root: string, stagingName: string): Promise<void> {
  const journal: Journal = { staging: stagingName, previous: stagingName.replace(stagingPrefix, previousPrefix) };
  await mkdir(join(root, journal.previous), { recursive: true });
  await writeFileDurably(join(root, journalFileName), JSON.stringify(journal));
  await rollForward(root, journal);
}

/** Removes staging and previous-data folders a restore left behind (at start-up too, after a crash). */
export async function removeRestoreLeftovers(root: string, logger: Logger): Promise<void> {
  for (const name of readdirSync(root)) {
    if (name.startsWith(stagingPrefix) || name.startsWith(previousPrefix)) {
      await removeWithRetry(join(root, name)).catch((error: unknown) =>
        logger.warn('could not remove a leftover restore folder', { name, error: String(error) }),
      );
    }
  }
}

/** The journal, or a refusal in words: with no trustworthy journal, moving anything could lose data. */
async function readJournal(path: string): Promise<Journal> {
  try {
    return Journal.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    throw new CrmError(
      'STORAGE',
      `Rolodesk was restoring a backup when it stopped, and its note of that restore (${path}) is damaged, so Rolodesk moved nothing. Your data is still in the data folder; ask for help before deleting anything there.`,
    );
  }
}

/**
 * At start-up, before the database is opened: finishes a restore that a crash
 * interrupted, then removes staging and previous-data folders left behind
 * (the data they held is in the safety snapshot taken before the restore).
 */
export async function finishInterruptedRestore(root: string, logger: Logger): Promise<void> {
  const journalPath = join(root, journalFileName);
  // A journal whose write was interrupted never took effect: the swap had not begun.
  await rm(join(root, `.${journalFileName}.partial`), { force: true });
  if (existsSync(journalPath)) {
    const journal = await readJournal(journalPath);
    logger.warn('finishing a restore that was interrupted', { ...journal });
    await rollForward(root, journal);
  }
  await removeRestoreLeftovers(root, logger);
}
