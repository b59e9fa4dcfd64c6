// npm run icons: renders build/icon.svg, the one source image, into every icon
// file electron-builder packs. `node scripts/make-icons.mjs [outDir]` writes
// into build/ by default; the test renders into a temp dir and compares, so the
// committed icons cannot drift from the SVG or be edited by hand.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const sourceSvg = join(projectRoot, 'build', 'icon.svg');
/** Sizes of the PNGs in build/icons/, the icon set AppImage and deb install. */
export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512];
export const appIconSize = 1024;

export function renderPng(svg, size) {
  return Buffer.from(
    new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng(),
  );
}

/** Windows .ico and macOS .icns, packed from the 1024 px PNG (png2icons scales it down itself). */
export function packIcons(appIconPng) {
  const ico = png2icons.createICO(appIconPng, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(appIconPng, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not pack build/icon.png into .ico and .icns.');
  return { ico, icns };
}

/** Writes every icon into outDir and returns the paths written, relative to it. */
export function makeIcons(outDir, svg = readFileSync(sourceSvg)) {
  const files = new Map();
  const appIcon = renderPng(svg, appIconSize);
  files.set('icon.png', appIcon);
  for (const size of linuxSizes) files.set(join('icons', `${size}x${size}.png`), renderPng(svg, size));
  const { ico, icns } = packIcons(appIcon);
  files.set('icon.ico', ico);
  files.set('icon.icns', icns);
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), bytes);
  }
  return [...files.keys()];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(projectRoot, 'build'));
  for (const name of makeIcons(outDir)) console.log(join(outDir, name));
}
