import { hashPieces } from '../hashing-copy';
import { archiveSource } from './archive';
import type { KeyFor } from './encryption/sealed-file';
import { openBackupZip } from './encryption/sealed-zip';
import type { CheckedManifest } from './manifest';

export interface BackupFileCheck {
  /** Whether the file is encrypted (it opened with the key given). */
  encrypted: boolean;
  manifest: CheckedManifest;
  /** What does not match its checksum, in words; empty when every byte does. */
  problems: string[];
}

/**
 * Checks an exported backup file without restoring it: the archive checks
 * restore makes (its entries, sizes, manifest), then every entry hashed
 * against the manifest's checksums. An encrypted file opens with keyFor
 * (PASSWORD_REQUIRED without the right password; BACKUP_INVALID when changed).
 */
export async function checkBackupFile(path: string, keyFor: KeyFor): Promise<BackupFileCheck> {
  const zip = await openBackupZip(path, keyFor);
  let source: Awaited<ReturnType<typeof archiveSource>>;
  try {
    source = await archiveSource(path, zip.opener);
  } catch (error) {
    zip.release();
    throw error;
  }
  try {
    const problems: string[] = [];
    const database = await source.database();
    if ((await hashPieces(database)).sha256 !== source.manifest.database.sha256)
      problems.push('the database does not match its checksum');
    for (const { sha256 } of source.manifest.attachments) {
      const bytes = await source.file(sha256);
      if (bytes === undefined || (await hashPieces(bytes)).sha256 !== sha256)
        problems.push(`attachment ${sha256.slice(0, 12)}… does not match its checksum`);
    }
    return { encrypted: zip.sealed, manifest: source.manifest, problems };
  } finally {
    source.close();
  }
}
