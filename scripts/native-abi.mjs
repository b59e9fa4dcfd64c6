// Which runtime node_modules/better-sqlite3 is compiled for. Tests and the
// benchmark run in Node; `npm start` runs in Electron; the two ABIs differ,
// so each entry point switches the build when it has to.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, '.electron-native-abi');

export const projectRoot = root;

export function builtForElectron() {
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
}

export function markBuiltForElectron(electronVersion) {
  writeFileSync(marker, `${electronVersion}\n`);
}

export function markBuiltForNode() {
  rmSync(marker, { force: true });
}
