import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CrmError } from '../errors';
import { copyHashing } from '../hashing-copy';
import { storageError, type BlobStore } from './blob-store';
import { detectType, labelOf } from './detect-type';
import { allowedKinds, type AllowedKind } from './file-types';

/** A stored file on its way out: its fingerprint, the kind its row records, and the (checked) name it is copied under. */
export interface OutgoingFile {
  sha256: string;
  kind: AllowedKind;
  name: string;
}

/**
 * Copies a stored file out of the store, checking on the way that its bytes
 * are still the kind its row records and still hash to its name. The copy
 * appears under its final name only when complete.
 */
export async function copyVerified(store: BlobStore, file: OutgoingFile, destination: string): Promise<void> {
  const source = store.pathFor(file.sha256);
  const detected = await detectType(source, allowedKinds[file.kind].extension);
  if (!('kind' in detected) || detected.kind !== file.kind) {
    throw new CrmError(
      'FILE_REFUSED',
      `The stored copy of “${file.name}” is really ${labelOf(detected)}, not ${allowedKinds[file.kind].label}, so Rolodesk did not copy it.`,
    );
  }
  await mkdir(dirname(destination), { recursive: true });
  const partial = join(dirname(destination), `.${basename(destination)}.rolodesk-partial`);
  try {
    if ((await copyHashing(source, partial)) !== file.sha256) {
      throw new CrmError(
        'STORAGE',
        `The stored copy of “${file.name}” is damaged (its contents changed on disk). Restore it from a backup.`,
      );
    }
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof CrmError) throw error;
    throw storageError(error, `copy “${file.name}”`);
  }
}
