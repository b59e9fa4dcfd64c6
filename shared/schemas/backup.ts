import { z } from 'zod';
import { Timestamp } from './common';

/** A snapshot's folder name: snapshot-YYYYMMDD-HHMMSS-mmm (UTC). Nothing else is ever pruned. */
export const snapshotIdPattern = /^snapshot-\d{8}-\d{6}-\d{3}$/;
export const SnapshotId = z.string().regex(snapshotIdPattern, { error: 'Must be the name of a snapshot.' });

export const RecordCounts = z.record(z.string(), z.int().min(0));

export const SnapshotInfo = z.strictObject({
  id: SnapshotId,
  createdAt: Timestamp,
  /** Why it was taken: "scheduled", "manual", "before restore"… */
  reason: z.string(),
  /** Database plus the attachments it references. */
  sizeBytes: z.int().min(0),
  counts: RecordCounts,
  schemaVersion: z.int().min(0),
  /** Checksums and integrity checks passed when verified and at the last re-check. */
  verified: z.boolean(),
  /** Copied and usable, its verification not done yet: neither verified nor known to be bad. */
  verifying: z.boolean(),
  /** What the last check found wrong, in words; empty when verified or verifying. */
  problems: z.array(z.string()),
  lastCheckedAt: Timestamp,
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

export const BackupSettings = z.strictObject({
  intervalMinutes: z
    .int({ error: 'The interval must be a whole number of minutes.' })
    .min(5)
    .max(24 * 60),
  keepNewest: z.int().min(1).max(100),
  keepDaily: z.int().min(0).max(365),
  keepWeekly: z.int().min(0).max(520),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const defaultBackupSettings: BackupSettings = {
  intervalMinutes: 15,
  keepNewest: 4,
  keepDaily: 7,
  keepWeekly: 4,
};

/** What a restore replaced the data with, and the safety snapshot that goes back. */
export const UndoRestore = z.strictObject({
  restoredAt: Timestamp,
  snapshotId: SnapshotId,
  /** A snapshot (by its id) or a backup file (by its name), and when that backup was taken. */
  restoredFrom: z.strictObject({ kind: z.enum(['snapshot', 'file']), name: z.string().max(300), createdAt: Timestamp }),
});

export const BackupStatus = z.strictObject({
  /** Where snapshots go; shown so the user knows (an external drive, a synced folder). */
  location: z.string(),
  isDefaultLocation: z.boolean(),
  /** Snapshots there are sealed with the backup password (a chosen folder, while backup encryption is on). */
  locationEncrypted: z.boolean(),
  settings: BackupSettings,
  lastVerifiedAt: Timestamp.nullable(),
  lastFailure: z.strictObject({ at: Timestamp, message: z.string() }).nullable(),
  /** Set after a restore, so the user can go back. */
  undoRestore: UndoRestore.nullable(),
  /** A warning when backups keep growing (space on the backup drive). */
  growthWarning: z.string().nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupJob = z.enum(['snapshot', 'export', 'restore', 'verify']);

export const RecoveryStatus = z.strictObject({
  damaged: z.boolean(),
  /** Where the damaged database was moved (kept, never deleted). */
  movedTo: z.string().nullable(),
  details: z.string(),
  newestVerified: SnapshotInfo.nullable(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

/** What File › Restore from Backup… answers: restored, cancelled, or (an encrypted file) the password it needs first. */
export const RestoreFromFileResult = z.strictObject({
  restored: z.boolean(),
  /** The chosen file is encrypted: send its password with this token (backupEncryption.restoreFile); the file is not chosen again. */
  passwordFor: z.strictObject({ token: z.string().regex(/^[0-9a-f]{32}$/), fileName: z.string().max(300) }).optional(),
});

export const backupPasswordLimit = 1024;

const BackupPassword = z
  .string({ error: 'The password must be text.' })
  .min(1, { error: 'Type the password.' })
  .max(backupPasswordLimit, { error: `The password is too long (at most ${backupPasswordLimit} characters).` });

/** A password or a recovery key, typed to open encrypted backups: exactly one of the two. */
const secretFields = {
  password: BackupPassword.optional(),
  recoveryKey: z
    .string({ error: 'The recovery key must be text.' })
    .min(1)
    .max(200, { error: 'That is far too long for a recovery key.' })
    .optional(),
};
const oneSecret = (value: { password?: string | undefined; recoveryKey?: string | undefined }) =>
  (value.password === undefined) !== (value.recoveryKey === undefined);
const oneSecretError = { error: 'Type the password or the recovery key (one of them).', path: ['password'] };

export const EncryptionStatus = z.strictObject({
  on: z.boolean(),
  remembered: z.boolean(),
  unlocked: z.boolean(),
  damaged: z.boolean(),
  /** Whether this computer can keep the password (Electron's safeStorage); remembering is offered only then. */
  canRemember: z.boolean(),
});
export type EncryptionStatus = z.infer<typeof EncryptionStatus>;

export const TurnOnEncryption = z.strictObject({ password: BackupPassword, remember: z.boolean() });
export const UnlockEncryption = z
  .strictObject({ ...secretFields, remember: z.boolean() })
  .refine(oneSecret, oneSecretError);
export const RestoreEncryptedFile = z
  .strictObject({
    token: z.string().regex(/^[0-9a-f]{32}$/, { error: 'Choose the backup file again.' }),
    ...secretFields,
  })
  .refine(oneSecret, oneSecretError);
