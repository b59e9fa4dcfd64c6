import { basename } from 'node:path';
import type { Handlers } from '../../context';
import type { DesktopServices } from '../../desktop';
import { CrmError } from '../../errors';
import type { BackupService } from '../service';
import type { Secret } from './key-set';
import { pendingRestores } from './pending-restores';

function typedSecret(input: { password?: string | undefined; recoveryKey?: string | undefined }): Secret {
  return input.password !== undefined ? { password: input.password } : { recoveryKey: input.recoveryKey ?? '' };
}

/**
 * Backup encryption, and restoring from a backup file (which may be
 * encrypted): an encrypted file's path waits here under a token while the
 * window asks for its password. Passwords are never logged nor put in a message.
 */
export function backupEncryptionHandlers(backups: BackupService, desktop: DesktopServices, now: () => Date) {
  const { keys } = backups;
  const pending = pendingRestores(now);
  const status = async () => ({ ...(await keys.status()), canRemember: await desktop.secretsAvailable() });

  return {
    'backupEncryption.status': status,
    'backupEncryption.turnOn': ({ password, remember }) => keys.turnOn(password, remember),
    // A request from the page alone never makes later backups leave unencrypted: the user answers a native dialog.
    'backupEncryption.turnOff': async () => {
      if (!(await keys.status()).on) return status();
      const yes = await desktop.confirmDestructive({
        title: 'Turn off backup encryption?',
        message: 'Backups you export from now on will not be encrypted.',
        detail: 'Anyone who gets hold of such a file can read every client’s details. Backups already exported stay encrypted and still open with their password or recovery key.',
        confirmLabel: 'Turn off encryption',
      });
      if (yes) await keys.turnOff();
      return status();
    },
    'backupEncryption.unlock': async (input) => {
      if (input.remember && input.password !== undefined && !(await desktop.secretsAvailable())) {
        throw new CrmError('VALIDATION', 'This computer cannot keep the password safely, so it cannot be remembered.', { fields: [{ field: 'remember', message: 'Not available on this computer.' }] });
      }
      await keys.unlock(typedSecret(input), input.remember);
      return status();
    },
    'backupEncryption.forget': async () => {
      await keys.forget();
      return status();
    },
    'backups.restoreFromFile': async () => {
      const file = await desktop.chooseBackupFile();
      if (file === undefined) return { restored: false };
      try {
        await backups.restoreArchive(file);
        return { restored: true };
      } catch (error) {
        if (!(error instanceof CrmError && error.code === 'PASSWORD_REQUIRED')) throw error;
        return { restored: false, passwordFor: { token: pending.keep(file), fileName: basename(file).slice(0, 300) } };
      }
    },
    // A wrong password keeps the token: the user types again without choosing the file again.
    'backupEncryption.restoreFile': async (input) => {
      await backups.restoreArchive(pending.path(input.token), keys.keyFor(typedSecret(input)));
      pending.done(input.token);
      return { restored: true as const };
    },
  } satisfies Partial<Handlers>;
}
