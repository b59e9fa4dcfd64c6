import { z } from 'zod';
import { EncryptionStatus, RestoreEncryptedFile, TurnOnEncryption, UnlockEncryption } from '../schemas/backup';
import type { ChannelTable } from './table';

/** Encryption of the backups that leave this computer (exported files): the password, its recovery key, restoring an encrypted file. */
export const backupEncryptionChannels = {
  'backupEncryption.status': { input: z.strictObject({}), output: EncryptionStatus },
  /** Answers the recovery key: shown to the user this once, never again. */
  'backupEncryption.turnOn': { input: TurnOnEncryption, output: z.strictObject({ recoveryKey: z.string() }) },
  /** Asks in a native dialog first; the answer says whether it is still on. */
  'backupEncryption.turnOff': { input: z.strictObject({}), output: EncryptionStatus },
  /** Opens the key for this session (password or recovery key); the password is remembered when asked. */
  'backupEncryption.unlock': { input: UnlockEncryption, output: EncryptionStatus },
  'backupEncryption.forget': { input: z.strictObject({}), output: EncryptionStatus },
  /** Goes on with the encrypted file backups.restoreFromFile chose, with its password or recovery key. */
  'backupEncryption.restoreFile': {
    input: RestoreEncryptedFile,
    output: z.strictObject({ restored: z.literal(true) }),
  },
} as const satisfies ChannelTable;
