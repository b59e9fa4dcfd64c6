import { randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CrmError } from '../errors';

interface Upload {
  fileName: string;
  declaredSize: number;
  received: number;
  path: string;
  handle: FileHandle;
  lastActivity: number;
}

// An upload the window stopped feeding (closed, crashed) is dropped after this.
const idleLimitMs = 10 * 60 * 1000;

const gone = () => new CrmError('NOT_FOUND', 'This file is no longer being received. Please drop it on the window again.');

/**
 * A file dropped on the window, arriving in chunks (the window cannot hand
 * over a path): written to a temporary file in the import folder, as large
 * as it is (an import has no size cap). Not an attachment: nothing is hashed
 * or stored; import.open takes the finished file over.
 */
export function importUploads(folder: string, now: () => number) {
  const uploads = new Map<string, Upload>();

  async function discard(id: string): Promise<boolean> {
    const upload = uploads.get(id);
    if (!upload) return false;
    uploads.delete(id);
    await upload.handle.close().catch(() => undefined);
    await rm(upload.path, { force: true });
    return true;
  }

  async function dropIdle(): Promise<void> {
    for (const [id, upload] of uploads) if (now() - upload.lastActivity > idleLimitMs) await discard(id);
  }

  return {
    async start(fileName: string, size: number): Promise<string> {
      await dropIdle();
      const id = randomUUID();
      // The name's extension is kept: a reader may tell a .vcf or .tsv by it when the bytes alone do not.
      const path = join(folder, `upload-${id}${extname(fileName).toLowerCase()}`);
      const handle = await open(path, 'wx');
      uploads.set(id, { fileName, declaredSize: size, received: 0, path, handle, lastActivity: now() });
      return id;
    },

    async chunk(id: string, offset: number, base64: string): Promise<number> {
      const upload = uploads.get(id);
      if (!upload) throw gone();
      upload.lastActivity = now();
      const bytes = Buffer.from(base64, 'base64');
      // Node skips characters that are not base64; re-encoding catches them.
      if (bytes.toString('base64') !== base64) {
        throw new CrmError('VALIDATION', 'Part of the file arrived garbled. Please drop it again.', { fields: [{ field: 'data', message: 'Must be base64.' }] });
      }
      if (offset !== upload.received) throw new CrmError('VALIDATION', `Part of “${upload.fileName}” arrived out of order. Please drop it again.`);
      if (upload.received + bytes.length > upload.declaredSize) {
        await discard(id);
        throw new CrmError('FILE_REFUSED', `“${upload.fileName}” grew while it was being received, so it was not imported. Please try again.`);
      }
      await upload.handle.write(bytes, 0, bytes.length, offset);
      upload.received += bytes.length;
      return upload.received;
    },

    /** The whole file, closed and handed over (the caller deletes it when done); refused when only part arrived. */
    async finish(id: string): Promise<{ path: string; fileName: string }> {
      const upload = uploads.get(id);
      if (!upload) throw gone();
      uploads.delete(id);
      await upload.handle.close();
      if (upload.received !== upload.declaredSize) {
        await rm(upload.path, { force: true });
        throw new CrmError('FILE_REFUSED', `Only part of “${upload.fileName}” arrived, so it cannot be imported. Please drop it again.`);
      }
      return { path: upload.path, fileName: upload.fileName };
    },

    cancel: discard,

    async abortAll(): Promise<void> {
      for (const id of [...uploads.keys()]) await discard(id);
    },
  };
}

export type ImportUploads = ReturnType<typeof importUploads>;
