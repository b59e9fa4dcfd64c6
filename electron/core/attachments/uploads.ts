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
  /** The chunk being written; the next is refused until it is done, so the offset check holds. */
  writing: Promise<unknown> | undefined;
}

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
export const uploadLimits = {
  sessions: 16,
  /** The declared sizes of every upload in progress, together. */
  bytesInFlight: 1024 * 1024 * 1024,
  /** An upload the renderer stopped feeding (a closed window, a crash) is dropped after this. */
  idleMs: 10 * 60 * 1000,
  /** How often idle uploads are looked for, while there are any. */
  idleCheckMs: 60 * 1000,
};
export type UploadLimits = typeof uploadLimits;

const megabyte = 1024 * 1024;

const gone = () => new CrmError('NOT_FOUND', 'This upload is no longer in progress. Please add the file again.');

/**
 * Files arriving in chunks: each is written to a temp file in the attachments
 * folder and hashed as it streams; on finish it is fsynced, checked by its
 * bytes and renamed to its content address. Any failure removes the temp file.
 * Log lines name uploads by id and files by fingerprint, never by name or path.
 */
export function uploads(store: BlobStore, logger: Logger, now: () => number, limits: UploadLimits = uploadLimits) {
  const sessions = new Map<string, Session>();
  // Starts between their checks and their entry in `sessions` (creating the temp file), counted so a burst cannot pass the caps together.
  const starting = { count: 0, bytes: 0 };
  let idleWatch: NodeJS.Timeout | undefined;

  function watchIdle(): void {
    if (idleWatch) return;
    idleWatch = setInterval(() => void dropIdle().catch((error: unknown) => logger.warn('dropping abandoned uploads failed', { error: describeError(error) })), limits.idleCheckMs);
    // Never what keeps the process alive.
    idleWatch.unref();
  }

  function stopWatchingWhenNoneLeft(): void {
    if (sessions.size > 0 || !idleWatch) return;
    clearInterval(idleWatch);
    idleWatch = undefined;
  }

  /** Forgets the session at once, then waits for a chunk being written before closing and deleting its temp file. */
  async function discard(session: Session): Promise<void> {
    sessions.delete(session.id);
    stopWatchingWhenNoneLeft();
    await session.writing?.catch(() => undefined);
    await session.handle.close().catch(() => undefined); // already closed after finish
    await rm(session.tempPath, { force: true, maxRetries: 3 });
  }

  async function failed(session: Session, error: unknown, doing: string): Promise<never> {
    logger.warn('upload failed', { uploadId: session.id, error: describeError(error) });
    await discard(session).catch((cleanup: unknown) => logger.error('could not remove the temp file of a failed upload', { uploadId: session.id, error: describeError(cleanup) }));
    throw storageError(error, doing);
  }

  async function dropIdle(): Promise<void> {
    for (const session of [...sessions.values()]) {
      if (!session.writing && now() - session.lastActivity > limits.idleMs) {
        logger.warn('abandoned upload dropped', { uploadId: session.id });
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

  /** Refuses a start the caps have no room for; synchronous, so the check and the reservation cannot interleave. */
  function checkRoom(fileName: string, size: number): void {
    if (sessions.size + starting.count >= limits.sessions) {
      throw new CrmError('FILE_REFUSED', `Too many files are being added at once, so “${fileName}” was not added. Wait for the others to finish, then add it again.`);
    }
    let inFlight = starting.bytes;
    for (const open of sessions.values()) inFlight += open.declaredSize;
    if (inFlight + size > limits.bytesInFlight) {
      throw new CrmError(
        'FILE_REFUSED',
        `Too much is being added at once (${Math.round(inFlight / megabyte)} MB is still on its way), so “${fileName}” was not added. Wait for the others to finish, then add it again.`,
      );
    }
  }

  return {
    async start(record: RecordRef, fileName: string, size: number, maxMegabytes: number): Promise<string> {
      checkBeforeUpload(fileName, size, maxMegabytes);
      await dropIdle();
      checkRoom(fileName, size);
      starting.count++;
      starting.bytes += size;
      let temp: Awaited<ReturnType<BlobStore['createTemp']>>;
      try {
        temp = await store.createTemp();
      } catch (error) {
        throw storageError(error, `add “${fileName}”`);
      } finally {
        starting.count--;
        starting.bytes -= size;
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
        writing: undefined,
      });
      watchIdle();
      return id;
    },

    async chunk(uploadId: string, offset: number, base64: string): Promise<number> {
      const current = session(uploadId);
      // Two chunks at once would both pass the offset check below before either is written.
      if (current.writing) {
        throw new CrmError('CONFLICT', `Part of “${current.fileName}” arrived while the part before it was still being saved, so it was not used. Please add the file again.`);
      }
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
      const written = current.handle.write(bytes, 0, bytes.length, offset);
      current.writing = written;
      try {
        await written;
      } catch (error) {
        current.writing = undefined;
        return failed(current, error, `add “${current.fileName}”`);
      }
      current.writing = undefined;
      current.hash.update(bytes);
      current.received += bytes.length;
      return current.received;
    },

    /** Completes an upload: the file is in the store afterwards, or nowhere. */
    async finish(uploadId: string): Promise<StoredFile> {
      const current = session(uploadId);
      sessions.delete(uploadId);
      stopWatchingWhenNoneLeft();
      await current.writing?.catch(() => undefined);
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
      logger.info('file stored', { uploadId, sha256, size: current.received, kind });
      return { sha256, size: current.received, kind, fileName: current.fileName, record: current.record };
    },

    async cancel(uploadId: string): Promise<boolean> {
      const current = sessions.get(uploadId);
      if (!current) return false;
      await discard(current);
      return true;
    },

    /** Drops every upload in progress (on close), and with them the idle timer. */
    async abortAll(): Promise<void> {
      for (const current of [...sessions.values()]) await discard(current);
      if (idleWatch) clearInterval(idleWatch);
      idleWatch = undefined;
    },
  };
}

export type Uploads = ReturnType<typeof uploads>;
