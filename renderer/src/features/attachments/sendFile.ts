import type { RecordRef } from '../../../../shared/schemas/attachment';
import { CrmError, invoke } from '../../api';
import { base64Of } from '../../lib/base64';

export interface SendOptions {
  /** Aborting stops after the chunk in flight and drops the upload in the core. */
  signal?: AbortSignal;
  /** Bytes the core has received so far. */
  onProgress?: (sent: number) => void;
}

/** The picked file went away (moved, deleted, on a drive that was unplugged) before we could read it. */
export function unreadableFile(fileName: string): CrmError {
  return new CrmError('NOT_FOUND', `“${fileName}” could not be read — it may have been moved or deleted.`);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Sends a file's bytes to the core in the chunks it asks for: start, then one
 * base64 chunk at a time. Returns the upload id, ready for `attachments.finish`
 * or `contacts.setPhoto`. If anything fails, or the signal aborts, the upload
 * is cancelled in the core (its temp file deleted) before this throws.
 */
export async function sendFile(
  record: RecordRef,
  file: Blob,
  fileName: string,
  { signal, onProgress }: SendOptions = {},
): Promise<string> {
  signal?.throwIfAborted();
  const { uploadId, chunkBytes } = await invoke('attachments.start', { record, fileName, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      signal?.throwIfAborted();
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      } catch {
        throw unreadableFile(fileName);
      }
      await invoke('attachments.chunk', { uploadId, offset, data: base64Of(bytes) });
      onProgress?.(offset + bytes.length);
    }
    signal?.throwIfAborted();
    return uploadId;
  } catch (error) {
    // Best effort: an upload the core already dropped answers `cancelled: false`, which is fine.
    await invoke('attachments.cancel', { uploadId }).catch(() => undefined);
    throw error;
  }
}
