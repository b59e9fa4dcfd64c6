import { extname, isAbsolute, resolve } from 'node:path';

/** What Rolodesk's backups are called: exported files (encrypted or not). The core checks the contents. */
const backupExtensions = new Set(['.rolodesk-backup', '.zip']);

/**
 * The backup files a command line names: how Windows and Linux open a
 * double-clicked file (`Rolodesk.exe "C:\…\backup.rolodesk-backup"`), at start
 * or in a second instance's argv. The first entry is the program; switches
 * (Chromium's, Playwright's, macOS's -psn_…) and anything else are skipped.
 * Relative paths are read from the folder the command ran in.
 */
export function backupFilesIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && backupExtensions.has(extname(arg).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? resolve(arg) : resolve(workingDirectory, arg)));
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
