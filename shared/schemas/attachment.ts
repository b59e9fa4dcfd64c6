import { z } from 'zod';
import { Id, Sha256, Timestamp, UploadId } from './common';
import { RecordRef } from './record';

/** The kinds of record a file can be attached to: every kind (contact, company, deal, activity). */
export { recordKinds, RecordRef, type RecordKind } from './record';

/** Raw bytes per upload chunk; base64 keeps a chunk plain data on every transport. */
export const uploadChunkBytes = 1024 * 1024;
export const maxFileNameLength = 255;

export const FileName = z
  .string({ error: 'The file name must be text.' })
  .min(1, { error: 'The file has no name.' })
  .max(maxFileNameLength, { error: `The file name is too long (at most ${maxFileNameLength} characters).` })
  // A picked or dropped file's name never holds a folder, so one that does is refused, not cleaned.
  .refine((name) => !/[/\\]/.test(name), { error: 'The file name may not contain folders (no / or \\).' })
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: 'The file name contains hidden control characters.' })
  .refine((name) => name.trim() !== '' && name !== '.' && name !== '..', { error: 'That is not a usable file name.' });

export const Attachment = z.strictObject({
  id: Id,
  record: RecordRef,
  fileName: z.string(),
  size: z.int().positive(),
  mimeType: z.string(),
  /** What kind of file, in words ("a PDF document"). */
  typeLabel: z.string(),
  sha256: Sha256,
  addedAt: Timestamp,
  /** Shown inside the app (images, PDFs); others open in the system's program. */
  previewable: z.boolean(),
});
export type Attachment = z.infer<typeof Attachment>;

export const UploadStart = z.strictObject({
  record: RecordRef,
  fileName: FileName,
  size: z.int({ error: 'The size must be a whole number of bytes.' }).min(0).max(Number.MAX_SAFE_INTEGER),
});
export type UploadStart = z.input<typeof UploadStart>;

export const UploadChunk = z.strictObject({
  uploadId: UploadId,
  offset: z.int().min(0),
  /** Base64; the core checks it decodes exactly (a regex over 1 MB costs more than the decode). */
  data: z.string().max(Math.ceil(uploadChunkBytes / 3) * 4, { error: 'A chunk may carry at most 1 MB.' }),
});

export const UploadRef = z.strictObject({ uploadId: UploadId });
export const AttachmentRef = z.strictObject({ id: Id });

export const AttachmentSettings = z.strictObject({
  maxFileMegabytes: z.int({ error: 'The size limit must be a whole number of megabytes.' }).min(1).max(200),
});
export type AttachmentSettings = z.infer<typeof AttachmentSettings>;
