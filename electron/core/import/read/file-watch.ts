import { stat } from 'node:fs/promises';
import { refusals } from './refusals';

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

async function fingerprint(file: string): Promise<{ size: number; mtimeMs: number }> {
  try {
    const { size, mtimeMs } = await stat(file);
    return { size, mtimeMs };
  } catch (error) {
    throw isMissing(error) ? refusals.changed() : error;
  }
}

/**
 * Notices a file that is replaced, grown, cut short or removed while it is
 * read (a sync tool or Excel saving over it): its size and modification time
 * are taken before the first byte and compared after the last. `expectedSize`
 * is the size the file had when it was inspected.
 */
export async function watchFile(
  file: string,
  expectedSize?: number,
): Promise<{ assertUnchanged: () => Promise<void> }> {
  const before = await fingerprint(file);
  if (expectedSize !== undefined && before.size !== expectedSize) throw refusals.changed();
  return {
    async assertUnchanged() {
      const after = await fingerprint(file);
      if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw refusals.changed();
    },
  };
}

/** A read that failed because the file went away mid-way is the same story as a changed file. */
export function asChanged(error: unknown): unknown {
  return isMissing(error) ? refusals.changed() : error;
}
