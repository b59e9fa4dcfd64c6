import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupPasswordLimit } from '../../shared/schemas/backup';
import { CrmError } from '../core/errors';
import { unlockKeySet } from '../core/backups/encryption/key-set';
import type { KeyFor } from '../core/backups/encryption/sealed-file';

/** Thrown as a usage problem: the command line was given something it cannot use. */
type UsageProblem = (message: string) => Error;

/**
 * The backup password from --password-file: its first line, the line break
 * stripped. A password is never taken on the command line itself (it would
 * sit in the shell's history and in every process listing).
 */
export function readPasswordFile(path: string, usage: UsageProblem): string {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) throw usage(`There is no password file at ${file}.`);
  if (statSync(file).size > 64 * 1024)
    throw usage(`The password file ${file} is far too large: its first line must be the backup password.`);
  const [firstLine = ''] = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  if (firstLine.length === 0)
    throw usage(`The password file ${file} is empty: its first line must be the backup password.`);
  if (firstLine.length > backupPasswordLimit)
    throw usage(
      `The first line of ${file} is too long for a backup password (at most ${backupPasswordLimit} characters).`,
    );
  return firstLine;
}

export const passwordFileHint = 'Give its password with --password-file <file> (the password on the first line).';

/** How the command line opens an encrypted backup file: with the password it was given, or a refusal that says how to give one. */
export function keyForPassword(password: string | undefined): KeyFor {
  return async (header) => {
    if (!header.keySet)
      throw new CrmError(
        'BACKUP_INVALID',
        'This encrypted backup does not carry the key it was made with, so it cannot be opened.',
      );
    if (password === undefined)
      throw new CrmError('PASSWORD_REQUIRED', `This backup file is encrypted. ${passwordFileHint}`);
    return unlockKeySet(header.keySet, { password });
  };
}
