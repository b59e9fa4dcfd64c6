// npm run test:electron: the launch test of the real app (tests/electron). With ROLODESK_APP (the
// packaged app, in release.yml) it runs as it is. With a plain Electron binary (ELECTRON_PATH, or the
// one `npm install` downloaded) it first builds the app and makes better-sqlite3 match Electron's ABI,
// as `npm start` does; `npm test` switches it back to Node at its next start. Without any binary the
// spec is skipped and prints why.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { builtForElectron, markBuiltForElectron, projectRoot } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const run = (command) => execSync(command, { cwd: projectRoot, stdio: 'inherit' });

function installedElectronExists() {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

// Without a display Electron cannot open a window on Linux: the spec says so and skips; nothing to prepare.
const canShowWindows = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (canShowWindows && !process.env.ROLODESK_APP && (process.env.ELECTRON_PATH || installedElectronExists())) {
  const electronVersion = require('electron/package.json').version;
  if (!existsSync(join(projectRoot, 'out', 'main', 'index.js'))) run('npx electron-vite build');
  if (builtForElectron() !== electronVersion) {
    console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
    run('npx electron-builder install-app-deps');
    markBuiltForElectron(electronVersion);
  }
}
run('npx playwright test --config playwright.electron.config.ts');
