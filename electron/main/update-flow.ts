import { CrmError } from '../core/errors';
import { describeError, type Logger } from '../core/logger';

/**
 * The part of electron-updater's AppUpdater the flow uses. Main hands in its
 * autoUpdater; the test hands in a real updater of the same library pointed
 * at a feed it serves, with quitAndInstall recorded instead of run.
 */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  /** Asks the feed; with autoDownload, `downloadPromise` settles once the file is downloaded and its sha512 checked. */
  checkForUpdates: () => Promise<{ isUpdateAvailable: boolean; downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => void;
  on: (event: 'update-downloaded', listener: (info: { version: string }) => void) => unknown;
}

/** Where the flow is; what the log and a manual check say. */
export type UpdateStatus =
  | { state: 'off'; reason: string }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up to date' }
  | { state: 'ready'; version: string }
  | { state: 'failed'; message: string };

export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  setInterval: (run: () => void, ms: number) => unknown;
  clear: (timer: unknown) => void;
}

export const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  setInterval: (run, ms) => setInterval(run, ms),
  clear: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export interface UpdateFlowOptions {
  updater: UpdaterPort;
  /** app.isPackaged: a development build never looks for updates. */
  packaged: boolean;
  /** The user's "Check for updates automatically", read from the core each time. */
  checksAutomatically: () => Promise<boolean>;
  /** Tells the window an update is downloaded and checked (updates.ready). */
  announceReady: (version: string) => void;
  logger: Logger;
  timers?: Timers;
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
}

const minute = 60_000;
export const tryLaterMessage = 'Rolodesk could not download the update. Nothing was changed; it will try again later.';

/**
 * Automatic updates, decided here rather than by electron-updater: look a
 * minute after start and every 6 hours (unless the user turned it off, or
 * this is a development build), download quietly, and tell the window when
 * an update is ready. It installs only when asked, after the core's install
 * gate passed (updates.restart): never on quit by itself.
 */
export class UpdateFlow {
  private current: UpdateStatus;
  private readonly timers: Timers;
  private readonly scheduled: unknown[] = [];
  private checking: Promise<UpdateStatus> | undefined;

  constructor(private readonly options: UpdateFlowOptions) {
    this.timers = options.timers ?? realTimers;
    this.current = options.packaged ? { state: 'idle' } : { state: 'off', reason: 'development build' };
    // We decide when to install: after the install gate, never at a quit that may cut a backup short.
    options.updater.autoDownload = true;
    options.updater.autoInstallOnAppQuit = false;
    options.updater.on('update-downloaded', (info) => {
      this.current = { state: 'ready', version: info.version };
      options.logger.info('an update was downloaded and its checksum matched', { version: info.version });
      options.announceReady(info.version);
    });
  }

  get status(): UpdateStatus {
    return this.current;
  }

  /** Schedules the automatic checks; nothing at all in a development build. */
  start(): void {
    const { packaged, logger, firstCheckAfterMs = minute, checkEveryMs = 6 * 60 * minute } = this.options;
    if (!packaged) {
      logger.info('automatic updates are off in a development build');
      return;
    }
    const automatic = () => void this.checkAutomatically();
    this.scheduled.push(
      this.timers.setTimeout(automatic, firstCheckAfterMs),
      this.timers.setInterval(automatic, checkEveryMs),
    );
  }

  stop(): void {
    for (const timer of this.scheduled.splice(0)) this.timers.clear(timer);
  }

  /** A scheduled check: skipped when the user turned automatic checks off. */
  async checkAutomatically(): Promise<UpdateStatus> {
    let enabled: boolean;
    try {
      enabled = await this.options.checksAutomatically();
    } catch (error) {
      // The setting cannot be read (the data is damaged, say): no check rather than one the user may have refused.
      this.options.logger.warn('the update setting could not be read; no check for updates this time', {
        error: describeError(error),
      });
      return this.current;
    }
    if (!enabled) {
      this.options.logger.info('automatic update checks are turned off in Settings');
      return this.current;
    }
    return this.checkNow();
  }

  /** Looks for an update and downloads it (Help › Check for Updates… too); one check at a time. */
  checkNow(): Promise<UpdateStatus> {
    if (!this.options.packaged) return Promise.resolve(this.current);
    if (this.current.state === 'ready') return Promise.resolve(this.current);
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<UpdateStatus> {
    const { updater, logger } = this.options;
    this.current = { state: 'checking' };
    try {
      const found = await updater.checkForUpdates();
      // A half-downloaded file fails its length or sha512 check here, and is never offered.
      if (found?.isUpdateAvailable && found.downloadPromise) await found.downloadPromise;
      // 'update-downloaded' has set 'ready' by now when there was an update.
      if (this.current.state === 'checking') this.current = { state: 'up to date' };
    } catch (error) {
      logger.warn('checking for or downloading an update failed; it is tried again at the next check', {
        error: describeError(error),
      });
      this.current = { state: 'failed', message: tryLaterMessage };
    }
    return this.current;
  }

  /** Quits and installs; called only once the core's install gate passed (a verified snapshot, nothing running). */
  installNow(): void {
    if (this.current.state !== 'ready') throw new CrmError('NOT_FOUND', 'No update is ready to install yet.');
    this.options.logger.info('quitting to install the update', { version: this.current.version });
    // Not silent: the installer shows its progress. Rolodesk opens again afterwards.
    this.options.updater.quitAndInstall(false, true);
  }
}
