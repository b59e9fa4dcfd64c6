// npm start: build, make better-sqlite3 match Electron's ABI, launch Rolodesk.
// Needs Node 22.12+ (Electron 45's tooling) and a machine that can download
// Electron's binary on first launch.
import { execSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { builtForElectron, markBuiltForElectron, projectRoot } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const run = (command) => execSync(command, { cwd: projectRoot, stdio: 'inherit' });

run('npx electron-vite build');
if (builtForElectron() !== electronVersion) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  run('npx electron-builder install-app-deps');
  markBuiltForElectron(electronVersion);
}
const electron = require('electron');
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
