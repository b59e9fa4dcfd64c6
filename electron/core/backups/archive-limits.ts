/**
 * The limits a backup archive must keep before a byte of it is unpacked: an
 * archive's directory states its own sizes, and a hostile one (a "ZIP bomb")
 * states what it likes, so each entry's sizes are checked as it is listed.
 */

/** manifest.json, crm.db and one entry per attachment: a million attachments is far past any office's. */
export const maxArchiveEntries = 1_000_002;

/**
 * How much larger than its packed bytes an entry, or the whole archive, may
 * unpack. A Rolodesk database deflates about 3 to 20 times (freed pages keep
 * their old contents); deflate's own limit is about 1,000 times, which only
 * runs of one byte reach.
 */
export const maxCompressionRatio = 100;

/** Below this an entry may have any ratio: a small database deflates well, and a megabyte harms nobody. */
const anyRatioBelowBytes = 1024 * 1024;

const inWords = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
      : `${Math.ceil(bytes / 1024)} KB`;

/** Why an archive with this many entries is refused, or undefined. */
export function entryCountProblem(count: number): string | undefined {
  return count > maxArchiveEntries
    ? `it holds ${count.toLocaleString('en')} files, more than any backup (at most ${maxArchiveEntries.toLocaleString('en')})`
    : undefined;
}

/**
 * Adds up the sizes an archive's entries declare, one entry at a time: each
 * entry's ratio, then the total against the archive file's own size. Returns
 * why an entry is refused ("would unpack to …"), or undefined.
 */
export function uncompressedTotals(archiveBytes: number) {
  let total = 0;
  const totalLimit = Math.max(archiveBytes * maxCompressionRatio, anyRatioBelowBytes);
  return {
    add(compressed: number, uncompressed: number): string | undefined {
      if (uncompressed > Math.max(compressed * maxCompressionRatio, anyRatioBelowBytes)) {
        return `would unpack to ${inWords(uncompressed)} from ${inWords(compressed)}, far more than any backup compresses (it looks built to fill the disk)`;
      }
      total += uncompressed;
      if (total > totalLimit)
        return `takes the archive past ${inWords(totalLimit)} unpacked, more than ${maxCompressionRatio} times its own size (it looks built to fill the disk)`;
      return undefined;
    },
  };
}
