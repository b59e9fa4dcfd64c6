import type { Core } from '../../electron/core/core';
import type { Result } from '../../shared/result';
import type { Attachment } from '../../shared/schemas/attachment';

/** Sends bytes the way the renderer does: start, 1 MB base64 chunks, finish. */
export async function upload(
  core: Core,
  contactId: number,
  fileName: string,
  bytes: Buffer,
  declaredSize = bytes.length,
  afterChunk: () => void = () => {},
): Promise<Result<Attachment>> {
  const started = await core.dispatch('attachments.start', { record: { kind: 'contact', id: contactId }, fileName, size: declaredSize });
  if (!started.ok) return started;
  const { uploadId, chunkBytes } = started.data as { uploadId: string; chunkBytes: number };
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const sent = await core.dispatch('attachments.chunk', { uploadId, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
    if (!sent.ok) return sent;
    afterChunk();
  }
  return (await core.dispatch('attachments.finish', { uploadId })) as Result<Attachment>;
}

export async function createContact(core: Core, name = 'Anna Berg'): Promise<number> {
  const created = await core.dispatch('contacts.create', { name });
  if (!created.ok) throw new Error(created.error.message);
  return (created.data as { id: number }).id;
}
