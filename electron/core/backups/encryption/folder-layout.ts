import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
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
const bucketPattern = /^[0-9a-f]{2}$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

export function sealedFilePath(backupsDir: string, keyId: string, sha256: string): string {
  return join(backupsDir, sealedFilesFolder, keyId, sha256.slice(0, 2), sha256);
}

export const isSealedSnapshot = (snapshotDir: string) => existsSync(join(snapshotDir, sealedDatabaseName));

/** The key a sealed snapshot was made with, read from its database file's header (no key needed). */
export async function snapshotKeyId(snapshotDir: string): Promise<string> {
  return (await readSealedHeader(join(snapshotDir, sealedDatabaseName))).keyId;
}

/** The sha256 names of the sealed attachments kept for one key, read with one listing per bucket. */
export async function sealedFileNames(backupsDir: string, keyId: string): Promise<Set<string>> {
  const root = join(backupsDir, sealedFilesFolder, keyId);
  const names = new Set<string>();
  if (!existsSync(root)) return names;
  const buckets = (await readdir(root)).filter((bucket) => bucketPattern.test(bucket));
  for (const listing of await Promise.all(buckets.map((bucket) => readdir(join(root, bucket))))) {
    for (const name of listing) if (sha256Pattern.test(name)) names.add(name);
  }
  return names;
}

/** The key folders under sealed-files/ (each holds the attachments sealed with one key). */
export async function sealedKeyIds(backupsDir: string): Promise<string[]> {
  const root = join(backupsDir, sealedFilesFolder);
  return existsSync(root) ? (await readdir(root)).filter((name) => keyIdPattern.test(name)) : [];
}
