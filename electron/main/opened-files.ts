import { extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What Rolodesk's backups are called: exported files (encrypted or not). The core checks the contents. */
const backupExtensions = new Set(['.rolodesk-backup', '.zip']);

/**
 * The backup files a command line names: how Windows and Linux open a
 * double-clicked file (`Rolodesk.exe "C:\…\backup.rolodesk-backup"`), at start
 * or in a second instance's argv (a Linux desktop may send a file: URL). The first entry is the program; switches
 * (Chromium's, Playwright's, macOS's -psn_…) and anything else are skipped.
 * Relative paths are read from the folder the command ran in.
 */
export function backupFilesIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-'))
    .map(asLocalPath)
    .filter((path): path is string => path !== undefined && backupExtensions.has(extname(path).toLowerCase()))
    .map((path) => (isAbsolute(path) ? resolve(path) : resolve(workingDirectory, path)));
}

/** Linux desktops may hand a file over as a file: URL (the .desktop file's %U); any other URL is not a file. */
function asLocalPath(arg: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return arg;
  if (!arg.toLowerCase().startsWith('file://')) return undefined;
  try {
    return fileURLToPath(arg);
  } catch {
    return undefined;
  }
}

/**
 * Files opened before the core is running (macOS sends open-file before the
 * app is ready) wait here; once it runs they go straight to it. Only the
 * latest waits: the user means the last file they opened.
 */
export function openedBackupFiles() {
  let deliver: ((path: string) => void) | undefined;
  let waiting: string | undefined;
  return {
    opened(path: string): void {
      if (deliver) deliver(path);
      else waiting = path;
    },
    deliverTo(handler: (path: string) => void): void {
      deliver = handler;
      const path = waiting;
      waiting = undefined;
      if (path !== undefined) handler(path);
    },
  };
}
