import { z } from 'zod';
import './schemas/plain-words';
import {
  Attachment,
  AttachmentRef,
  AttachmentSettings,
  RecordRef,
  UploadChunk,
  UploadRef,
  UploadStart,
} from './schemas/attachment';
import {
  BackupJob,
  BackupSettings,
  BackupStatus,
  RecoveryStatus,
  RestoreFromFileResult,
  SnapshotId,
  SnapshotInfo,
} from './schemas/backup';
import {
  Activity,
  ActivityDraft,
  ActivityListRequest,
  ActivityPage,
  ActivityRef,
  ActivitySetDone,
  ActivityUpdate,
  TodayRequest,
  TodayTasks,
} from './schemas/activity';
import {
  BulkCount,
  BulkCountRequest,
  BulkRangeIds,
  BulkRangeRequest,
  BulkRequest,
  BulkResult,
  BulkUndoRequest,
  BulkUndoResult,
} from './schemas/bulk';
import { Id, Trashed, TrashRef } from './schemas/common';
import {
  Company,
  CompanyDelete,
  CompanyDraft,
  CompanyListRequest,
  CompanyPage,
  CompanyRef,
  CompanyUpdate,
} from './schemas/company';
import {
  Contact,
  ContactDraft,
  ContactListRequest,
  ContactPage,
  ContactPhotoUpload,
  ContactRef,
  ContactUpdate,
} from './schemas/contact';
import {
  CustomField,
  CustomFieldDraft,
  CustomFieldList,
  CustomFieldListRequest,
  CustomFieldRef,
  CustomFieldReorder,
  CustomFieldUpdate,
} from './schemas/custom-field';
import {
  Deal,
  DealBoard,
  DealBoardRequest,
  DealDraft,
  DealListRequest,
  DealMove,
  DealPage,
  DealRef,
  DealUpdate,
  Stage,
  StageDelete,
  StageDraft,
  StageList,
  StageReorder,
  StageUpdate,
} from './schemas/deal';
import { ExportProgress, ExportRequest, ExportResult } from './schemas/export';
import { DuplicatesPage, DuplicatesRequest, MergeRequest, MergeResult } from './schemas/duplicates';
import {
  ImportOpen,
  ImportOpened,
  ImportPlan,
  ImportProgress,
  ImportRef,
  ImportRun,
  ImportSummary,
  ImportUndone,
  ImportUploadStart,
  InspectRequest,
  Inspection,
  Preview,
  RunRef,
} from './schemas/import';
import { backupEncryptionChannels } from './channels/backup-encryption';
import { firstRunChannels } from './channels/first-run';
import { helpChannels } from './channels/help';
import { campaignChannels } from './channels/campaigns';
import { dashboardChannels } from './channels/dashboard';
import { privacyChannels } from './channels/privacy';
import { leadSourceChannels } from './channels/lead-sources';
import { segmentChannels } from './channels/segments';
import { sendingChannels } from './channels/sending';
import { SendingProgress } from './schemas/sending';
import { templateChannels } from './channels/templates';
import { updateChannels } from './channels/updates';
import { recordKinds } from './schemas/record';
import { SearchRequest, SearchResult } from './schemas/search';
import { Tag, TagDraft, TagLink, TagLinkResult, TagList, TagRef, TagUpdate } from './schemas/tag';
import { TimelinePage, TimelineRequest } from './schemas/timeline';
import {
  DeleteForeverRequest,
  TrashListRequest,
  TrashPage,
  TrashPreview,
  TrashPurged,
  TrashRestored,
} from './schemas/trash';
import {
  SavedView,
  ViewDraft,
  ViewList,
  ViewListRequest,
  ViewRef,
  ViewUpdate,
  ViewUsage,
  ViewUsageRequest,
} from './schemas/view';

