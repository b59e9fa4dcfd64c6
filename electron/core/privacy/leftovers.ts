import { createReadStream, existsSync } from 'node:fs';

/**
 * Whether any of these texts is still in a file's bytes: in the database's
 * free space, say, where SQLite leaves the old copy of a row changed before
 * secure_delete was on (an edit, a move to the trash). Read in pieces that
 * overlap by the longest text, so one split between two pieces is found too.
 */
export async function fileHoldsAny(path: string, texts: readonly string[]): Promise<boolean> {
  if (!existsSync(path)) return false;
  const needles = [
    ...new Set(texts.filter((text) => text.length >= 3).flatMap((text) => [text, text.toLowerCase()])),
  ].map((text) => Buffer.from(text, 'utf8'));
  if (needles.length === 0) return false;
  const overlap = Math.max(...needles.map((needle) => needle.length)) - 1;
  let carry = Buffer.alloc(0);
  for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const window = Buffer.concat([carry, piece as Buffer]);
    if (needles.some((needle) => window.includes(needle))) return true;
    carry = window.subarray(Math.max(0, window.length - overlap));
  }
  return false;
}
