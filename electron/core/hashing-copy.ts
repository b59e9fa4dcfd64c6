import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** Copies a file to `target`, fsynced, and returns the sha256 of the bytes copied. */
export async function copyHashing(source: string, target: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(target, 'w');
  try {
    for await (const chunk of createReadStream(source)) {
      hash.update(chunk as Buffer);
      await handle.write(chunk as Buffer);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
