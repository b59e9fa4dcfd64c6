import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { appIconSize, linuxSizes, packIcons } from '../../scripts/make-icons.mjs';

const root = resolve(__dirname, '../..');
const committed = join(root, 'build');
// png2icons' own PNG decoder: compares pixels, not encoder bytes.
const UPNG = createRequire(__filename)('png2icons/lib/UPNG') as typeof import('png2icons/lib/UPNG');

const pngFiles = ['icon.png', ...linuxSizes.map((size) => join('icons', `${size}x${size}.png`))];
const sizeOf = (name: string) => (name === 'icon.png' ? appIconSize : Number(/(\d+)x/.exec(name)![1]));

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = bytes.readUInt16LE(4);
  // A width byte of 0 means 256.
  return Array.from({ length: count }, (_, index) => bytes[6 + 16 * index] || 256);
}

function icnsChunks(bytes: Buffer): string[] {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const types: string[] = [];
  for (let offset = 8; offset < bytes.length; offset += bytes.readUInt32BE(offset + 4))
    types.push(bytes.subarray(offset, offset + 4).toString('latin1'));
  return types;
}

/** The largest difference of any channel of any pixel (the same renderer may round differently on another CPU). */
function largestPixelDifference(a: Buffer, b: Buffer): number {
  const [pixelsA, pixelsB] = [a, b].map(
    (png) => new Uint8Array(UPNG.toRGBA8(UPNG.decode(new Uint8Array(png).buffer))[0]!),
  );
  expect(pixelsA!.length).toBe(pixelsB!.length);
  let largest = 0;
  for (let index = 0; index < pixelsA!.length; index += 1)
    largest = Math.max(largest, Math.abs(pixelsA![index]! - pixelsB![index]!));
  return largest;
}

describe('the icons made from build/icon.svg', () => {
  // The same command as `npm run icons`, into a temp dir both tests read.
  const fresh = mkdtempSync(join(tmpdir(), 'rolodesk-icons-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));
  execFileSync(process.execPath, [join(root, 'scripts/make-icons.mjs'), fresh]);

  it('are PNGs of the sizes electron-builder expects, a Windows .ico and a macOS .icns', () => {
    for (const name of pngFiles)
      expect(pngSize(readFileSync(join(fresh, name))), name).toEqual({ width: sizeOf(name), height: sizeOf(name) });
    expect(icoSizes(readFileSync(join(fresh, 'icon.ico')))).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(icnsChunks(readFileSync(join(fresh, 'icon.icns')))).toEqual(
      expect.arrayContaining(['ic10', 'ic09', 'ic07', 'is32']),
    );
  });

  it('are committed as rendered: nobody edits them by hand (run `npm run icons` after changing the SVG)', () => {
    for (const name of pngFiles) {
      const difference = largestPixelDifference(readFileSync(join(committed, name)), readFileSync(join(fresh, name)));
      expect(difference, `build/${name} differs from a fresh render of build/icon.svg`).toBeLessThanOrEqual(2);
    }
    // png2icons is plain JavaScript: from the same PNG it packs the same bytes everywhere.
    const packed = packIcons(readFileSync(join(committed, 'icon.png')));
    expect(
      packed.ico.equals(readFileSync(join(committed, 'icon.ico'))),
      'build/icon.ico is not packed from build/icon.png',
    ).toBe(true);
    expect(
      packed.icns.equals(readFileSync(join(committed, 'icon.icns'))),
      'build/icon.icns is not packed from build/icon.png',
    ).toBe(true);
  });
});
