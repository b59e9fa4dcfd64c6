import chardet from 'chardet';
import type { TextEncoding } from './source';

export interface DetectedEncoding {
  name: TextEncoding;
  bom: boolean;
}

const byteOrderMarks: { bytes: number[]; name: TextEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], name: 'utf-8' },
  { bytes: [0xff, 0xfe], name: 'utf-16le' },
  { bytes: [0xfe, 0xff], name: 'utf-16be' },
];

export function byteOrderMark(head: Uint8Array): TextEncoding | undefined {
  return byteOrderMarks.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte))?.name;
}

/** True when the sample decodes as UTF-8; a character cut off at the end of the sample is not counted against it. */
function isValidUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Excel writes Windows-1252; its printable 0x80–0x9F (€, ‚, “, ”, …) are control codes in Latin-1. */
function hasWindows1252Range(sample: Uint8Array): boolean {
  return sample.some((byte) => byte >= 0x80 && byte <= 0x9f);
}

/**
 * The encoding of a text file, from the first bytes: a byte-order mark
 * decides; a sample that is valid UTF-8 is UTF-8 (plain ASCII included);
 * otherwise chardet's answer, mapped to the encodings Rolodesk offers. A
 * sample that is not valid UTF-8 is never called UTF-8, even when chardet
 * says so: one stray Windows-1252 byte makes chardet answer UTF-8 on an
 * otherwise-ASCII file, and decoding that as UTF-8 would fail on its line.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  const bom = byteOrderMark(sample);
  if (bom) return { name: bom, bom: true };
  if (isValidUtf8(sample)) return { name: 'utf-8', bom: false };
  const answer = chardet.detect(sample)?.toUpperCase() ?? '';
  if (answer === 'UTF-16LE') return { name: 'utf-16le', bom: false };
  if (answer === 'UTF-16BE') return { name: 'utf-16be', bom: false };
  if (answer === 'WINDOWS-1252') return { name: 'windows-1252', bom: false };
  // Any other answer (ISO-8859-1, a neighbour like ISO-8859-9 on a short sample, or UTF-8 with bad bytes)
  // falls back to the Western single-byte encodings, which agree on every byte from 0xA0 up.
  return { name: hasWindows1252Range(sample) ? 'windows-1252' : 'iso-8859-1', bom: false };
}

/**
 * UTF-16 without a byte-order mark (chardet only knows it by its mark): text
 * in Latin script has a NUL in every other byte, the odd ones in little-endian
 * order, the even ones in big-endian. Binary data has NULs at both.
 */
export function utf16WithoutMark(sample: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (sample[index] === 0) evenNul++;
    if (sample[index + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.02) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.02) return 'utf-16be';
  return undefined;
}
