import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncFolder } from '../durable-files';
import { copyHashing } from '../hashing-copy';
import { sharedFilesFolder } from './backup-folder';

const bucketPattern = /^[0-9a-f]{2}$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * Copies one file to `destination`, checking its sha256 on the way; the copy
 * appears under its name only when whole, and is never left half-written.
 * Returns whether the bytes were the expected ones (nothing is named when not).
 */
export async function copyCheckedFile(
  source: string | AsyncIterable<Uint8Array>,
  destination: string,
  sha256: string,
): Promise<boolean> {
  await mkdir(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  try {
    if ((await copyHashing(source, partial)) !== sha256) {
      await rm(partial, { force: true });
      return false;
    }
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return true;
}

/**
 * The sha256 names in a backups folder's shared files folder, read with one
 * listing per bucket. A name there is a whole, checked copy: files appear
 * only by the rename in copyCheckedFile, and the re-check removes any whose
 * bytes rot, so the next snapshot copies it again.
 */
export function sharedFileNames(backupsDir: string): Promise<Set<string>> {
  return hashNamedFiles(join(backupsDir, sharedFilesFolder));
}

/** The sha256 names in a folder of <2 hex>/<sha256> buckets (the shared files, a key's sealed files). */
export async function hashNamedFiles(root: string): Promise<Set<string>> {
  const names = new Set<string>();
  if (!existsSync(root)) return names;
  // All buckets at once: 256 listings in sequence cost more than the database copy at 20,000 contacts.
  const buckets = (await readdir(root)).filter((bucket) => bucketPattern.test(bucket));
  for (const listing of await Promise.all(buckets.map((bucket) => readdir(join(root, bucket))))) {
    for (const name of listing) if (sha256Pattern.test(name)) names.add(name);
  }
  return names;
}

/** fsyncs each folder once: the names made in it survive a power cut. */
export function syncFolders(paths: Iterable<string>): void {
  for (const folder of new Set([...paths].map((path) => dirname(path)))) syncFolder(folder);
}
