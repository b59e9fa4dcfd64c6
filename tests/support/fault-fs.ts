import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';

export const isRoot = process.getuid?.() === 0;

/**
 * A real small disk: a tmpfs mounted at `folder`. Needs root (CI runs as
 * root); returns the unmount.
 */
export function mountSmallDisk(folder: string, megabytes: number): () => void {
  mkdirSync(folder, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', folder]);
  return () => execFileSync('umount', ['-l', folder]);
}

/**
 * Makes a folder refuse new files, for real: chattr +i stops even root; a
 * normal user gets chmod. Returns the undo.
 */
export function makeUnwritable(folder: string): () => void {
  if (isRoot) {
    execFileSync('chattr', ['+i', folder]);
    return () => execFileSync('chattr', ['-i', folder]);
  }
  chmodSync(folder, 0o500);
  return () => chmodSync(folder, 0o700);
}
