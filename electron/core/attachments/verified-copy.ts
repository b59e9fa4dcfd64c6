import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Attachment } from '../../../shared/schemas/attachment';
import { CrmError } from '../errors';
import { copyHashing } from '../hashing-copy';
import { storageError, type BlobStore } from './blob-store';
import { detectType } from './detect-type';
import { checkContent } from './file-policy';
import { allowedKinds, extensionOf, kindByExtension } from './file-types';

/** A name any desktop accepts, ending in the extension of what the file really is. */
export function safeCopyName(attachment: Attachment): string {
  const kind = Object.values(allowedKinds).find((candidate) => candidate.mime === attachment.mimeType);
  let name = attachment.fileName.replace(/[<>:"|?*]/g, '_').replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `_${name}`;
  const named = kindByExtension[extensionOf(name)];
  if (kind && (!named || allowedKinds[named].mime !== kind.mime)) name = `${name}.${kind.extension}`;
  return name || `attachment.${kind?.extension ?? 'bin'}`;
}

/**
 * Copies a stored file out of the store, checking on the way that its bytes
 * still hash to its name and are still of an allowed type. The copy appears
 * under its final name only when complete.
 */
export async function copyVerified(store: BlobStore, attachment: Attachment, destination: string): Promise<void> {
  const source = store.pathFor(attachment.sha256);
  const recheck = checkContent(attachment.fileName, await detectType(source, extensionOf(attachment.fileName)));
  if (allowedKinds[recheck].mime !== attachment.mimeType) {
    throw new CrmError('FILE_REFUSED', `The stored copy of “${attachment.fileName}” has changed type, so it was not opened.`);
  }
  await mkdir(dirname(destination), { recursive: true });
  const partial = join(dirname(destination), `.${basename(destination)}.rolodesk-partial`);
  try {
    if ((await copyHashing(source, partial)) !== attachment.sha256) {
      throw new CrmError('STORAGE', `The stored copy of “${attachment.fileName}” is damaged (its contents changed on disk). Restore it from a backup.`);
    }
    await rename(partial, destination);
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof CrmError) throw error;
    throw storageError(error, `copy “${attachment.fileName}”`);
  }
}
