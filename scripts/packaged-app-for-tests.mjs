// After `npm run dist`: a copy of the packaged app that Playwright can drive, for
// tests/electron/packaged.spec.ts. Playwright's _electron.launch talks to main
// through --inspect, which the shipped app's nodeCliInspect fuse turns off
// (electron-builder.yml), so the copy gets that one fuse back on; everything
// else (asar, the other fuses, the rebuilt better-sqlite3) is what ships.
// Prints the executable's path; --github-env also sets ROLODESK_APP for later steps.
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { appendFileSync, cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './native-abi.mjs';

const dist = join(projectRoot, 'dist');
const testCopies = join(dist, 'packaged-test');
const productName = 'Rolodesk';

/** The unpacked app electron-builder left in dist/, and the executable inside it. */
function packagedApp() {
  if (process.platform === 'darwin') {
    const folder = process.arch === 'arm64' ? 'mac-arm64' : 'mac';
    const bundle = join(dist, folder, `${productName}.app`);
    return { root: bundle, relativeExecutable: join('Contents', 'MacOS', productName) };
  }
  if (process.platform === 'win32') {
    return { root: join(dist, 'win-unpacked'), relativeExecutable: `${productName}.exe` };
  }
  const root = join(dist, 'linux-unpacked');
  // electron-builder names the Linux executable after the package (rolodesk), unless told otherwise.
  const helpers = new Set(['chrome-sandbox', 'chrome_crashpad_handler']);
  const executable = existsSync(root)
    ? readdirSync(root).find(
        (name) =>
          !helpers.has(name) &&
          !name.includes('.') &&
          statSync(join(root, name)).isFile() &&
          (statSync(join(root, name)).mode & 0o111) !== 0,
      )
    : undefined;
  return { root, relativeExecutable: executable ?? 'rolodesk' };
}

const { root, relativeExecutable } = packagedApp();
if (!existsSync(join(root, relativeExecutable))) {
  console.error(`No packaged app at ${join(root, relativeExecutable)}. Run \`npm run dist -- --publish never\` first.`);
  process.exit(1);
}

const copy = join(testCopies, root.split(/[\\/]/).pop());
rmSync(copy, { recursive: true, force: true });
// verbatimSymlinks: a macOS bundle's frameworks are symlinks that must stay relative.
cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
const executable = join(copy, relativeExecutable);
await flipFuses(process.platform === 'darwin' ? copy : executable, {
  version: FuseVersion.V1,
  // Flipping a fuse breaks the signature; an arm64 Mac refuses to run an unsigned binary.
  resetAdHocDarwinSignature: process.platform === 'darwin',
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
});

console.log(executable);
if (process.argv.includes('--github-env')) appendFileSync(process.env.GITHUB_ENV, `ROLODESK_APP=${executable}\n`);
