import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secretNames, type SecretName } from '../core/desktop';
import { CrmError } from '../core/errors';

/** What encrypts for this user: Electron's safeStorage in the app, a stand-in in tests. */
export interface SecretCipher {
  available: () => boolean;
  encrypt: (text: string) => Buffer;
  decrypt: (bytes: Buffer) => string;
}

const notAvailable = () =>
  new CrmError(
    'STORAGE',
    'This computer offers Rolodesk no safe place to keep a password (the system keychain or key store is not available), so it was not saved.',
  );

/**
 * Secrets kept encrypted, one file each, in the data directory's own
 * `secrets/` folder: never inside crm.db, so no backup, snapshot or export
 * (which copy the database and attachments only) ever carries one.
 */
export function secretFiles(folder: string, cipher: SecretCipher) {
  const fileOf = (name: SecretName) => {
    // The name is from a fixed list; checked again because it becomes a path.
    if (!secretNames.includes(name)) throw new CrmError('VALIDATION', 'Unknown secret.');
    return join(folder, `${name}.bin`);
  };
  return {
    secretsAvailable: () => Promise.resolve(cipher.available()),
    async saveSecret(name: SecretName, text: string): Promise<void> {
      if (!cipher.available()) throw notAvailable();
      await mkdir(folder, { recursive: true });
      const file = fileOf(name);
      // Written beside and renamed into place: a crash leaves the old secret or the new one, never half of one.
      await writeFile(`${file}.tmp`, cipher.encrypt(text), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    },
    async readSecret(name: SecretName): Promise<string | undefined> {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      if (!cipher.available()) throw notAvailable();
      return cipher.decrypt(bytes);
    },
    async removeSecret(name: SecretName): Promise<void> {
      await rm(fileOf(name), { force: true });
    },
  };
}
