import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { CrmError } from '../../errors';
import { removeWithRetry } from '../../durable-files';
import type { KeySet } from './key-set';
import { sealStream, unsealStream, type KeyFor } from './sealed-file';

/**
 * How a snapshot seals what it writes into a chosen folder: the open master
 * key, the key set written into every file's header (so the folder opens on
 * another computer with the password alone), and a work folder inside the
 * data folder, where the only plain copy of the database is made and checked.
 */
export interface FolderSeal {
  keyId: string;
  masterKey: Buffer;
  keySet: KeySet;
  workDir: string;
}

/** How a check or a restore opens sealed files: the key finder, and where a plain copy may be made (the data folder). */
export interface FolderOpener {
  keyFor: KeyFor;
  workDir: string;
}

/** Work folders in the data folder hold a plain database copy for as long as a snapshot checks it. */
export const workFolderPrefix = '.backup-work-';

/** Removes work folders an interrupted snapshot left in the data folder (they hold plain copies). */
export async function removeWorkLeftovers(workDir: string): Promise<void> {
  for (const name of await readdir(workDir).catch(() => [])) {
    if (name.startsWith(workFolderPrefix)) await removeWithRetry(join(workDir, name));
  }
}

/** The key finder for what this very snapshot sealed. */
export const sealedWith =
  (seal: FolderSeal): KeyFor =>
  (header) =>
    header.keyId === seal.keyId
      ? Promise.resolve(seal.masterKey)
      : Promise.reject(new CrmError('BACKUP_INVALID', 'This encrypted backup was sealed with another key.'));

/** Passes bytes on while hashing them. */
function hashing(hash: ReturnType<typeof createHash>): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
}

/**
 * Seals `source` (a plain file, or bytes) into `destination`, fsynced, and
 * returns the sha256 of the plain bytes. The file appears under its name only
 * when whole and, if `expectedSha256` is given, only when the bytes had it.
 */
export async function sealFile(
  source: string | AsyncIterable<Uint8Array>,
  destination: string,
  seal: FolderSeal,
  expectedSha256?: string,
): Promise<{ sha256: string; named: boolean }> {
  await mkdir(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  const hash = createHash('sha256');
  try {
    const handle = await open(partial, 'w');
    try {
      const plain = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1024 * 1024 }) : source;
      for await (const chunk of pipeline(
        plain,
        hashing(hash),
        sealStream(seal.masterKey, seal.keyId, seal.keySet),
        () => {},
      ))
        await handle.write(chunk as Buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const sha256 = hash.digest('hex');
    if (expectedSha256 !== undefined && sha256 !== expectedSha256) {
      await rm(partial, { force: true });
      return { sha256, named: false };
    }
    await rename(partial, destination);
    return { sha256, named: true };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** The plain bytes of a sealed file as they are read and authenticated; a changed byte fails as BACKUP_INVALID. */
export function unsealedBytes(path: string, keyFor: KeyFor): AsyncIterable<Uint8Array> {
  return pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), unsealStream(keyFor), () => {});
}
