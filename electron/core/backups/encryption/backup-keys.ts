import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DesktopServices } from '../../desktop';
import { writeFileDurably } from '../../durable-files';
import { CrmError } from '../../errors';
import type { Logger } from '../../logger';
import { describeError } from '../../logger';
import { defaultCost, KeySet, newKeySet, unlockKeySet, type KdfCost, type Secret } from './key-set';
import type { KeyFor } from './sealed-file';

/** The office's backup key set, beside the database (never in it: a restore must not change the key). */
export const backupKeyFileName = 'backup-key.json';

export interface EncryptionStatus {
  /** Whether backups that leave the computer are encrypted. */
  on: boolean;
  /** Whether the password is kept on this computer (Electron's safeStorage), so backups need not ask for it. */
  remembered: boolean;
  /** Whether the key is open in this session (typed or remembered). */
  unlocked: boolean;
  /** The key file is there but cannot be read: nothing is encrypted or decrypted with a guess. */
  damaged: boolean;
}

export const passwordNeeded = () =>
  new CrmError('PASSWORD_REQUIRED', 'This backup is encrypted. Type its password (or its recovery key) to open it.');

/**
 * The backup password's key: turned on once (the recovery key is shown
 * then and never again), optionally remembered with safeStorage, opened at
 * most once per session. Sealing and opening backups ask it for the master key.
 */
export function backupKeys(root: string, desktop: DesktopServices, logger: Logger, cost: KdfCost = defaultCost) {
  const path = join(root, backupKeyFileName);
  let unlocked: { keyId: string; masterKey: Buffer } | undefined;

  function keySet(): KeySet | undefined {
    if (!existsSync(path)) return undefined;
    try {
      return KeySet.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      throw new CrmError(
        'STORAGE',
        `The backup encryption key file (${backupKeyFileName} in the data folder) is damaged, so no backup is encrypted or opened with it. Turn encryption off and on again; older encrypted backups still open with their password or recovery key.`,
      );
    }
  }

  async function remembered(): Promise<string | undefined> {
    try {
      return await desktop.readSecret('backup-password');
    } catch (error) {
      logger.warn('the remembered backup password could not be read', { error: describeError(error) });
      return undefined;
    }
  }

  /** The master key of the current key set, when it is open or its password is remembered; undefined otherwise. */
  async function masterKey(): Promise<{ keyId: string; masterKey: Buffer } | undefined> {
    const current = keySet();
    if (!current) return undefined;
    if (unlocked?.keyId === current.keyId) return unlocked;
    const password = await remembered();
    if (password === undefined) return undefined;
    try {
      unlocked = { keyId: current.keyId, masterKey: await unlockKeySet(current, { password }) };
      return unlocked;
    } catch {
      logger.warn('the remembered backup password no longer opens the key', { keyId: current.keyId });
      return undefined;
    }
  }

  return {
    async status(): Promise<EncryptionStatus> {
      let current: KeySet | undefined;
      try {
        current = keySet();
      } catch {
        return { on: true, remembered: false, unlocked: false, damaged: true };
      }
      return {
        on: current !== undefined,
        remembered: (await remembered()) !== undefined,
        unlocked: current !== undefined && unlocked?.keyId === current.keyId,
        damaged: false,
      };
    },

    /** The key set itself (no secret in it): written into every sealed file that travels alone. */
    keySet,

    /** Turns encryption on with a new password; answers the recovery key, shown to the user once. */
    async turnOn(password: string, remember: boolean): Promise<{ recoveryKey: string }> {
      if (keySet())
        throw new CrmError('CONFLICT', 'Backup encryption is already on. Turn it off first to choose a new password.');
      if (remember && !(await desktop.secretsAvailable())) {
        throw new CrmError(
          'VALIDATION',
          'This computer cannot keep the password safely, so it cannot be remembered. Turn encryption on without remembering it.',
        );
      }
      const created = await newKeySet(password, cost);
      await writeFileDurably(path, `${JSON.stringify(created.keySet, null, 2)}\n`);
      unlocked = { keyId: created.keySet.keyId, masterKey: created.masterKey };
      if (remember) await desktop.saveSecret('backup-password', password);
      else await desktop.removeSecret('backup-password');
      logger.info('backup encryption turned on', { keyId: created.keySet.keyId, remembered: remember });
      return { recoveryKey: created.recoveryKey };
    },

    /** New backups leave unencrypted; those already written still open with their password or recovery key. */
    async turnOff(): Promise<void> {
      await rm(path, { force: true });
      await desktop.removeSecret('backup-password');
      unlocked = undefined;
      logger.info('backup encryption turned off', {});
    },

    /** Opens the current key for this session with a password or the recovery key; remembers the password when asked. */
    async unlock(secret: Secret, remember = false): Promise<void> {
      const current = keySet();
      if (!current) throw new CrmError('NOT_FOUND', 'Backup encryption is off, so there is no password to type.');
      unlocked = { keyId: current.keyId, masterKey: await unlockKeySet(current, secret) };
      if (remember && 'password' in secret) await desktop.saveSecret('backup-password', secret.password);
    },

    /** Forgets the remembered password and closes the key for this session. */
    async forget(): Promise<void> {
      await desktop.removeSecret('backup-password');
      unlocked = undefined;
    },

    masterKey,

    /**
     * How to open a sealed file: with the open (or remembered) key when it is
     * ours, else with the secret the user typed for this request; without
     * one, PASSWORD_REQUIRED, so the window asks for it.
     */
    keyFor(typed?: Secret): KeyFor {
      return async (header) => {
        const ours = await masterKey();
        if (ours && ours.keyId === header.keyId) return ours.masterKey;
        const keys = header.keySet ?? (keySet()?.keyId === header.keyId ? keySet() : undefined);
        if (!keys || keys.keyId !== header.keyId) {
          throw new CrmError(
            'BACKUP_INVALID',
            'This encrypted backup does not carry the key it was made with, so it cannot be opened. Nothing was changed.',
          );
        }
        if (!typed) throw passwordNeeded();
        return unlockKeySet(keys, typed);
      };
    },
  };
}

export type BackupKeys = ReturnType<typeof backupKeys>;
