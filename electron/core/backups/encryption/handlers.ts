import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Handlers } from '../../context';
import type { DesktopServices } from '../../desktop';
import { CrmError } from '../../errors';
import type { OpenedBackupFile } from '../opened-file';
import type { BackupService } from '../service';
import type { Secret } from './key-set';
import { pendingRestores } from './pending-restores';

/** A file opened from outside may have been moved since (or its USB stick pulled out): said in words, not as ENOENT. */
async function mustBeAFile(file: string): Promise<void> {
  const name = basename(file);
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new CrmError(
        'NOT_FOUND',
        `The backup file “${name}” is no longer there: it may have been moved, renamed or deleted, or its drive unplugged. Nothing was changed.`,
      );
    }
    throw new CrmError(
      'STORAGE',
      `Rolodesk could not read the backup file “${name}” (${error.code ?? 'unknown error'}). Nothing was changed.`,
    );
  });
  if (!found.isFile())
    throw new CrmError('BACKUP_INVALID', `“${name}” is a folder, not a backup file. Nothing was changed.`);
}

function typedSecret(input: { password?: string | undefined; recoveryKey?: string | undefined }): Secret {
  return input.password !== undefined ? { password: input.password } : { recoveryKey: input.recoveryKey ?? '' };
}

/**
 * Backup encryption, and restoring from a backup file (which may be
 * encrypted): an encrypted file's path waits here under a token while the
 * window asks for its password. Passwords are never logged nor put in a message.
 */
export function backupEncryptionHandlers(
  backups: BackupService,
  desktop: DesktopServices,
  now: () => Date,
  opened: OpenedBackupFile,
) {
  const { keys } = backups;
  const pending = pendingRestores(now);
  const status = async () => ({ ...(await keys.status()), canRemember: await desktop.secretsAvailable() });
  /** A backup file the user chose or opened: restored at once, or (encrypted) kept under a token until its password comes. */
  async function restoreFile(file: string | undefined) {
    if (file === undefined) return { restored: false };
    await mustBeAFile(file);
    try {
      await backups.restoreArchive(file);
      return { restored: true };
    } catch (error) {
      if (!(error instanceof CrmError && error.code === 'PASSWORD_REQUIRED')) throw error;
      return { restored: false, passwordFor: { token: pending.keep(file), fileName: basename(file).slice(0, 300) } };
    }
  }

  return {
    'backupEncryption.status': status,
    'backupEncryption.turnOn': ({ password, remember }) => keys.turnOn(password, remember),
    // A request from the page alone never makes later backups leave unencrypted: the user answers a native dialog.
    'backupEncryption.turnOff': async () => {
      if (!(await keys.status()).on) return status();
      const yes = await desktop.confirmDestructive({
        title: 'Turn off backup encryption?',
        message: 'Backups you export from now on will not be encrypted.',
        detail:
          'Anyone who gets hold of such a file can read every client’s details. Backups already exported stay encrypted and still open with their password or recovery key.',
        confirmLabel: 'Turn off encryption',
      });
      if (yes) await keys.turnOff();
      return status();
    },
    'backupEncryption.unlock': async (input) => {
      if (input.remember && input.password !== undefined && !(await desktop.secretsAvailable())) {
        throw new CrmError('VALIDATION', 'This computer cannot keep the password safely, so it cannot be remembered.', {
          fields: [{ field: 'remember', message: 'Not available on this computer.' }],
        });
      }
      await keys.unlock(typedSecret(input), input.remember);
      return status();
    },
    'backupEncryption.forget': async () => {
      await keys.forget();
      return status();
    },
    'backups.restoreFromFile': async () => restoreFile(await desktop.chooseBackupFile()),
    // A file opened from outside (double-clicked): the same checks, password step and restore as a chosen one.
    'backups.openedFile': () => ({ fileName: opened.announce() }),
    'backups.restoreOpenedFile': () => restoreFile(opened.take()),
    // A wrong password keeps the token: the user types again without choosing the file again.
    'backupEncryption.restoreFile': async (input) => {
      await backups.restoreArchive(pending.path(input.token), keys.keyFor(typedSecret(input)));
      pending.done(input.token);
      return { restored: true as const };
    },
  } satisfies Partial<Handlers>;
}
