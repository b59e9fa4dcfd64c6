import { createHash, randomUUID, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { rm } from 'node:fs/promises';
import type { RecordRef } from '../../../shared/schemas/attachment';
import { CrmError } from '../errors';
import type { Logger } from '../logger';
import { describeError } from '../logger';
import { storageError, type BlobStore } from './blob-store';
import { detectType } from './detect-type';
import { extensionOf, type AllowedKind } from './file-types';
import { checkBeforeUpload, checkContent } from './file-policy';

interface Session {
  id: string;
  record: RecordRef;
  fileName: string;
  declaredSize: number;
  received: number;
  hash: Hash;
  tempPath: string;
  handle: FileHandle;
  lastActivity: number;
}

/** A file that is in the store under its hash, checked, ready for its database row. */
export interface StoredFile {
  sha256: string;
  size: number;
  kind: AllowedKind;
  fileName: string;
  record: RecordRef;
}

// An upload the renderer stopped feeding (a closed window, a crash) is dropped after this.
const idleLimitMs = 10 * 60 * 1000;

const gone = () => new CrmError('NOT_FOUND', 'This upload is no longer in progress. Please add the file again.');

/**
 * Files arriving in chunks: each is written to a temp file in the attachments
 * folder and hashed as it streams; on finish it is fsynced, checked by its
 * bytes and renamed to its content address. Any failure removes the temp file.
 */
export function uploads(store: BlobStore, logger: Logger, now: () => number) {
  const sessions = new Map<string, Session>();

  async function discard(session: Session): Promise<void> {
    sessions.delete(session.id);
    await session.handle.close().catch(() => undefined); // already closed after finish
    await rm(session.tempPath, { force: true, maxRetries: 3 });
  }

  async function failed(session: Session, error: unknown, doing: string): Promise<never> {
    logger.warn('upload failed', { uploadId: session.id, fileName: session.fileName, error: describeError(error) });
    await discard(session).catch((cleanup: unknown) => logger.error('could not remove a temp file', { path: session.tempPath, error: describeError(cleanup) }));
    throw storageError(error, doing);
  }

  async function dropIdle(): Promise<void> {
    for (const session of sessions.values()) {
      if (now() - session.lastActivity > idleLimitMs) {
        logger.warn('abandoned upload dropped', { uploadId: session.id, fileName: session.fileName });
        await discard(session);
      }
    }
  }

  function session(uploadId: string): Session {
    const found = sessions.get(uploadId);
    if (!found) throw gone();
    found.lastActivity = now();
    return found;
  }

  return {
    async start(record: RecordRef, fileName: string, size: number, maxMegabytes: number): Promise<string> {
      checkBeforeUpload(fileName, size, maxMegabytes);
      await dropIdle();
      let temp: Awaited<ReturnType<BlobStore['createTemp']>>;
      try {
        temp = await store.createTemp();
      } catch (error) {
        throw storageError(error, `add “${fileName}”`);
      }
      const id = randomUUID();
      sessions.set(id, {
        id,
        record,
        fileName,
        declaredSize: size,
        received: 0,
        hash: createHash('sha256'),
        tempPath: temp.path,
        handle: temp.handle,
        lastActivity: now(),
      });
      return id;
    },

    async chunk(uploadId: string, offset: number, base64: string): Promise<number> {
      const current = session(uploadId);
      const bytes = Buffer.from(base64, 'base64');
      // Node skips characters that are not base64; re-encoding catches them.
      if (bytes.toString('base64') !== base64) {
        throw new CrmError('VALIDATION', 'Part of the file arrived garbled. Please add the file again.', {
          fields: [{ field: 'data', message: 'Must be base64.' }],
        });
      }
      if (offset !== current.received) {
        throw new CrmError('VALIDATION', `Part of “${current.fileName}” arrived out of order. Please add the file again.`);
      }
      if (current.received + bytes.length > current.declaredSize) {
        await discard(current);
        throw new CrmError('FILE_REFUSED', `“${current.fileName}” grew while it was being added, so it was not added. Please try again.`);
      }
      try {
        await current.handle.write(bytes, 0, bytes.length, offset);
      } catch (error) {
        return failed(current, error, `add “${current.fileName}”`);
      }
      current.hash.update(bytes);
      current.received += bytes.length;
      return current.received;
    },

    /** Completes an upload: the file is in the store afterwards, or nowhere. */
    async finish(uploadId: string): Promise<StoredFile> {
      const current = session(uploadId);
      sessions.delete(uploadId);
      if (current.received !== current.declaredSize) {
        await discard(current);
        throw new CrmError('FILE_REFUSED', `Only part of “${current.fileName}” arrived, so it was not added. Please try again.`);
      }
      let kind: AllowedKind;
      let sha256: string;
      try {
        await current.handle.sync();
        await current.handle.close();
        kind = checkContent(current.fileName, await detectType(current.tempPath, extensionOf(current.fileName)));
        sha256 = current.hash.digest('hex');
        await store.commit(current.tempPath, sha256);
      } catch (error) {
        if (error instanceof CrmError) {
          await discard(current);
          throw error;
        }
        return failed(current, error, `add “${current.fileName}”`);
      }
      logger.info('file stored', { sha256, size: current.received, kind, fileName: current.fileName });
      return { sha256, size: current.received, kind, fileName: current.fileName, record: current.record };
    },

    async cancel(uploadId: string): Promise<boolean> {
      const current = sessions.get(uploadId);
      if (!current) return false;
      await discard(current);
      return true;
    },

    /** Drops every upload in progress (on close). */
    async abortAll(): Promise<void> {
      for (const current of [...sessions.values()]) await discard(current);
    },

  };
}

export type Uploads = ReturnType<typeof uploads>;

