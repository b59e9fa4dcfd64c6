import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CrmError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import { sharedFilePath } from './backup-folder';
import { hashFile, readManifest, snapshotDatabaseName, type Manifest } from './manifest';

export interface SnapshotContents {
  databasePath: string;
  manifest: Manifest;
  /** Where the attachment with this sha256 is kept. */
  filePath(sha256: string): string;
}

const short = (sha256: string) => `${sha256.slice(0, 12)}…`;

/**
 * Checks a snapshot's bytes against its manifest: the database's checksum,
 * SQLite's integrity and foreign-key checks run on the copy itself (in a job,
 * on its own connection), its schema version, and the checksum of every
 * attachment. Returns what is wrong, in words. Aborting stops it (CANCELLED).
 */
export async function verifyContents(
  { databasePath, manifest, filePath }: SnapshotContents,
  jobs: JobRunner,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
): Promise<string[]> {
  const problems: string[] = [];
  if (!existsSync(databasePath)) return ['the database file is missing'];
  const database = await hashFile(databasePath);
  if (database.sha256 !== manifest.database.sha256 || database.size !== manifest.database.size) {
    problems.push('the database file does not match its checksum (it was changed or damaged)');
  } else {
    try {
      const copy = await jobs.run('inspectCopy', { file: databasePath, listContents: false }, { signal, onProgress: (fraction) => onProgress(0.3 * fraction) });
      if (copy.integrity.join() !== 'ok') problems.push(...copy.integrity.slice(0, 10).map((line) => `integrity check: ${line}`));
      problems.push(...copy.foreignKeys.slice(0, 10).map((line) => `foreign key check: ${line}`));
      if (copy.schemaVersion !== manifest.schemaVersion) problems.push(`the database says data version ${copy.schemaVersion}, the manifest ${manifest.schemaVersion}`);
    } catch (error) {
      if (error instanceof CrmError && error.code === 'CANCELLED') throw error;
      problems.push(`the database cannot be read: ${(error as Error).message}`);
    }
  }
  signal?.throwIfAborted();
  onProgress(0.3);
  for (const [index, file] of manifest.attachments.entries()) {
    signal?.throwIfAborted();
    const path = filePath(file.sha256);
    if (!existsSync(path)) {
      problems.push(`attachment ${short(file.sha256)} is missing`);
      continue;
    }
    const actual = await hashFile(path);
    if (actual.sha256 !== file.sha256 || actual.size !== file.size) problems.push(`attachment ${short(file.sha256)} does not match its checksum`);
    onProgress(0.3 + (0.7 * (index + 1)) / manifest.attachments.length);
  }
  onProgress(1);
  return problems;
}

/** Verifies a snapshot folder in a backups folder. */
export async function verifySnapshot(backupsDir: string, id: string, jobs: JobRunner, onProgress?: (fraction: number) => void): Promise<string[]> {
  const dir = join(backupsDir, id);
  let manifest: Manifest;
  try {
    manifest = await readManifest(dir);
  } catch {
    return ['its manifest is missing or damaged'];
  }
  return verifyContents({ databasePath: join(dir, snapshotDatabaseName), manifest, filePath: (sha256) => sharedFilePath(backupsDir, sha256) }, jobs, onProgress);
}
