import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CrmError } from '../errors';
import { storageError } from './blob-store';
import { describeError, type Logger } from '../logger';

/*
 * Copies handed to other programs (Open) live in a scratch folder inside the
 * data folder: the user's own, readable by no one else (0700), emptied when
 * the core starts and when it closes. Whatever sits in its place and is not a
 * folder of ours (a planted link, another user's folder) is removed, never
 * followed, before a copy is written.
 */

const isWindows = process.platform === 'win32';

// Windows has no owner ids or mode bits here; the data folder's own permissions apply.
function isOurFolder(info: Stats): boolean {
  return info.isDirectory() && !info.isSymbolicLink() && (isWindows || info.uid === process.getuid?.());
}

function isPrivateFolder(info: Stats): boolean {
  return isOurFolder(info) && (isWindows || (info.mode & 0o077) === 0);
}

async function statOrNothing(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

const notPrivate = () =>
  new CrmError(
    'STORAGE',
    'Rolodesk could not make a private folder for the copies it opens, so the file was not opened. Check the permissions of the Rolodesk data folder.',
  );

/** Makes sure `path` is a private folder of ours, replacing anything else found there. */
async function ensurePrivateFolder(path: string): Promise<void> {
  let info = await statOrNothing(path);
  if (info && !isOurFolder(info)) {
    // rm removes a link itself, not what it points at.
    await rm(path, { recursive: true, force: true });
    info = undefined;
  }
  if (!info) await mkdir(path, { mode: 0o700 });
  // mkdir's mode is narrowed by the umask only; an older folder may be wider.
  if (!isWindows) await chmod(path, 0o700);
  const checked = await lstat(path);
  if (!isPrivateFolder(checked)) throw notPrivate();
}

/** At start-up: copies from the last run are deleted and the folder is made private again. */
export async function resetScratchFolder(path: string, logger: Logger): Promise<void> {
  await emptyScratchFolder(path, logger);
  // Rolodesk starts regardless: the next Open tries again and says what is wrong.
  await ensurePrivateFolder(path).catch((error: unknown) =>
    logger.warn('the scratch folder could not be made private yet', { error: describeError(error) }),
  );
}

/** At close: deletes every copy. A program may still hold one open (Windows): then the next start retries. */
export async function emptyScratchFolder(path: string, logger: Logger): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch (error) {
    logger.warn('copies opened in other programs could not all be deleted yet; the next start retries', {
      error: describeError(error),
    });
  }
}

/** A new private folder for one copy, inside a scratch folder checked again just before. */
export async function newCopyFolder(path: string): Promise<string> {
  try {
    await ensurePrivateFolder(path);
    const folder = join(path, randomUUID());
    await mkdir(folder, { mode: 0o700 });
    return folder;
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw storageError(error, 'make a copy to open', 'the Rolodesk data folder');
  }
}
