import { createHash, type Hash } from 'node:crypto';
import type { RecordRef } from '../../../shared/schemas/attachment';
import type { Logger } from '../logger';
import { chunkedUploads, type UploadLimits, type UploadWords } from '../uploads/chunked-uploads';
import { storageError, type BlobStore } from './blob-store';
import { detectType } from './detect-type';
import { extensionOf, type AllowedKind } from './file-types';
import { checkBeforeUpload, checkContent } from './file-policy';

/** A file that is in the store under its hash, checked, ready for its database row. */
export interface StoredFile {
  sha256: string;
  size: number;
  kind: AllowedKind;
  fileName: string;
  record: RecordRef;
}

/**
 * Far above what an office does (a folder of scans dropped at once), low
 * enough that a runaway window cannot hold thousands of open files or fill
 * the disk with temp files.
 */
export const uploadLimits: UploadLimits = {
  sessions: 16,
  bytesInFlight: 1024 * 1024 * 1024,
  idleMs: 10 * 60 * 1000,
  idleCheckMs: 60 * 1000,
};

const megabyte = 1024 * 1024;

const words: UploadWords = {
  gone: 'This upload is no longer in progress. Please add the file again.',
  garbled: 'Part of the file arrived garbled. Please add the file again.',
  tooMany: (fileName) =>
    `Too many files are being added at once, so “${fileName}” was not added. Wait for the others to finish, then add it again.`,
  tooMuch: (fileName, inFlight) =>
    `Too much is being added at once (${Math.round(inFlight / megabyte)} MB is still on its way), so “${fileName}” was not added. Wait for the others to finish, then add it again.`,
  overlapping: (fileName) =>
    `Part of “${fileName}” arrived while the part before it was still being saved, so it was not used. Please add the file again.`,
  outOfOrder: (fileName) => `Part of “${fileName}” arrived out of order. Please add the file again.`,
  grew: (fileName) => `“${fileName}” grew while it was being added, so it was not added. Please try again.`,
  partial: (fileName) => `Only part of “${fileName}” arrived, so it was not added. Please try again.`,
};

interface Attaching {
  record: RecordRef;
  hash: Hash;
}

/**
 * Attachments arriving in parts: each is written to a temp file in the
 * attachments folder and hashed as it streams; on finish it is fsynced,
 * checked by its bytes and renamed to its content address.
 */
export function uploads(store: BlobStore, logger: Logger, now: () => number, limits: UploadLimits = uploadLimits) {
  const receiving = chunkedUploads<Attaching>({
    limits,
    words,
    logger,
    now,
    createTemp: () => store.createTemp(),
    onWritten: (attaching, bytes) => attaching.hash.update(bytes),
    durable: true,
    storageError: (error, fileName) => storageError(error, `add “${fileName}”`),
  });

  return {
    async start(record: RecordRef, fileName: string, size: number, maxMegabytes: number): Promise<string> {
      checkBeforeUpload(fileName, size, maxMegabytes);
      return receiving.start(fileName, size, { record, hash: createHash('sha256') });
    },

    chunk: receiving.chunk.bind(receiving),

    /** Completes an upload: the file is in the store afterwards, or nowhere. */
    async finish(uploadId: string): Promise<StoredFile> {
      return receiving.finish(uploadId, async ({ fileName, size, path, extra }) => {
        const kind = checkContent(fileName, await detectType(path, extensionOf(fileName)));
        const sha256 = extra.hash.digest('hex');
        await store.commit(path, sha256);
        logger.info('file stored', { uploadId, sha256, size, kind });
        return { sha256, size, kind, fileName, record: extra.record };
      });
    },

    cancel: receiving.cancel.bind(receiving),
    abortAll: receiving.abortAll.bind(receiving),
  };
}

export type Uploads = ReturnType<typeof uploads>;
