import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotIdPattern } from '../../../shared/schemas/backup';
import { writeFileDurably } from '../durable-files';

/** Marks a folder as Rolodesk's own backups folder: nothing is ever pruned from a folder without it. */
export const markerFileName = 'rolodesk-backups.json';
export const sharedFilesFolder = 'files';
export const tempSnapshotPrefix = '.tmp-';

/** A folder the user picked gets our own subfolder, so we never mix with (or prune) their files. */
export const chosenFolderSubfolder = 'Rolodesk Backups';

export async function prepareBackupFolder(folder: string): Promise<void> {
  await mkdir(join(folder, sharedFilesFolder), { recursive: true });
  if (!existsSync(join(folder, markerFileName))) {
    await writeFileDurably(
      join(folder, markerFileName),
      `${JSON.stringify({ app: 'Rolodesk', purpose: 'backups', format: 1 })}\n`,
    );
  }
}

export function isOurBackupFolder(folder: string): boolean {
  return existsSync(join(folder, markerFileName));
}

/** Names of the snapshot folders present (complete or not), newest first. */
export async function snapshotFolderNames(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && snapshotIdPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
}

export function snapshotIdFor(time: Date): string {
  const iso = time.toISOString(); // 2026-11-27T02:15:00.123Z
  return `snapshot-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

export function sharedFilePath(folder: string, sha256: string): string {
  return join(folder, sharedFilesFolder, sha256.slice(0, 2), sha256);
}
