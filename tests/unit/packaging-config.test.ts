import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder.yml holds promises the app makes to office staff (no admin rights, data kept on
// uninstall, a database module that loads) that no test on this machine can see in an installer:
// this test holds the configuration that makes them.

const root = resolve(__dirname, '../..');
const buildResources = join(root, 'build');
const nativeModuleInApp = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

type Config = Record<string, unknown>;

/** The value at a dotted path, or undefined. */
function at(config: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      config,
    );
}

/** A resource path as electron-builder resolves it: in build/ first, then in the project. */
function resource(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  return [join(buildResources, path), join(root, path)].find((candidate) => existsSync(candidate));
}

function targets(config: unknown, platform: string): Array<{ target: string; arch: string[] }> {
  const list = at(config, `${platform}.target`);
  return Array.isArray(list) ? (list as Array<{ target: string; arch: string[] }>) : [];
}

const archsOf = (config: unknown, platform: string, target: string) =>
  targets(config, platform).find((entry) => entry.target === target)?.arch ?? [];

/** The configuration, and the text of the NSIS script it includes. */
interface Packaging {
  config: Config;
  installerScript: string;
}

/** Each rule says what it guards; it passes only for the configuration we ship. */
const rules: Record<string, (packaging: Packaging) => boolean> = {
  'fuse: no ELECTRON_RUN_AS_NODE': ({ config }) => at(config, 'electronFuses.runAsNode') === false,
  'fuse: cookies encrypted': ({ config }) => at(config, 'electronFuses.enableCookieEncryption') === true,
  'fuse: NODE_OPTIONS ignored': ({ config }) =>
    at(config, 'electronFuses.enableNodeOptionsEnvironmentVariable') === false,
  'fuse: --inspect ignored': ({ config }) => at(config, 'electronFuses.enableNodeCliInspectArguments') === false,
  'fuse: asar integrity checked': ({ config }) =>
    at(config, 'electronFuses.enableEmbeddedAsarIntegrityValidation') === true,
  'fuse: only the app in the asar loads': ({ config }) => at(config, 'electronFuses.onlyLoadAppFromAsar') === true,
  'fuse: no extra file:// privileges': ({ config }) =>
    at(config, 'electronFuses.grantFileProtocolExtraPrivileges') === false,
  'better-sqlite3 unpacked from the asar': ({ config }) => {
    const patterns = at(config, 'asarUnpack');
    return (
      Array.isArray(patterns) &&
      patterns.some((pattern) => typeof pattern === 'string' && matchesGlob(nativeModuleInApp, pattern))
    );
  },
  'native modules rebuilt for Electron': ({ config }) => at(config, 'npmRebuild') === true,
  'afterPack checks the packed module': ({ config }) => {
    const hook = at(config, 'afterPack');
    if (typeof hook !== 'string' || !existsSync(join(root, hook))) return false;
    return typeof (createRequire(__filename)(join(root, hook)) as { afterPack?: unknown }).afterPack === 'function';
  },
  'NSIS: per user': ({ config }) => at(config, 'nsis.perMachine') === false && at(config, 'nsis.oneClick') === false,
  'NSIS: never asks for admin rights': ({ config }) => at(config, 'nsis.allowElevation') === false,
  'NSIS: keeps the data folder': ({ config }) => at(config, 'nsis.deleteAppDataOnUninstall') === false,
  'NSIS: Start menu and desktop shortcuts': ({ config }) =>
    at(config, 'nsis.createStartMenuShortcut') === true &&
    at(config, 'nsis.createDesktopShortcut') === true &&
    at(config, 'nsis.shortcutName') === 'Rolodesk',
  'NSIS: includes build/installer.nsh': ({ config }) =>
    resource(at(config, 'nsis.include')) === join(buildResources, 'installer.nsh'),
  'NSIS: the uninstaller says the data is kept, and where': ({ installerScript }) =>
    /!macro customUnWelcomePage[\s\S]*Your data is kept[\s\S]*\$APPDATA\\\$\{PRODUCT_FILENAME\}[\s\S]*delete that folder by hand[\s\S]*!macroend/.test(
      installerScript,
    ),
  'NSIS: the uninstaller refuses --delete-app-data and deletes nothing itself': ({ installerScript }) =>
    /!macro customUnInit[\s\S]*"--delete-app-data"[\s\S]*Quit[\s\S]*!macroend/.test(installerScript) &&
    !/^\s*(RMDir|Delete)\b/im.test(installerScript),
  'Windows: x64 and arm64 installers': ({ config }) =>
    ['x64', 'arm64'].every((arch) => archsOf(config, 'win', 'nsis').includes(arch)),
  'macOS: DMG for x64 and arm64': ({ config }) =>
    ['x64', 'arm64'].every((arch) => archsOf(config, 'mac', 'dmg').includes(arch)),
  'macOS: a zip beside the DMG, for updates': ({ config }) =>
    ['x64', 'arm64'].every((arch) => archsOf(config, 'mac', 'zip').includes(arch)),
  'updates come from the GitHub releases': ({ config }) => at(config, 'publish.provider') === 'github',
  'Linux: AppImage and deb for x64': ({ config }) =>
    archsOf(config, 'linux', 'AppImage').includes('x64') && archsOf(config, 'linux', 'deb').includes('x64'),
  'Linux: a menu category and a maintainer with an email address': ({ config }) =>
    at(config, 'linux.category') === 'Office' &&
    /^[^<>]+ <[^@\s]+@[^>\s]+>$/.test(String(at(config, 'linux.maintainer'))),
  'backup files open in Rolodesk': ({ config }) => {
    const associations = at(config, 'fileAssociations');
    const backup = Array.isArray(associations)
      ? (associations as Config[]).find((entry) => entry.ext === 'rolodesk-backup')
      : undefined;
    return (
      backup?.name === 'Rolodesk backup' &&
      backup.role === 'Editor' &&
      backup.mimeType === 'application/x-rolodesk-backup' &&
      // electron-builder adds .ico on Windows and .icns on macOS.
      resource(`${String(backup.icon)}.ico`) !== undefined &&
      resource(`${String(backup.icon)}.icns`) !== undefined
    );
  },
  'icons exist for every platform': ({ config }) => {
    const ico = resource(at(config, 'win.icon'));
    const icns = resource(at(config, 'mac.icon'));
    const linuxIcons = resource(at(config, 'linux.icon'));
    return (
      ico?.endsWith('.ico') === true &&
      icns?.endsWith('.icns') === true &&
      resource(at(config, 'nsis.installerIcon')) === ico &&
      resource(at(config, 'nsis.uninstallerIcon')) === ico &&
      linuxIcons !== undefined &&
      statSync(linuxIcons).isDirectory() &&
      [16, 32, 48, 256, 512].every((size) => existsSync(join(linuxIcons, `${size}x${size}.png`)))
    );
  },
};

