import { CrmError, invoke } from '../../api';
import { base64Of } from '../../lib/base64';

/**
 * Sends a dropped file's bytes to the core for import, in the chunks it asks
 * for; returns the upload id import.open takes over. A failure cancels the
 * upload in the core (its temporary copy deleted) before it throws.
 */
export async function sendImportFile(file: File, onProgress?: (sent: number) => void): Promise<string> {
  const { uploadId, chunkBytes } = await invoke('import.uploadStart', { fileName: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      } catch {
        throw new CrmError('NOT_FOUND', `“${file.name}” could not be read — it may have been moved or deleted.`);
      }
      await invoke('import.uploadChunk', { uploadId, offset, data: base64Of(bytes) });
      onProgress?.(offset + bytes.length);
    }
    return uploadId;
  } catch (error) {
    await invoke('import.uploadCancel', { uploadId }).catch(() => undefined);
    throw error;
  }
}
