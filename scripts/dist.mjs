// npm run dist: build, then package installers with electron-builder (which
// rebuilds better-sqlite3 for Electron, and whose afterPack hook refuses a
// packed app where that rebuild failed). Run it on the target OS: NSIS on
// Windows, DMG on macOS, AppImage and deb on Linux. Extra arguments go to
// electron-builder (e.g. `npm run dist -- --publish never`).
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markBuiltForElectron, projectRoot } from './native-abi.mjs';

const installerExtensions = ['.exe', '.dmg', '.AppImage', '.deb'];

const runInProject = (command) => execSync(command, { cwd: projectRoot, stdio: 'inherit' });

/** Runs each step in order and stops at the first that fails: no installer from a half-done build. */
export function runSteps(steps, run = runInProject) {
  for (const { what, command } of steps) {
    try {
      run(command);
    } catch {
      throw new Error(
        `npm run dist stopped: ${what} failed (\`${command}\`). Nothing after it ran; the reason is in the output above.`,
      );
    }
  }
}

/** The installers in outDir written since startedAt (older runs' files stay in dist/ too). */
export function installersIn(outDir, startedAt) {
  const names = readdirSync(outDir, { withFileTypes: true }).filter(
    (entry) => entry.isFile() && installerExtensions.some((ext) => entry.name.endsWith(ext)),
  );
  return names
    .map((entry) => join(outDir, entry.name))
    .filter((path) => statSync(path).mtimeMs >= startedAt)
    .sort();
}

function main() {
  const require = createRequire(import.meta.url);
  const startedAt = Date.now() - 1000;
  const outDir = join(projectRoot, 'dist');
  runSteps([
    { what: 'building the app', command: 'npx electron-vite build' },
    {
      what: 'packaging the installers',
      command: `npx electron-builder --config electron-builder.yml ${process.argv.slice(2).join(' ')}`,
    },
  ]);
  // electron-builder rebuilt node_modules/better-sqlite3 for Electron; tests switch it back (ensure-node-native.mjs).
  markBuiltForElectron(require('electron/package.json').version);
  const installers = installersIn(outDir, startedAt);
  if (installers.length === 0) throw new Error(`npm run dist finished, but no installer was written to ${outDir}.`);
  console.log(`\nInstallers written:\n${installers.map((path) => `  ${path}`).join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
