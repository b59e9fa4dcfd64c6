import { z } from 'zod';
import { Attachment, AttachmentRef, AttachmentSettings, RecordRef, UploadChunk, UploadRef, UploadStart } from './schemas/attachment';
import { BackupJob, BackupSettings, BackupStatus, RecoveryStatus, SnapshotId, SnapshotInfo } from './schemas/backup';
import { Contact, ContactDraft, ContactListRequest, ContactPage, ContactPhotoUpload, ContactRef, ContactUpdate } from './schemas/contact';

/**
 * The IPC contract: every channel the renderer may call, with the schema its
 * input must pass and the schema its output keeps. Main's handler map is typed
 * against this table, so a channel without a handler does not compile.
 */
export const channels = {
  'app.info': {
    input: z.strictObject({}),
    /** mode 'recovery': the database was found damaged; the window shows the recovery screen. */
    output: z.strictObject({ version: z.string(), schemaVersion: z.int(), mode: z.enum(['normal', 'recovery']) }),
  },
  'contacts.list': { input: ContactListRequest, output: ContactPage },
  'contacts.get': { input: ContactRef, output: Contact },
  'contacts.create': { input: ContactDraft, output: Contact },
  'contacts.update': { input: ContactUpdate, output: Contact },
  'contacts.delete': { input: ContactRef, output: ContactRef },
  'contacts.setPhoto': { input: ContactPhotoUpload, output: Contact },
  'contacts.removePhoto': { input: ContactRef, output: Contact },
  'attachments.list': { input: z.strictObject({ record: RecordRef }), output: z.strictObject({ attachments: z.array(Attachment) }) },
  'attachments.start': { input: UploadStart, output: z.strictObject({ uploadId: z.string(), chunkBytes: z.int().positive() }) },
  'attachments.chunk': { input: UploadChunk, output: z.strictObject({ received: z.int().min(0) }) },
  'attachments.finish': { input: UploadRef, output: Attachment },
  'attachments.cancel': { input: UploadRef, output: z.strictObject({ cancelled: z.boolean() }) },
  'attachments.remove': { input: AttachmentRef, output: AttachmentRef },
  'attachments.open': { input: AttachmentRef, output: z.strictObject({ opened: z.literal(true) }) },
  'attachments.saveCopy': { input: AttachmentRef, output: z.strictObject({ saved: z.boolean() }) },
  'settings.attachments.get': { input: z.strictObject({}), output: AttachmentSettings },
  'settings.attachments.update': { input: AttachmentSettings, output: AttachmentSettings },
  'backups.status': { input: z.strictObject({}), output: BackupStatus },
  'backups.list': { input: z.strictObject({}), output: z.strictObject({ snapshots: z.array(SnapshotInfo) }) },
  'backups.create': { input: z.strictObject({}), output: SnapshotInfo },
  'backups.verify': { input: z.strictObject({ id: SnapshotId }), output: SnapshotInfo },
  'backups.chooseLocation': { input: z.strictObject({}), output: BackupStatus },
  'backups.useDefaultLocation': { input: z.strictObject({}), output: BackupStatus },
  'backups.updateSettings': { input: BackupSettings, output: BackupStatus },
  'backups.openFolder': { input: z.strictObject({}), output: z.strictObject({ opened: z.literal(true) }) },
  'backups.export': { input: z.strictObject({}), output: z.strictObject({ saved: z.boolean() }) },
  /** Stops an export in progress (the only backup job that is safe to stop half-way); the partial file is deleted. */
  'backups.cancelExport': { input: z.strictObject({}), output: z.strictObject({ cancelled: z.boolean() }) },
  'backups.restore': { input: z.strictObject({ id: SnapshotId }), output: z.strictObject({ restored: z.literal(true) }) },
  'backups.restoreFromFile': { input: z.strictObject({}), output: z.strictObject({ restored: z.boolean() }) },
  'backups.undoRestore': { input: z.strictObject({}), output: z.strictObject({ restored: z.literal(true) }) },
  'recovery.status': { input: z.strictObject({}), output: RecoveryStatus },
  'recovery.copyDetails': { input: z.strictObject({}), output: z.strictObject({ copied: z.literal(true) }) },
  'recovery.startEmpty': { input: z.strictObject({}), output: z.strictObject({ started: z.literal(true) }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Messages main sends to the renderer, each with the schema of its payload. */
export const events = {
  'menu.command': z.strictObject({ command: z.enum(['new-contact', 'focus-search', 'export-backup', 'restore-backup']) }),
  'backup.progress': z.strictObject({ job: BackupJob, fraction: z.number().min(0).max(1) }),
  /** A backup job failed: the window shows a banner until one succeeds. */
  'backup.failed': z.strictObject({ message: z.string() }),
  /** Snapshots or backup status changed: lists and the "last backup" line refresh. */
  'backup.changed': z.strictObject({}),
  /** The data was replaced by a restore: the window reloads everything it shows. */
  'data.restored': z.strictObject({}),
  /** The database was found damaged while in use: the window shows the recovery screen. */
  'data.damaged': z.strictObject({}),
} as const satisfies Record<string, z.ZodType>;

export type ChannelName = keyof typeof channels;
/** What a caller sends (before defaults and trimming). */
export type Input<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type Output<C extends ChannelName> = z.output<(typeof channels)[C]['output']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
