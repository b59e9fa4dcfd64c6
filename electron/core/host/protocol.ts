import type { EventName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { SnapshotInfo, BackupSettings } from '../../../shared/schemas/backup';
import type { FileLocation } from '../attachments/serve';
import type { DesktopServices } from '../desktop';
import type { LogRecord } from '../logger';
import type { DataPaths } from '../paths';

/** What the host hands the worker when it starts it (structured-clone data only). */
export interface WorkerStart {
  dataDir: string;
  appVersion: string;
  /** Run the backup schedule and the reminders in the worker (the app); off for tests that drive them. */
  background: boolean;
}

/** The host's requests to the worker, each answered once by a `reply` with the same id. */
export type HostAsk =
  | { method: 'dispatch'; channel: unknown; input: unknown }
  | { method: 'file'; pathname: string }
  | { method: 'setting'; key: string }
  | { method: 'saveSetting'; key: string; value: unknown }
  | { method: 'snapshot'; reason: string }
  | { method: 'snapshots' }
  | { method: 'backupSettings' }
  | { method: 'close'; lastBackupWithinMs: number }
  | { method: 'openBackupFile'; path: string };

/** What each request answers with. */
export interface HostAnswers {
  dispatch: Result<unknown>;
  /** The host streams the file from disk itself: its bytes never travel through a message. */
  file: FileLocation;
  setting: unknown;
  saveSetting: null;
  snapshot: SnapshotInfo;
  snapshots: SnapshotInfo[];
  backupSettings: BackupSettings;
  close: null;
  openBackupFile: null;
}

export type DesktopMethod = keyof DesktopServices;

/** Host → worker. */
export type ToWorker =
  | { type: 'ask'; id: number; ask: HostAsk }
  | { type: 'desktopReply'; id: number; ok: true; value: unknown }
  | { type: 'desktopReply'; id: number; ok: false; message: string; code?: string | undefined };

/** A failure that crosses the thread as data; `code` is a CrmError's. */
export interface WireError {
  name: string;
  message: string;
  code?: string | undefined;
}

/** Worker → host. */
export type FromWorker =
  | { type: 'ready'; paths: DataPaths; damaged: boolean }
  | { type: 'failed'; error: WireError }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'desktop'; id: number; method: DesktopMethod; args: unknown[] }
  | { type: 'log'; record: LogRecord };
