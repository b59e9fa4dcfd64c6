// npm run dist: build, then package installers with electron-builder (which
// rebuilds better-sqlite3 for Electron). Run it on the target OS: NSIS on
// Windows, DMG on macOS.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { markBuiltForElectron, projectRoot } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const run = (command) => execSync(command, { cwd: projectRoot, stdio: 'inherit' });

run('npx electron-vite build');
run(`npx electron-builder --config electron-builder.yml ${process.argv.slice(2).join(' ')}`);
markBuiltForElectron(require('electron/package.json').version);
