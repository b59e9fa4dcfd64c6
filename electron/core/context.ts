import type { ChannelName, Output, ParsedInput } from '../../shared/contract';
import type { BlobStore } from './attachments/blob-store';
import type { Uploads } from './attachments/uploads';
import type { Clock } from './clock';
import type { Db } from './db/open';
import type { DesktopServices } from './desktop';
import type { EventSink } from './events';
import type { WriteGate } from './db/write-gate';
import type { JobRunner } from './jobs/runner';
import type { Logger } from './logger';
import type { SettingsRepo } from './settings/repo';

/** What every domain's handlers are built from. */
export interface CoreContext {
  db: Db;
  /** The file `db` is open on, for jobs that read it on a connection of their own. */
  databaseFile: string;
  /** Runs long reads in job workers, off the thread that answers requests. */
  jobs: JobRunner;
  clock: Clock;
  logger: Logger;
  appVersion: string;
  settings: SettingsRepo;
  store: BlobStore;
  uploads: Uploads;
  desktop: DesktopServices;
  /** A temporary folder of the core's own, emptied on start (copies opened in other programs). */
  scratchDir: string;
  /** Events to the window (an import's progress; records a job changed on a connection of its own). */
  emit: EventSink;
  /** Held while a job writes to the live database on its own connection (an import): requests that meet its lock wait for it. */
  writeGate: WriteGate;
  /** Work to finish before the database closes (a message being sent): the session waits for it on close and before a restore. */
  beforeClose: (stop: () => Promise<void>) => void;
}

export type Handler<C extends ChannelName> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;

/** One handler per channel of the contract: a missing one is a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };
