// electron-builder's afterPack hook (see electron-builder.yml): refuses a packed
// app whose better-sqlite3 cannot load in it. When the rebuild for Electron
// fails or is skipped, electron-builder can still pack the Node build; that
// installer would start and then fail on the first query on an office PC.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');

const nativeModulePath = [
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
];

// electron-builder's Arch enum (builder-util/out/arch.d.ts), by value.
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The packed app's resources folder: inside the .app bundle on macOS, beside the executable elsewhere. */
function resourcesDir(appOutDir, platform) {
  if (platform !== 'darwin' && platform !== 'mas') return join(appOutDir, 'resources');
  const bundle = readdirSync(appOutDir).find((name) => name.endsWith('.app'));
  if (!bundle) throw new Error(`The packed macOS app is missing: no .app folder in ${appOutDir}.`);
  return join(appOutDir, bundle, 'Contents', 'Resources');
}

/** NODE_MODULE_VERSION a native module was built for: its init symbol is node_register_module_v<ABI>. */
function moduleAbi(binary) {
  const match = /node_register_module_v(\d+)/.exec(binary.toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

/** The CPU a native library is compiled for, from its ELF, PE or Mach-O header. */
function binaryArch(binary) {
  if (binary.readUInt32BE(0) === 0x7f454c46) {
    const machine = binary[5] === 2 ? binary.readUInt16BE(18) : binary.readUInt16LE(18);
    return { 3: 'ia32', 40: 'armv7l', 62: 'x64', 183: 'arm64' }[machine];
  }
  if (binary.toString('latin1', 0, 2) === 'MZ') {
    const header = binary.readUInt32LE(0x3c);
    return { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' }[binary.readUInt16LE(header + 4)];
  }
  if (binary.readUInt32BE(0) === 0xcafebabe) return 'universal';
  if (binary.readUInt32LE(0) === 0xfeedfacf) return { 0x01000007: 'x64', 0x0100000c: 'arm64' }[binary.readUInt32LE(4)];
  return undefined;
}

/** Electron's NODE_MODULE_VERSION, from the node-abi that electron-builder's own rebuild uses. */
function electronAbi(electronVersion) {
  const appBuilderLib = dirname(require.resolve('app-builder-lib/package.json'));
  const rebuild = require.resolve('@electron/rebuild', { paths: [appBuilderLib] });
  return Number(createRequire(rebuild)('node-abi').getAbi(electronVersion, 'electron'));
}

/** Throws, in words, unless the packed better-sqlite3 is built for this Electron and this CPU. */
function checkPackedApp({ appOutDir, platform, arch, electronVersion, expectedAbi = electronAbi(electronVersion) }) {
  const nativeModule = join(resourcesDir(appOutDir, platform), ...nativeModulePath);
  if (!existsSync(nativeModule)) {
    throw new Error(
      `The packed app has no ${nativeModulePath.join('/')}: better-sqlite3 was not rebuilt or not unpacked from app.asar (check npmRebuild and asarUnpack in electron-builder.yml).`,
    );
  }
  const binary = readFileSync(nativeModule);
  const abi = moduleAbi(binary);
  if (abi !== expectedAbi) {
    throw new Error(
      `The packed better-sqlite3 is built for module version ${abi ?? 'unknown'}, but Electron ${electronVersion} needs ${expectedAbi}: the rebuild for Electron failed, so this app could not open its database. See the rebuild errors above.`,
    );
  }
  const builtFor = binaryArch(binary);
  if (arch !== 'universal' && builtFor !== 'universal' && builtFor !== arch) {
    throw new Error(
      `The packed better-sqlite3 is built for ${builtFor ?? 'an unknown CPU'}, but this app is packed for ${arch}: it would not load there.`,
    );
  }
  return { nativeModule, abi, arch: builtFor };
}

async function afterPack(context) {
  const checked = checkPackedApp({
    appOutDir: context.appOutDir,
    platform: context.electronPlatformName,
    arch: archNames[context.arch] ?? String(context.arch),
    electronVersion: context.packager.info.framework.version,
  });
  console.log(
    `  • better-sqlite3 checked  module version=${checked.abi} arch=${checked.arch} file=${checked.nativeModule}`,
  );
}

module.exports = { afterPack, checkPackedApp, moduleAbi, binaryArch, electronAbi };
