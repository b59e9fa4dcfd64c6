import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** fsyncs a folder so renames and new names in it survive a power cut (POSIX; Windows journals renames). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsyncs a file that is already written. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a small file so that it is either the old one or the whole new one, even after a power cut. */
export async function writeFileDurably(path: string, content: string): Promise<void> {
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  try {
    const handle = await open(partial, 'w');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
    syncFolder(dirname(path));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

const retryable = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY']);

/**
 * Deletes a path, retrying while Windows antivirus or a sync tool holds it
 * (EBUSY/EPERM). Gives up after a few seconds and rethrows.
 */
export async function removeWithRetry(path: string, attempts = 8, delayMs = 250): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rm(path, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (attempt >= attempts || !retryable.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}

/** Renames, retrying on the transient lock errors Windows gives while another program peeks at a file. */
export async function renameWithRetry(from: string, to: string, attempts = 8, delayMs = 250): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (attempt >= attempts || !retryable.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}
