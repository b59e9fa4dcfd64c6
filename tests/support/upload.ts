import type { Core } from '../../electron/core/core';
import type { Result } from '../../shared/result';
import type { Attachment } from '../../shared/schemas/attachment';
import type { RecordRef } from '../../shared/schemas/record';

/** Sends bytes the way the renderer does: start, 1 MB base64 chunks, finish. A bare number is a contact's id. */
export async function upload(
  core: Pick<Core, 'dispatch'>,
  owner: number | RecordRef,
  fileName: string,
  bytes: Buffer,
  declaredSize = bytes.length,
  afterChunk: () => void = () => {},
): Promise<Result<Attachment>> {
  const record = typeof owner === 'number' ? { kind: 'contact' as const, id: owner } : owner;
  const started = await core.dispatch('attachments.start', { record, fileName, size: declaredSize });
  if (!started.ok) return started;
  const { uploadId, chunkBytes } = started.data as { uploadId: string; chunkBytes: number };
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const sent = await core.dispatch('attachments.chunk', {
      uploadId,
      offset,
      data: bytes.subarray(offset, offset + chunkBytes).toString('base64'),
    });
    if (!sent.ok) return sent;
    afterChunk();
  }
  return (await core.dispatch('attachments.finish', { uploadId })) as Result<Attachment>;
}

export async function createContact(core: Pick<Core, 'dispatch'>, name = 'Anna Berg'): Promise<number> {
  const created = await core.dispatch('contacts.create', { name });
  if (!created.ok) throw new Error(created.error.message);
  return (created.data as { id: number }).id;
}
