import { open } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { storageError } from '../attachments/blob-store';
import { CrmError } from '../errors';
import type { Logger } from '../logger';
import { chunkedUploads, type UploadLimits, type UploadWords } from '../uploads/chunked-uploads';

const gigabyte = 1024 * 1024 * 1024;

/**
 * A small office imports one file at a time; a few at once leave room for a
 * second window or a retry. An export of a large CRM may be 1–2 GB, so the
 * bytes in flight are generous, and one file may use all of them.
 */
export const importUploadLimits: UploadLimits = {
  sessions: 4,
  bytesInFlight: 4 * gigabyte,
  idleMs: 10 * 60 * 1000,
  idleCheckMs: 60 * 1000,
};

const words: UploadWords = {
  gone: 'This file is no longer being received. Please drop it on the window again.',
  garbled: 'Part of the file arrived garbled. Please drop it again.',
  tooMany: (fileName) =>
    `Rolodesk is still receiving other dropped files, so “${fileName}” was not taken. Wait for them to finish, then drop it again.`,
  tooMuch: (fileName, inFlight) =>
    `Rolodesk is still receiving ${(inFlight / gigabyte).toFixed(1)} GB of other dropped files, so “${fileName}” was not taken. Wait for them to finish, then drop it again.`,
  overlapping: (fileName) =>
    `Part of “${fileName}” arrived while the part before it was still being saved, so it was not used. Please drop it again.`,
  outOfOrder: (fileName) => `Part of “${fileName}” arrived out of order. Please drop it again.`,
  grew: (fileName) => `“${fileName}” grew while it was being received, so it was not imported. Please try again.`,
  partial: (fileName) => `Only part of “${fileName}” arrived, so it cannot be imported. Please drop it again.`,
};

/**
 * A file dropped on the window, arriving in parts (the window cannot hand
 * over a path): written to a temporary file in the import folder. Not an
 * attachment: nothing is hashed or stored; import.open takes the finished
 * file over and deletes it on close.
 */
export function importUploads(
  folder: string,
  logger: Logger,
  now: () => number,
  limits: UploadLimits = importUploadLimits,
) {
  const receiving = chunkedUploads<undefined>({
    limits,
    words,
    logger,
    now,
    async createTemp(uploadId, fileName) {
      // The name's extension is kept: a reader may tell a .vcf or .tsv by it when the bytes alone do not.
      const path = join(folder, `upload-${uploadId}${extname(fileName).toLowerCase()}`);
      return { path, handle: await open(path, 'wx') };
    },
    // Read once by the import and deleted: an fsync would only cost time.
    durable: false,
    storageError: (error, fileName) => storageError(error, `receive “${fileName}”`, 'its import folder'),
  });

  return {
    async start(fileName: string, size: number): Promise<string> {
      // Beyond what may be received at once, even alone; the Open dialog reads a file in place, with no copy.
      if (size > limits.bytesInFlight) {
        throw new CrmError(
          'FILE_REFUSED',
          `“${fileName}” is larger than the ${Math.round(limits.bytesInFlight / gigabyte)} GB a dropped file may be. Use “Choose a file…” instead: Rolodesk then reads the file where it is.`,
        );
      }
      return receiving.start(fileName, size, undefined);
    },

    chunk: receiving.chunk.bind(receiving),

    /** The whole file, closed and handed over (the caller deletes it when done); refused when only part arrived. */
    async finish(uploadId: string): Promise<{ path: string; fileName: string }> {
      return receiving.finish(uploadId, ({ path, fileName }) => Promise.resolve({ path, fileName }));
    },

    cancel: receiving.cancel.bind(receiving),
    abortAll: receiving.abortAll.bind(receiving),
  };
}

export type ImportUploads = ReturnType<typeof importUploads>;