const Removed = z.strictObject({ id: Id });

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
  /** The window's answer to window.closeRequested: close (the user saved or discarded) or stay open (keep editing). */
  'app.closeAnswer': {
    input: z.strictObject({ close: z.boolean() }),
    output: z.strictObject({ closing: z.boolean() }),
  },
  'contacts.list': { input: ContactListRequest, output: ContactPage },
  'contacts.get': { input: ContactRef, output: Contact },
  'contacts.create': { input: ContactDraft, output: Contact },
  'contacts.update': { input: ContactUpdate, output: Contact },
  /** To the trash; `trashId` undoes it (trash.restore). */
  'contacts.delete': { input: ContactRef, output: Trashed },
  'contacts.setPhoto': { input: ContactPhotoUpload, output: Contact },
  'contacts.removePhoto': { input: ContactRef, output: Contact },
  'companies.list': { input: CompanyListRequest, output: CompanyPage },
  'companies.get': { input: CompanyRef, output: Company },
  'companies.create': { input: CompanyDraft, output: Company },
  'companies.update': { input: CompanyUpdate, output: Company },
  'companies.delete': { input: CompanyDelete, output: Trashed },
  'deals.list': { input: DealListRequest, output: DealPage },
  'deals.get': { input: DealRef, output: Deal },
  'deals.create': { input: DealDraft, output: Deal },
  'deals.update': { input: DealUpdate, output: Deal },
  'deals.delete': { input: DealRef, output: Trashed },
  'deals.move': { input: DealMove, output: Deal },
  'deals.board': { input: DealBoardRequest, output: DealBoard },
  'stages.list': { input: z.strictObject({}), output: StageList },
  'stages.create': { input: StageDraft, output: Stage },
  'stages.update': { input: StageUpdate, output: Stage },
  'stages.reorder': { input: StageReorder, output: StageList },
  'stages.delete': { input: StageDelete, output: Removed },
  'activities.list': { input: ActivityListRequest, output: ActivityPage },
  'activities.get': { input: ActivityRef, output: Activity },
  'activities.create': { input: ActivityDraft, output: Activity },
  'activities.update': { input: ActivityUpdate, output: Activity },
  'activities.setDone': { input: ActivitySetDone, output: Activity },
  'activities.delete': { input: ActivityRef, output: Trashed },
  'activities.today': { input: TodayRequest, output: TodayTasks },
  'tags.list': { input: z.strictObject({}), output: TagList },
  'tags.create': { input: TagDraft, output: Tag },
  'tags.update': { input: TagUpdate, output: Tag },
  'tags.delete': { input: TagRef, output: Removed },
  'tags.link': { input: TagLink, output: TagLinkResult },
  'tags.unlink': { input: TagLink, output: TagLinkResult },
  'customFields.list': { input: CustomFieldListRequest, output: CustomFieldList },
  'customFields.create': { input: CustomFieldDraft, output: CustomField },
  'customFields.update': { input: CustomFieldUpdate, output: CustomField },
  'customFields.reorder': { input: CustomFieldReorder, output: CustomFieldList },
  'customFields.delete': { input: CustomFieldRef, output: Removed },
  'views.list': { input: ViewListRequest, output: ViewList },
  'views.create': { input: ViewDraft, output: SavedView },
  'views.update': { input: ViewUpdate, output: SavedView },
  'views.delete': { input: ViewRef, output: Removed },
  /** The views whose filters name a tag, field or stage: what deleting it would break. */
  'views.usedBy': { input: ViewUsageRequest, output: ViewUsage },
  'timeline.list': { input: TimelineRequest, output: TimelinePage },
  'search.all': { input: SearchRequest, output: SearchResult },
  'trash.list': { input: TrashListRequest, output: TrashPage },
  /** Undo of a delete: takes what the delete returned. */
  'trash.restore': { input: TrashRef, output: TrashRestored },
  /** What Delete forever would remove and leave; its planKey makes the delete remove exactly that. */
  'trash.preview': { input: TrashRef, output: TrashPreview },
  'trash.deleteForever': { input: DeleteForeverRequest, output: TrashPurged },
  'bulk.apply': { input: BulkRequest, output: BulkResult },
  'bulk.undo': { input: BulkUndoRequest, output: BulkUndoResult },
  /** The ids of a list's rows between two positions, in its own order: a Shift-click range, loaded or not. */
  'bulk.range': { input: BulkRangeRequest, output: BulkRangeIds },
  /** How many rows a list holds, counted exactly: what a select-all acts on when the list only says "1,000+". */
  'bulk.count': { input: BulkCountRequest, output: BulkCount },
  'duplicates.find': { input: DuplicatesRequest, output: DuplicatesPage },
  'duplicates.merge': { input: MergeRequest, output: MergeResult },
  /** Writes a list (or its ticked rows) to a CSV, Excel or vCard file the user chooses, in a job; export.progress reports it. */
  'export.list': { input: ExportRequest, output: ExportResult },
  /** Stops the export in progress: no file is written, and a file already at that place is left as it was. */
  'export.cancel': { input: z.strictObject({}), output: z.strictObject({ cancelled: z.boolean() }) },
  'attachments.list': {
    input: z.strictObject({ record: RecordRef }),
    output: z.strictObject({ attachments: z.array(Attachment) }),
  },
  'attachments.start': {
    input: UploadStart,
    output: z.strictObject({ uploadId: z.string(), chunkBytes: z.int().positive() }),
  },
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
  'backups.restore': {
    // secret: typed in the restore dialog when the snapshot is encrypted and its key is not open.
    input: z.strictObject({
      id: SnapshotId,
      secret: z
        .union([
          z.strictObject({ password: z.string().min(1).max(1024) }),
          z.strictObject({ recoveryKey: z.string().min(1).max(200) }),
        ])
        .optional(),
    }),
    output: z.strictObject({ restored: z.literal(true) }),
  },
  'backups.restoreFromFile': { input: z.strictObject({}), output: RestoreFromFileResult },
  'backups.undoRestore': { input: z.strictObject({}), output: z.strictObject({ restored: z.literal(true) }) },
  /** A backup file opened from outside Rolodesk that the window has not offered yet (its name, once), or null. */
  'backups.openedFile': {
    input: z.strictObject({}),
    output: z.strictObject({ fileName: z.string().max(300).nullable() }),
  },
  /** Restores that opened file, as backups.restoreFromFile restores a chosen one (its path never reaches the window). */
  'backups.restoreOpenedFile': { input: z.strictObject({}), output: RestoreFromFileResult },
  /** A dropped file's bytes, in chunks like attachments' (no size cap); then import.open { source: { type: 'upload' } }. */
  'import.uploadStart': {
    input: ImportUploadStart,
    output: z.strictObject({ uploadId: z.string(), chunkBytes: z.int().positive() }),
  },
  'import.uploadChunk': { input: UploadChunk, output: z.strictObject({ received: z.int().min(0) }) },
  'import.uploadCancel': { input: UploadRef, output: z.strictObject({ cancelled: z.boolean() }) },
  /** Picks the file (Open dialog, or a finished upload) and holds it for the wizard; null when the dialog was cancelled. */
  'import.open': { input: ImportOpen, output: ImportOpened },
  /** Detects encoding, delimiter, header; the first 50 rows, the mapping suggested (remembered or preset) and the targets offered. */
  'import.inspect': { input: InspectRequest, output: Inspection },
  /** The first 50 rows as they will be stored, with problems and outcome; counts over the whole file (a job: import.progress, import.cancel). */
  'import.preview': { input: ImportPlan, output: Preview },
  /** Imports all or nothing, in one transaction; remembers the mapping for these headers. Cancelled: CANCELLED, nothing changed. */
  'import.run': { input: ImportPlan, output: ImportSummary },
  /** Stops the preview or run of this file in progress; nothing is written. */
  'import.cancel': { input: ImportRef, output: z.strictObject({ cancelled: z.boolean() }) },
  /** Lets go of the opened file (the wizard closed). */
  'import.close': { input: ImportRef, output: z.strictObject({ closed: z.boolean() }) },
  /** Save dialog → CSV of the rejected rows as they were in the file, plus a "Problem" column: fix and import again. */
  'import.saveRejected': { input: RunRef, output: z.strictObject({ saved: z.boolean() }) },
  /** Imports of the last 30 days, newest first (Settings › Imports). */
  'import.list': { input: z.strictObject({}), output: z.strictObject({ imports: z.array(ImportRun) }) },
  /** Removes what the import created (one trash entry) and puts back what it changed, unless changed again since. */
  'import.undo': { input: RunRef, output: ImportUndone },
  'recovery.status': { input: z.strictObject({}), output: RecoveryStatus },
  'recovery.copyDetails': { input: z.strictObject({}), output: z.strictObject({ copied: z.literal(true) }) },
  'recovery.startEmpty': { input: z.strictObject({}), output: z.strictObject({ started: z.literal(true) }) },
  // Marketing: each part's channels live in its own table.
  ...leadSourceChannels,
  ...segmentChannels,
  ...campaignChannels,
  ...templateChannels,
  ...sendingChannels,
  ...dashboardChannels,
  ...privacyChannels,
  ...backupEncryptionChannels,
  ...updateChannels,
  ...firstRunChannels,
  ...helpChannels,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Messages main sends to the renderer, each with the schema of its payload. */
