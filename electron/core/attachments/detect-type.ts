import { fileTypeFromFile } from 'file-type';
import { open } from 'node:fs/promises';
import { allowedKinds, kindByExtension, refusedTypeLabels, type AllowedKind } from './file-types';

export type Detected = { kind: AllowedKind } | { refused: string };

const sniffBytes = 64 * 1024;

async function head(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sniffBytes);
    const { bytesRead } = await handle.read(buffer, 0, sniffBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Text has no NUL bytes and few control characters; UTF-16 with a BOM counts too. */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let control = 0;
  for (const byte of bytes) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control / bytes.length < 0.01;
}

function textKind(bytes: Buffer, extension: string): Detected {
  const start = bytes.toString('utf8', 0, Math.min(bytes.length, 4096)).replace(/^\uFEFF/, '');
  if (start.startsWith('#!')) return { refused: 'a script' };
  if (/^\s*<(!doctype|html|svg|script|\?xml|head|body)\b/i.test(start))
    return { refused: 'a web page or markup file, which can carry scripts' };
  if (/^BEGIN:VCARD/i.test(start.trimStart())) return { kind: 'vcard' };
  if (
    /^(?:(?:From|Received|Return-Path|MIME-Version|Message-ID|Delivered-To|Date|Subject|To|X-[\w-]+):[^\n]*\r?\n)+/i.test(
      start,
    ) &&
    /^(?:From|Received|Return-Path|MIME-Version|Message-ID|Delivered-To):/im.test(start)
  ) {
    return { kind: 'eml' };
  }
  return { kind: extension === 'csv' || extension === 'tsv' ? 'csv' : 'text' };
}

/**
 * What a stored file really is, from its bytes: file-type's magic numbers for
 * binary formats (including Office files inside ZIP containers), then a text
 * sniff for plain text, CSV, vCard and email.
 */
export async function detectType(path: string, extension: string): Promise<Detected> {
  const found = await fileTypeFromFile(path);
  if (found) {
    // file-type names formats by their usual extension, so the name table applies.
    const kind = kindByExtension[found.ext];
    if (kind) return { kind };
    return { refused: refusedTypeLabels[found.ext] ?? `a ${found.ext.toUpperCase()} file (${found.mime})` };
  }
  const bytes = await head(path);
  if (!looksLikeText(bytes)) return { refused: 'a file of a type Rolodesk does not recognise' };
  return textKind(bytes, extension);
}

export function labelOf(detected: Detected): string {
  return 'kind' in detected ? allowedKinds[detected.kind].label : detected.refused;
}
