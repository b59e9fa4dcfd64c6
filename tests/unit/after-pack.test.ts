import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { afterPack, binaryArch, checkPackedApp, electronAbi, moduleAbi } from '../../build/after-pack.cjs';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const require = createRequire(__filename);
const electronVersion = (require('electron/package.json') as { version: string }).version;
// The better-sqlite3 the tests run on: built for this Node, not for Electron.
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const nativeModuleInside = [
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
];
const hostArch = process.arch === 'x64' || process.arch === 'arm64' ? process.arch : 'unknown';

/** A packed app folder as electron-builder lays it out, holding the given better_sqlite3.node. */
function packedApp(platform: 'linux' | 'win32' | 'darwin', nativeModule?: Buffer): string {
  const appOutDir = tempDir();
  const resources =
    platform === 'darwin' ? join(appOutDir, 'Rolodesk.app', 'Contents', 'Resources') : join(appOutDir, 'resources');
  mkdirSync(resources, { recursive: true });
  writeFileSync(join(resources, 'app.asar'), 'not read by the check');
  if (nativeModule) {
    const path = join(resources, ...nativeModuleInside);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, nativeModule);
  }
  return appOutDir;
}

/** The Node build with its init symbol renamed, as a build for another ABI would name it. */
function builtFor(abi: number): Buffer {
  const binary = readFileSync(nodeBuild);
  const from = Buffer.from(`node_register_module_v${process.versions.modules}`);
  const to = Buffer.from(`node_register_module_v${abi}`);
  expect(to.length).toBe(from.length); // same length: the rest of the binary stays where it was
  let at = binary.indexOf(from);
  expect(at).toBeGreaterThan(0);
  for (; at >= 0; at = binary.indexOf(from, at + 1)) to.copy(binary, at);
  return binary;
}

function context(appOutDir: string, platform: string, arch: number) {
  return {
    appOutDir,
    electronPlatformName: platform,
    arch,
    packager: { info: { framework: { version: electronVersion } } },
  };
}

describe('the afterPack check of better-sqlite3 in the packed app', () => {
  const abi = electronAbi(electronVersion);

  it('knows Electron needs another module version than the Node that runs the tests', () => {
    expect(moduleAbi(readFileSync(nodeBuild))).toBe(Number(process.versions.modules));
    expect(abi).toBeGreaterThan(Number(process.versions.modules));
  });

  it('refuses the Node build that a failed rebuild leaves behind, and says why', async () => {
    const appOutDir = packedApp('linux', readFileSync(nodeBuild));
    await expect(afterPack(context(appOutDir, 'linux', 1))).rejects.toThrow(
      `built for module version ${process.versions.modules}, but Electron ${electronVersion} needs ${abi}: the rebuild for Electron failed`,
    );
  });

  it('accepts a build for Electron', async () => {
    const appOutDir = packedApp('linux', builtFor(abi));
    expect(checkPackedApp({ appOutDir, platform: 'linux', arch: hostArch, electronVersion })).toMatchObject({
      abi,
      arch: hostArch,
    });
    await expect(afterPack(context(appOutDir, 'linux', hostArch === 'arm64' ? 3 : 1))).resolves.toBeUndefined();
  });

  it('finds the module inside the macOS app bundle', () => {
    const appOutDir = packedApp('darwin', builtFor(abi));
    expect(checkPackedApp({ appOutDir, platform: 'darwin', arch: hostArch, electronVersion }).nativeModule).toContain(
      join('Rolodesk.app', 'Contents', 'Resources', 'app.asar.unpacked'),
    );
  });

  it('refuses an app where the module was left inside app.asar', () => {
    const appOutDir = packedApp('win32');
    expect(() => checkPackedApp({ appOutDir, platform: 'win32', arch: 'x64', electronVersion })).toThrow(
      'not unpacked from app.asar',
    );
  });

  it('refuses a module built for another CPU than the one packed for', () => {
    const appOutDir = packedApp('linux', builtFor(abi));
    const otherArch = hostArch === 'arm64' ? 'x64' : 'arm64';
    expect(() => checkPackedApp({ appOutDir, platform: 'linux', arch: otherArch, electronVersion })).toThrow(
      `but this app is packed for ${otherArch}`,
    );
  });

  it('reads the CPU from ELF, PE and Mach-O headers', () => {
    const elf = Buffer.alloc(64);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf[5] = 1;
    elf.writeUInt16LE(183, 18);
    expect(binaryArch(elf)).toBe('arm64');
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.write('PE\0\0', 0x80, 'latin1');
    pe.writeUInt16LE(0xaa64, 0x84);
    expect(binaryArch(pe)).toBe('arm64');
    pe.writeUInt16LE(0x8664, 0x84);
    expect(binaryArch(pe)).toBe('x64');
    const machO = Buffer.alloc(32);
    machO.writeUInt32LE(0xfeedfacf, 0);
    machO.writeUInt32LE(0x01000007, 4);
    expect(binaryArch(machO)).toBe('x64');
    machO.writeUInt32LE(0x0100000c, 4);
    expect(binaryArch(machO)).toBe('arm64');
  });
});
