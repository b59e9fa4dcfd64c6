import { CrmError } from '../errors';
import type { Detected } from './detect-type';
import { labelOf } from './detect-type';
import { allowedKinds, extensionOf, kindByExtension, refusedExtensions, type AllowedKind } from './file-types';

export const defaultMaxFileMegabytes = 25;
const megabyte = 1024 * 1024;

const allowedInWords =
  'Rolodesk keeps images (PNG, JPEG, GIF, WebP, HEIC), PDFs, Word, Excel, PowerPoint and OpenDocument files, plain text, CSV, vCards and emails (.eml).';

function refuse(message: string): CrmError {
  return new CrmError('FILE_REFUSED', message);
}

/** Checks made before a byte is stored: the name's extension and the declared size. */
export function checkBeforeUpload(fileName: string, size: number, maxMegabytes: number): void {
  const extension = extensionOf(fileName);
  if (refusedExtensions.has(extension)) {
    throw refuse(
      `“${fileName}” is a .${extension} file, which can run programs or hide them, so it was not added. ${allowedInWords}`,
    );
  }
  if (size === 0) throw refuse(`“${fileName}” is empty (0 bytes), so there is nothing to attach.`);
  if (size > maxMegabytes * megabyte) {
    throw refuse(
      `“${fileName}” is ${(size / megabyte).toFixed(1)} MB; files may be at most ${maxMegabytes} MB. The limit can be changed in Settings.`,
    );
  }
}

// A name's extension and the bytes may differ only within one family.
const compatible: Partial<Record<AllowedKind, AllowedKind[]>> = { text: ['text', 'csv'], csv: ['csv', 'text'] };

/** Checks made on the stored bytes: what they really are, and whether the name agrees. */
export function checkContent(fileName: string, detected: Detected): AllowedKind {
  if (!('kind' in detected)) {
    throw refuse(
      `“${fileName}” is really ${detected.refused}, which Rolodesk does not keep, so it was not added. ${allowedInWords}`,
    );
  }
  const promised = kindByExtension[extensionOf(fileName)];
  if (promised && !(compatible[promised] ?? [promised]).includes(detected.kind)) {
    throw refuse(
      `“${fileName}” is named like ${allowedKinds[promised].label}, but it is really ${labelOf(detected)}, so it was not added.`,
    );
  }
  return detected.kind;
}
