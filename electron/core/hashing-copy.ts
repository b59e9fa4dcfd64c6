import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** Read in 1 MB pieces: a database copy of hundreds of MB costs a few hundred awaits, not thousands. */
const readChunkBytes = 1024 * 1024;

/** The bytes of a file on disk, in pieces. */
export function readPieces(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: readChunkBytes });
}

/**
 * Copies what `source` yields (a path is read from disk) to `target`, fsynced,
 * and returns the sha256 of the bytes copied: one pass both copies and checks.
 */
export async function copyHashing(source: string | AsyncIterable<Uint8Array>, target: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(target, 'w');
  try {
    for await (const chunk of typeof source === 'string' ? readPieces(source) : source) {
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** The sha256 and length of what `source` yields (a path is read from disk). */
export async function hashPieces(
  source: string | AsyncIterable<Uint8Array>,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of typeof source === 'string' ? readPieces(source) : source) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
