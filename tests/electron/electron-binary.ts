import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '../..');

/** What the launch spec starts: the packaged app, the development build in a plain Electron, or nothing (and why). */
export type ElectronTarget =
  | { kind: 'packaged'; executable: string; args: string[] }
  | { kind: 'development'; executable: string; args: string[] }
  | { kind: 'none'; reason: string };

/** The binary `npm install electron` downloads, when it did (node_modules/electron/path.txt names it). */
function installedElectron(): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json', { paths: [projectRoot] }));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

/** Which runtime node_modules/better-sqlite3 was last built for (scripts/native-abi.mjs keeps the marker). */
function nativeBuiltForElectron(): string | undefined {
  const marker = join(projectRoot, '.electron-native-abi');
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
}

function electronVersion(): string {
  return (
    JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [projectRoot] }), 'utf8')) as {
      version: string;
    }
  ).version;
}

/** A path given on purpose that is not there is a mistake in the run, not a machine without Electron. */
function given(name: string, value: string): string {
  if (!existsSync(value)) throw new Error(`${name} is set to ${value}, but there is no file there.`);
  return value;
}

/**
 * ROLODESK_APP: the packaged app (release.yml sets it per OS). ELECTRON_PATH, or else the Electron
 * binary npm installed: a plain Electron running the development build in out/ (needs
 * `electron-vite build` and better-sqlite3 built for Electron: `npm run test:electron` does both).
 */
export function electronTarget(env: NodeJS.ProcessEnv = process.env): ElectronTarget {
  const target = binaryTarget(env);
  if (target.kind !== 'none' && process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      kind: 'none',
      reason: `There is an Electron binary (${target.executable}) but no display (DISPLAY and WAYLAND_DISPLAY are unset): run it under \`xvfb-run -a\`.`,
    };
  }
  return target;
}

function binaryTarget(env: NodeJS.ProcessEnv): ElectronTarget {
  if (env.ROLODESK_APP) return { kind: 'packaged', executable: given('ROLODESK_APP', env.ROLODESK_APP), args: [] };
  const executable = env.ELECTRON_PATH ? given('ELECTRON_PATH', env.ELECTRON_PATH) : installedElectron();
  if (!executable) {
    return {
      kind: 'none',
      reason:
        'No Electron binary on this machine: ROLODESK_APP and ELECTRON_PATH are unset and node_modules/electron has no downloaded binary. ' +
        'The release workflow runs this spec against the packaged app on Windows, macOS and Linux.',
    };
  }
  if (!existsSync(join(projectRoot, 'out', 'main', 'index.js'))) {
    return {
      kind: 'none',
      reason: 'The app is not built (out/main/index.js is missing): run `npm run test:electron`, which builds it.',
    };
  }
  const version = electronVersion();
  if (nativeBuiltForElectron() !== version) {
    return {
      kind: 'none',
      reason: `better-sqlite3 is built for Node, not for Electron ${version}: run \`npm run test:electron\`, which rebuilds it.`,
    };
  }
  return { kind: 'development', executable, args: [projectRoot] };
}
