import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { schemaVersion } from '../db/migrate';
import { sharedFilePath } from './backup-folder';
import { foreignKeyCheck, integrityCheck } from './database-checks';
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
 * SQLite's integrity and foreign-key checks run on the copy itself, its schema
 * version, and the checksum of every attachment. Returns what is wrong, in words.
 */
export async function verifyContents({ databasePath, manifest, filePath }: SnapshotContents, onProgress: (fraction: number) => void = () => {}): Promise<string[]> {
  const problems: string[] = [];
  if (!existsSync(databasePath)) return ['the database file is missing'];
  const database = await hashFile(databasePath);
  if (database.sha256 !== manifest.database.sha256 || database.size !== manifest.database.size) {
    problems.push('the database file does not match its checksum (it was changed or damaged)');
  } else {
    let copy: Database.Database | undefined;
    try {
      copy = new Database(databasePath, { readonly: true, fileMustExist: true });
      const integrity = integrityCheck(copy);
      if (integrity.join() !== 'ok') problems.push(...integrity.slice(0, 10).map((line) => `integrity check: ${line}`));
      problems.push(...foreignKeyCheck(copy).slice(0, 10).map((line) => `foreign key check: ${line}`));
      const version = schemaVersion(copy);
      if (version !== manifest.schemaVersion) problems.push(`the database says data version ${version}, the manifest ${manifest.schemaVersion}`);
    } catch (error) {
      problems.push(`the database cannot be read: ${(error as Error).message}`);
    } finally {
      copy?.close();
    }
  }
  onProgress(0.3);
  for (const [index, file] of manifest.attachments.entries()) {
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
export async function verifySnapshot(backupsDir: string, id: string, onProgress?: (fraction: number) => void): Promise<string[]> {
  const dir = join(backupsDir, id);
  let manifest: Manifest;
  try {
    manifest = await readManifest(dir);
  } catch {
    return ['its manifest is missing or damaged'];
  }
  return verifyContents({ databasePath: join(dir, snapshotDatabaseName), manifest, filePath: (sha256) => sharedFilePath(backupsDir, sha256) }, onProgress);
}
