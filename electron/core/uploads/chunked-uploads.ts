import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { rm } from 'node:fs/promises';
import { CrmError } from '../errors';
import type { Logger } from '../logger';
import { describeError } from '../logger';

export interface UploadLimits {
  /** Uploads in progress at once (each holds an open file and a temp file). */
  sessions: number;
  /** The declared sizes of every upload in progress, together. */
  bytesInFlight: number;
  /** An upload the renderer stopped feeding (a closed window, a crash) is dropped after this. */
  idleMs: number;
  /** How often idle uploads are looked for, while there are any. */
  idleCheckMs: number;
}

/** What the user reads: each kind of upload speaks of its own files in its own words. */
export interface UploadWords {
  gone: string;
  garbled: string;
  tooMany: (fileName: string) => string;
  tooMuch: (fileName: string, inFlightBytes: number) => string;
  overlapping: (fileName: string) => string;
  outOfOrder: (fileName: string) => string;
  grew: (fileName: string) => string;
  partial: (fileName: string) => string;
}

export interface TempFile {
  path: string;
  handle: FileHandle;
}

/** An upload whose every byte arrived, its temp file closed; `extra` is what its kind attached at start. */
export interface ReceivedFile<Extra> {
  fileName: string;
  size: number;
  path: string;
  extra: Extra;
}

export interface ChunkedUploadsOptions<Extra> {
  limits: UploadLimits;
  words: UploadWords;
  logger: Logger;
  now: () => number;
  createTemp: (uploadId: string, fileName: string) => Promise<TempFile>;
  /** Each part once written, in order (attachments hash the bytes as they stream). */
  onWritten?: (extra: Extra, bytes: Buffer) => void;
  /** Fsync the file before handing it over: an attachment is kept, an import copy is read once and deleted. */
  durable: boolean;
  /** A file-system failure (disk full, no permission) in words; anything else as it is. */
  storageError: (error: unknown, fileName: string) => unknown;
}

interface Session<Extra> {
  id: string;
  fileName: string;
  declaredSize: number;
  received: number;
  tempPath: string;
  handle: FileHandle;
  lastActivity: number;
  extra: Extra;
  /** The part being written; the next is refused until it is done, so the offset check holds. */
  writing: Promise<unknown> | undefined;
}

/**
 * Files arriving in parts, each into a temp file of its own: capped in number
 * and in declared bytes, dropped when no one feeds them, one part at a time.
 * On finish the whole file is handed over, or nothing is left behind.
 * Log lines name uploads by id, never files by name or path.
 */
