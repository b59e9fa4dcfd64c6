import { zipOf } from './archives';

/** Small real files of each kind, made from their published signatures. */
export const samples = {
  png: Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    Buffer.from('0000000d4944415478da63f8cfc0f01f0005000201a5f4bd7b0000000049454e44ae426082', 'hex'),
  ]),
  jpeg: Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(64, 0x11),
    Buffer.from('ffd9', 'hex'),
  ]),
  gif: Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    Buffer.from('0100010000000021f90401000000002c00000000010001000002024401003b', 'hex'),
  ]),
  webp: Buffer.concat([
    Buffer.from('RIFF', 'latin1'),
    Buffer.from([26, 0, 0, 0]),
    Buffer.from('WEBPVP8L', 'latin1'),
    Buffer.alloc(14, 0x2f),
  ]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  text: Buffer.from('Call Anna about the renewal on Friday.\nShe prefers mornings.\n', 'utf8'),
  csv: Buffer.from('name,email\nAnna Berg,anna@example.com\n', 'utf8'),
  vcard: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\nEMAIL:anna@example.com\r\nEND:VCARD\r\n', 'utf8'),
  eml: Buffer.from(
    'From: Anna Berg <anna@example.com>\r\nTo: sales@example.com\r\nSubject: Quote\r\nMIME-Version: 1.0\r\n\r\nHello!\r\n',
    'utf8',
  ),
  /** An ELF executable header, as a Linux program starts. */
  elf: Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(120, 0)]),
  /** A Windows program: MZ header pointing at a PE header. */
  exe: (() => {
    const bytes = Buffer.alloc(512, 0);
    bytes.write('MZ', 0, 'latin1');
    bytes.writeUInt32LE(0x80, 0x3c);
    bytes.write('PE\0\0', 0x80, 'latin1');
    return bytes;
  })(),
  script: Buffer.from('#!/bin/sh\nrm -rf "$HOME"\n', 'utf8'),
  html: Buffer.from('<!doctype html><script>alert(1)</script>', 'utf8'),
  binaryJunk: Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)),
};

/** A minimal Word document: the parts file-type looks for inside the ZIP container. */
export function docx(): Promise<Buffer> {
  return zipOf({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml':
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  });
}

/** A ZIP archive carrying a program: refused whatever it is called. */
export function zipWithProgram(): Promise<Buffer> {
  return zipOf({ 'setup.exe': 'MZ not really' });
}
