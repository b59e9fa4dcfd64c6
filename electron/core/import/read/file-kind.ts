import { fileTypeFromFile } from 'file-type';
import { open } from 'node:fs/promises';
import { byteOrderMark, utf16WithoutMark } from './encoding';
import { refusals } from './refusals';
import type { SourceFormat, TextEncoding } from './source';

/** How much of the start of a file the detectors look at. */
export const headBytes = 1024 * 1024;

export async function readHead(file: string, bytes = headBytes): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Formats file-type finds inside a ZIP container: none of them is a table we read, but each is "a ZIP archive". */
const zipFamily = new Set([
  'zip',
  'docx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'epub',
  'jar',
  'apk',
  'xpi',
  '3mf',
  'kmz',
  'vsdx',
]);

/**
 * Share of bytes that plain text never holds. NUL is counted apart: a text
 * file with a stray NUL is still text (refused later, naming its line),
 * while binary data is full of them.
 */
function controlShares(sample: Uint8Array): { nul: number; control: number } {
  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b) || byte === 0x7f) control++;
  }
  const size = Math.max(sample.length, 1);
  return { nul: nul / size, control: control / size };
}

export interface FileKind {
  format: SourceFormat;
  /** A UTF-16 text without a byte-order mark, found here because its NUL bytes would otherwise read as binary. */
  utf16?: TextEncoding;
}

function startsWithVCard(head: Buffer, encoding: BufferEncoding): boolean {
  return /^\s*BEGIN:VCARD/i.test(head.toString(encoding, 0, Math.min(head.length, 4096)).replace(/^\uFEFF/, ''));
}

/**
 * What a file is, by its bytes and never its name: an .xlsx renamed .csv is
 * read as a workbook, a ZIP or a program renamed .csv is refused. Text is
 * a vCard when it begins with BEGIN:VCARD, otherwise a delimited table.
 */
export async function detectFileKind(file: string, head: Buffer): Promise<FileKind> {
  const found = await fileTypeFromFile(file);
  if (found?.ext === 'xlsx') return { format: 'xlsx' };
  const bom = byteOrderMark(head);
  if (bom) {
    const asText = bom === 'utf-16le' ? 'utf16le' : bom === 'utf-8' ? 'utf8' : undefined;
    // A big-endian UTF-16 vCard is too rare to sniff; it still reads as a one-column table.
    return { format: asText && startsWithVCard(head, asText) ? 'vcard' : 'csv' };
  }
  const { nul, control } = controlShares(head);
  if (nul > 0.1) {
    const utf16 = utf16WithoutMark(head);
    if (utf16) return { format: utf16 === 'utf-16le' && startsWithVCard(head, 'utf16le') ? 'vcard' : 'csv', utf16 };
  }
  if (nul > 0.05 || control > 0.01) {
    if (found?.ext === 'cfb') throw refusals.oldExcel();
    if (found && zipFamily.has(found.ext)) throw refusals.zipArchive();
    if (head[0] === 0x50 && head[1] === 0x4b) throw refusals.zipArchive();
    throw refusals.binary();
  }
  // Text: file-type's answer is not trusted here, since some of its signatures are two printable bytes ("BM" for a
  // bitmap) that a CSV can begin with.
  return { format: startsWithVCard(head, 'latin1') ? 'vcard' : 'csv' };
}
