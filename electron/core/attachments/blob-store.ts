import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncFolder } from '../durable-files';
import { CrmError } from '../errors';

export const tempPrefix = '.tmp-';
const shaPattern = /^[0-9a-f]{64}$/;

/** Turns a file-system failure into words the user can act on. */
export function storageError(error: unknown, doing: string, where = 'its attachments folder'): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CrmError(
      'DISK_FULL',
      `The disk is full, so Rolodesk could not ${doing}. Free some space and try again; nothing was changed.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new CrmError(
      'STORAGE',
      `Rolodesk is not allowed to write to ${where}, so it could not ${doing}. Check the folder's permissions; nothing was changed.`,
    );
  }
  if (code === 'ENOENT') {
    return new CrmError('STORAGE', `A file went missing while Rolodesk was trying to ${doing}. Nothing was changed.`);
  }
  return error;
}

/**
 * The attachments folder: immutable files named by their sha256 under a
 * two-hex-digit folder. A file appears under its final name only after it was
 * written, fsynced and hashed in full.
 */
export function blobStore(root: string) {
  const pathFor = (sha256: string): string => {
    if (!shaPattern.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
    return join(root, sha256.slice(0, 2), sha256);
  };

  return {
    root,
    pathFor,

    /** A new temporary file in the same folder tree, so the final rename is atomic. */
    async createTemp() {
      const path = join(root, `${tempPrefix}${randomUUID()}`);
      const handle = await open(path, 'wx');
      return { path, handle };
    },

    /** Moves a complete, fsynced temp file to its content address; the same bytes are kept once. */
    async commit(tempPath: string, sha256: string): Promise<void> {
      const target = pathFor(sha256);
      await mkdir(dirname(target), { recursive: true });
      if (await exists(target)) {
        await unlink(tempPath);
        return;
      }
      await rename(tempPath, target);
      syncFolder(dirname(target));
    },

    async remove(sha256: string): Promise<void> {
      await rm(pathFor(sha256), { force: true, maxRetries: 5, retryDelay: 200 });
    },

    async has(sha256: string): Promise<boolean> {
      return exists(pathFor(sha256));
    },

    /** Every temp file and every stored file, with its age, for the start-up sweep. */
    async inventory(): Promise<{
      temps: string[];
      stored: Array<{ sha256: string; path: string; modifiedMs: number }>;
    }> {
      const temps: string[] = [];
      const stored: Array<{ sha256: string; path: string; modifiedMs: number }> = [];
      for (const entry of await readdir(root, { withFileTypes: true })) {
        const path = join(root, entry.name);
        if (entry.isFile() && entry.name.startsWith(tempPrefix)) temps.push(path);
        if (!entry.isDirectory() || !/^[0-9a-f]{2}$/.test(entry.name)) continue;
        for (const file of await readdir(path, { withFileTypes: true })) {
          const filePath = join(path, file.name);
          if (file.isFile() && file.name.startsWith(tempPrefix)) temps.push(filePath);
          else if (file.isFile() && shaPattern.test(file.name) && file.name.startsWith(entry.name)) {
            stored.push({ sha256: file.name, path: filePath, modifiedMs: (await stat(filePath)).mtimeMs });
          }
        }
      }
      return { temps, stored };
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}

export type BlobStore = ReturnType<typeof blobStore>;