export const events = {
  /**
   * Closing the window or quitting waits: the window holds unsaved changes. It asks the user
   * (Save / Discard / Keep editing) and answers with app.closeAnswer.
   */
  'window.closeRequested': z.strictObject({ reason: z.enum(['close', 'quit']) }),
  'menu.command': z.strictObject({
    command: z.enum([
      'new-contact',
      'focus-search',
      'back-up-now',
      'export-backup',
      'restore-backup',
      'import',
      'export-list',
      'keyboard-shortcuts',
      'copy-diagnostics',
      'about',
    ]),
  }),
  'backup.progress': z.strictObject({ job: BackupJob, fraction: z.number().min(0).max(1) }),
  /** A backup job failed: the window shows a banner until one succeeds. */
  'backup.failed': z.strictObject({ message: z.string() }),
  /** Snapshots or backup status changed: lists and the "last backup" line refresh. */
  'backup.changed': z.strictObject({}),
  /** How far a list export has got: the fraction done and the rows written (export.list). */
  'export.progress': ExportProgress,
  /** The data was replaced by a restore: the window reloads everything it shows. */
  'data.restored': z.strictObject({}),
  /** The database was found damaged while in use: the window shows the recovery screen. */
  'data.damaged': z.strictObject({}),
  /** The core's thread stopped and was started again: the window says so (a change in flight may need checking). */
  'core.restarted': z.strictObject({ message: z.string() }),
  /** How far a preview or run of an opened file has got; the wizard's progress bar (rows per second, Cancel). */
  'import.progress': ImportProgress,
  /**
   * Records a request created, changed or removed: open panels and lists showing them refresh.
   * `complete` false: more changed than are named (a bulk edit); every record of `kinds` may have.
   */
  'records.changed': z.strictObject({
    records: z.array(RecordRef).max(500),
    kinds: z.array(z.enum(recordKinds)).max(4),
    complete: z.boolean(),
  }),
  /** A campaign's outbox changed while sending (a message sent, failed, skipped; sending paused): the sending panel's counts. */
  'sending.progress': SendingProgress,
  /** A backup file was opened from outside Rolodesk (double-clicked): the window asks backups.openedFile and offers to restore it. */
  'backups.fileOpened': z.strictObject({ fileName: z.string().max(300) }),
  /** An update was downloaded and checked: the window offers "Restart to update". */
  'updates.ready': z.strictObject({ version: z.string().max(100) }),
  /** Main met an error nothing handled; it is in the log. The window says something went wrong and how to copy diagnostics. */
  'app.problem': z.strictObject({}),
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