export function chunkedUploads<Extra>(options: ChunkedUploadsOptions<Extra>) {
  const { limits, words, logger, now } = options;
  const sessions = new Map<string, Session<Extra>>();
  // Starts between their checks and their entry in `sessions` (creating the temp file), counted so a burst cannot pass the caps together.
  const starting = { count: 0, bytes: 0 };
  let idleWatch: NodeJS.Timeout | undefined;

  function watchIdle(): void {
    if (idleWatch) return;
    idleWatch = setInterval(
      () =>
        void dropIdle().catch((error: unknown) =>
          logger.warn('dropping abandoned uploads failed', { error: describeError(error) }),
        ),
      limits.idleCheckMs,
    );
    // Never what keeps the process alive.
    idleWatch.unref();
  }

  function stopWatchingWhenNoneLeft(): void {
    if (sessions.size > 0 || !idleWatch) return;
    clearInterval(idleWatch);
    idleWatch = undefined;
  }

  /** Forgets the session at once, then waits for a part being written before closing and deleting its temp file. */
  async function discard(session: Session<Extra>): Promise<void> {
    sessions.delete(session.id);
    stopWatchingWhenNoneLeft();
    await session.writing?.catch(() => undefined);
    await session.handle.close().catch(() => undefined); // already closed after finish
    await rm(session.tempPath, { force: true, maxRetries: 3 });
  }

  async function failed(session: Session<Extra>, error: unknown): Promise<never> {
    logger.warn('upload failed', { uploadId: session.id, error: describeError(error) });
    await discard(session).catch((cleanup: unknown) =>
      logger.error('could not remove the temp file of a failed upload', {
        uploadId: session.id,
        error: describeError(cleanup),
      }),
    );
    throw options.storageError(error, session.fileName);
  }

  async function dropIdle(): Promise<void> {
    for (const session of [...sessions.values()]) {
      if (!session.writing && now() - session.lastActivity > limits.idleMs) {
        logger.warn('abandoned upload dropped', { uploadId: session.id });
        await discard(session);
      }
    }
  }

  function session(uploadId: string): Session<Extra> {
    const found = sessions.get(uploadId);
    if (!found) throw new CrmError('NOT_FOUND', words.gone);
    found.lastActivity = now();
    return found;
  }

  /** Refuses a start the caps have no room for; synchronous, so the check and the reservation cannot interleave. */
  function checkRoom(fileName: string, size: number): void {
    if (sessions.size + starting.count >= limits.sessions) throw new CrmError('FILE_REFUSED', words.tooMany(fileName));
    let inFlight = starting.bytes;
    for (const open of sessions.values()) inFlight += open.declaredSize;
    if (inFlight + size > limits.bytesInFlight) throw new CrmError('FILE_REFUSED', words.tooMuch(fileName, inFlight));
  }

  return {
    async start(fileName: string, size: number, extra: Extra): Promise<string> {
      await dropIdle();
      checkRoom(fileName, size);
      starting.count++;
      starting.bytes += size;
      const id = randomUUID();
      let temp: TempFile;
      try {
        temp = await options.createTemp(id, fileName);
      } catch (error) {
        throw options.storageError(error, fileName);
      } finally {
        starting.count--;
        starting.bytes -= size;
      }
      sessions.set(id, {
        id,
        fileName,
        declaredSize: size,
        received: 0,
        tempPath: temp.path,
        handle: temp.handle,
        lastActivity: now(),
        extra,
        writing: undefined,
      });
      watchIdle();
      return id;
    },

    async chunk(uploadId: string, offset: number, base64: string): Promise<number> {
      const current = session(uploadId);
      // Two parts at once would both pass the offset check below before either is written.
      if (current.writing) throw new CrmError('CONFLICT', words.overlapping(current.fileName));
      const bytes = Buffer.from(base64, 'base64');
      // Node skips characters that are not base64; re-encoding catches them.
      if (bytes.toString('base64') !== base64) {
        throw new CrmError('VALIDATION', words.garbled, { fields: [{ field: 'data', message: 'Must be base64.' }] });
      }
      if (offset !== current.received) throw new CrmError('VALIDATION', words.outOfOrder(current.fileName));
      if (current.received + bytes.length > current.declaredSize) {
        await discard(current);
        throw new CrmError('FILE_REFUSED', words.grew(current.fileName));
      }
      const written = current.handle.write(bytes, 0, bytes.length, offset);
      current.writing = written;
      try {
        await written;
      } catch (error) {
        current.writing = undefined;
        return failed(current, error);
      }
      current.writing = undefined;
      options.onWritten?.(current.extra, bytes);
      current.received += bytes.length;
      return current.received;
    },

    /**
     * Waits for a part still being written, closes the complete file and hands it
     * over; whatever `handOver` refuses or fails at, the temp file is removed.
     */
    async finish<T>(uploadId: string, handOver: (file: ReceivedFile<Extra>) => Promise<T>): Promise<T> {
      const current = session(uploadId);
      sessions.delete(uploadId);
      stopWatchingWhenNoneLeft();
      await current.writing?.catch(() => undefined);
      if (current.received !== current.declaredSize) {
        await discard(current);
        throw new CrmError('FILE_REFUSED', words.partial(current.fileName));
      }
      try {
        if (options.durable) await current.handle.sync();
        await current.handle.close();
        return await handOver({
          fileName: current.fileName,
          size: current.received,
          path: current.tempPath,
          extra: current.extra,
        });
      } catch (error) {
        if (!(error instanceof CrmError)) return failed(current, error);
        await discard(current);
        throw error;
      }
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
