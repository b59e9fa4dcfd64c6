import { basename, isAbsolute } from 'node:path';
import { CrmError } from '../errors';

/** Longest file name the window is shown (the same bound as a file waiting for its password). */
const nameLimit = 300;

/**
 * A backup file the user opened from outside Rolodesk (double-clicked, or
 * dropped on the app's icon): main hands its path over, the window only ever
 * learns its name and asks to restore "the opened file". The latest one
 * opened is the one the user means.
 */
export function openedBackupFile() {
  let waiting: { path: string; announced: boolean } | undefined;
  return {
    /** Keeps the file for a restore and answers its name. */
    offer(path: string): string {
      // Main resolves the path; a relative one would be read from wherever the core happens to run.
      if (!isAbsolute(path)) throw new Error('An opened backup file must be given by its absolute path.');
      waiting = { path, announced: false };
      return basename(path).slice(0, nameLimit);
    },
    /**
     * The name of an opened file the window has not shown yet, then null: each
     * opened file opens the restore dialog once, not again at every reload.
     */
    announce(): string | null {
      if (!waiting || waiting.announced) return null;
      waiting.announced = true;
      return basename(waiting.path).slice(0, nameLimit);
    },
    /** The path, for a restore (which then owns it); NOT_FOUND once it was taken. */
    take(): string {
      if (!waiting) {
        throw new CrmError(
          'NOT_FOUND',
          'The backup file you opened is no longer waiting to be restored. Use File › Restore from Backup… to choose it.',
        );
      }
      const { path } = waiting;
      waiting = undefined;
      return path;
    },
  };
}

export type OpenedBackupFile = ReturnType<typeof openedBackupFile>;