const shippedConfig = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
const shipped: Packaging = {
  config: shippedConfig,
  installerScript: readFileSync(
    resource(at(shippedConfig, 'nsis.include')) ?? join(buildResources, 'installer.nsh'),
    'utf8',
  ),
};
const failing = (packaging: Packaging) => Object.keys(rules).filter((name) => !rules[name]!(packaging));

describe('electron-builder.yml', () => {
  it('keeps every promise the installers make', () => {
    expect(failing(shipped)).toEqual([]);
  });

  // Each rule fails when the one value it guards changes: no rule passes whatever the file says.
  const changes: Array<[rule: string, change: (packaging: Packaging) => void]> = [
    ['fuse: no ELECTRON_RUN_AS_NODE', ({ config }) => set(config, 'electronFuses.runAsNode', true)],
    ['fuse: cookies encrypted', ({ config }) => set(config, 'electronFuses.enableCookieEncryption', false)],
    [
      'fuse: NODE_OPTIONS ignored',
      ({ config }) => set(config, 'electronFuses.enableNodeOptionsEnvironmentVariable', true),
    ],
    ['fuse: --inspect ignored', ({ config }) => set(config, 'electronFuses.enableNodeCliInspectArguments', true)],
    [
      'fuse: asar integrity checked',
      ({ config }) => set(config, 'electronFuses.enableEmbeddedAsarIntegrityValidation', false),
    ],
    ['fuse: only the app in the asar loads', ({ config }) => set(config, 'electronFuses.onlyLoadAppFromAsar', false)],
    [
      'fuse: no extra file:// privileges',
      ({ config }) => set(config, 'electronFuses.grantFileProtocolExtraPrivileges', true),
    ],
    ['better-sqlite3 unpacked from the asar', ({ config }) => set(config, 'asarUnpack', ['**/*.dll'])],
    ['native modules rebuilt for Electron', ({ config }) => set(config, 'npmRebuild', false)],
    ['afterPack checks the packed module', ({ config }) => set(config, 'afterPack', './build/no-such-hook.cjs')],
    ['afterPack checks the packed module', ({ config }) => set(config, 'afterPack', undefined)],
    ['NSIS: per user', ({ config }) => set(config, 'nsis.perMachine', true)],
    ['NSIS: never asks for admin rights', ({ config }) => set(config, 'nsis.allowElevation', true)],
    ['NSIS: keeps the data folder', ({ config }) => set(config, 'nsis.deleteAppDataOnUninstall', true)],
    ['NSIS: Start menu and desktop shortcuts', ({ config }) => set(config, 'nsis.createStartMenuShortcut', false)],
    ['NSIS: includes build/installer.nsh', ({ config }) => set(config, 'nsis.include', 'build/no-such-script.nsh')],
    [
      'NSIS: the uninstaller says the data is kept, and where',
      (packaging) =>
        (packaging.installerScript = packaging.installerScript.replace('Your data is kept', 'Your data is removed')),
    ],
    [
      'NSIS: the uninstaller says the data is kept, and where',
      (packaging) =>
        (packaging.installerScript = packaging.installerScript.replace(
          '!macro customUnWelcomePage',
          '!macro customUnFinishPage',
        )),
    ],
    [
      'NSIS: the uninstaller refuses --delete-app-data and deletes nothing itself',
      (packaging) => (packaging.installerScript = packaging.installerScript.replace('    Quit\n', '')),
    ],
    [
      'NSIS: the uninstaller refuses --delete-app-data and deletes nothing itself',
      (packaging) =>
        (packaging.installerScript += '\n!macro customRemoveFiles\n  RMDir /r "$APPDATA\\Rolodesk"\n!macroend\n'),
    ],
    [
      'Windows: x64 and arm64 installers',
      ({ config }) => set(config, 'win.target', [{ target: 'nsis', arch: ['x64'] }]),
    ],
    [
      'macOS: DMG for x64 and arm64',
      ({ config }) =>
        set(config, 'mac.target', [
          { target: 'dmg', arch: ['x64'] },
          { target: 'zip', arch: ['x64', 'arm64'] },
        ]),
    ],
    [
      'macOS: a zip beside the DMG, for updates',
      ({ config }) => set(config, 'mac.target', [{ target: 'dmg', arch: ['x64', 'arm64'] }]),
    ],
    [
      'updates come from the GitHub releases',
      ({ config }) => set(config, 'publish', { provider: 'generic', url: 'http://example.invalid' }),
    ],
    [
      'Linux: AppImage and deb for x64',
      ({ config }) => set(config, 'linux.target', [{ target: 'AppImage', arch: ['x64'] }]),
    ],
    [
      'Linux: a menu category and a maintainer with an email address',
      ({ config }) => set(config, 'linux.maintainer', 'Rolodesk authors'),
    ],
    [
      'backup files open in Rolodesk',
      ({ config }) =>
        set(config, 'fileAssociations', [
          {
            ext: 'rolodesk-backup',
            name: 'Rolodesk backup',
            role: 'Viewer',
            mimeType: 'application/x-rolodesk-backup',
            icon: 'icon',
          },
        ]),
    ],
    [
      'backup files open in Rolodesk',
      ({ config }) =>
        set(config, 'fileAssociations', [
          {
            ext: 'rolodesk-backup',
            name: 'Rolodesk backup',
            role: 'Editor',
            mimeType: 'application/x-rolodesk-backup',
            icon: 'missing',
          },
        ]),
    ],
    ['icons exist for every platform', ({ config }) => set(config, 'mac.icon', 'icons/icon.icns')],
    ['icons exist for every platform', ({ config }) => set(config, 'linux.icon', 'icon.png')],
  ];

  it.each(changes)('fails "%s" when the value it guards changes', (rule, change) => {
    const changed = structuredClone(shipped);
    change(changed);
    expect(failing(changed)).toEqual([rule]);
  });

  // electron-builder's own check of its options (the schema it validates against before packing; no packing here).
  it('is valid for electron-builder, which would refuse a misspelt option', async () => {
    const require = createRequire(__filename);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: Config, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(
      validateConfiguration(structuredClone(shippedConfig), new DebugLogger(false)),
    ).resolves.toBeUndefined();
    const misspelt = structuredClone(shippedConfig);
    set(misspelt, 'nsis.createStartMenuShortcuts', true);
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow('configuration.nsis');
  });

  it('has a change that breaks every rule', () => {
    expect(new Set(changes.map(([rule]) => rule))).toEqual(new Set(Object.keys(rules)));
  });
});

function set(config: Config, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Config>((object, key) => object[key] as Config, config);
  parent[last] = value;
}
