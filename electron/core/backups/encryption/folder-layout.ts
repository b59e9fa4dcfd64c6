import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hashNamedFiles } from '../shared-files';
import { readSealedHeader } from './sealed-file';

/**
 * Where sealed snapshots keep their bytes in a backups folder, apart from
 * plain ones: the database as crm.db.sealed (a plain snapshot has crm.db),
 * attachments under sealed-files/<keyId>/<2 hex>/<sha256> (plain ones under
 * files/). A plain file is never taken for a sealed one, nor the other way.
 */
export const sealedDatabaseName = 'crm.db.sealed';
export const sealedFilesFolder = 'sealed-files';

const keyIdPattern = /^[0-9a-f]{32}$/;

export function sealedFilePath(backupsDir: string, keyId: string, sha256: string): string {
  return join(backupsDir, sealedFilesFolder, keyId, sha256.slice(0, 2), sha256);
}

export const isSealedSnapshot = (snapshotDir: string) => existsSync(join(snapshotDir, sealedDatabaseName));

/** The key a sealed snapshot was made with, read from its database file's header (no key needed). */
export async function snapshotKeyId(snapshotDir: string): Promise<string> {
  return (await readSealedHeader(join(snapshotDir, sealedDatabaseName))).keyId;
}

/** The sha256 names of the sealed attachments kept for one key, read with one listing per bucket. */
export function sealedFileNames(backupsDir: string, keyId: string): Promise<Set<string>> {
  return hashNamedFiles(join(backupsDir, sealedFilesFolder, keyId));
}

/** The key folders under sealed-files/ (each holds the attachments sealed with one key). */
export async function sealedKeyIds(backupsDir: string): Promise<string[]> {
  const root = join(backupsDir, sealedFilesFolder);
  return existsSync(root) ? (await readdir(root)).filter((name) => keyIdPattern.test(name)) : [];
}
