import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder } from '../durable-files';
import { copyHashing } from '../hashing-copy';

/**
 * Copies one stored file into a destination, checking its sha256 on the way;
 * the copy appears under its name only when whole. Returns a problem in words,
 * or undefined when the copy is good (or was already there).
 */
export async function copyCheckedFile(source: string, destination: string, expected: { sha256: string; size: number }): Promise<string | undefined> {
  if (existsSync(destination) && (await stat(destination)).size === expected.size) return undefined;
  if (!existsSync(source)) return `attachment ${expected.sha256.slice(0, 12)}… is missing from the attachments folder`;
  await mkdir(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  if ((await copyHashing(source, partial)) !== expected.sha256) {
    await rm(partial, { force: true });
    return `attachment ${expected.sha256.slice(0, 12)}… is damaged in the attachments folder (its contents changed)`;
  }
  await rename(partial, destination);
  syncFolder(dirname(destination));
  return undefined;
}
