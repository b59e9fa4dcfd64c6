import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { autoUpdater } from 'electron-updater';
import { CrmError } from '../core/errors';
import { describeError, type Logger } from '../core/logger';
import { parseUpdateSettings, updateSettingsKey } from '../core/updates/update-settings';
import { UpdateFlow, type UpdateStatus } from './update-flow';

export interface AutoUpdateOptions {
  packaged: boolean;
  appVersion: string;
  /** A setting from the core's database (the core host's `setting`). */
  readSetting: (key: string) => Promise<unknown>;
  announceReady: (version: string) => void;
  window: () => BrowserWindow | undefined;
  logger: Logger;
}

/** What a check the user asked for found, in words. */
function checkAnswer(status: UpdateStatus, appVersion: string): Pick<MessageBoxOptions, 'message' | 'detail' | 'type'> {
  switch (status.state) {
    case 'ready':
      return {
        type: 'info',
        message: `Rolodesk ${status.version} is ready.`,
        detail: 'Choose “Restart to update” at the top of the window when it suits you. A backup is taken first.',
      };
    case 'failed':
      return { type: 'warning', message: 'Rolodesk could not check for updates.', detail: status.message };
    case 'off':
      return {
        type: 'info',
        message: 'Updates come with an installed Rolodesk.',
        detail: 'This is a development build, so it does not look for updates.',
      };
    default:
      return { type: 'info', message: 'You have the latest Rolodesk.', detail: `This is version ${appVersion}.` };
  }
}

/**
 * electron-updater's autoUpdater behind the update flow: the feed is the
 * GitHub releases electron-builder publishes to (its app-update.yml).
 */
export function startAutoUpdate(options: AutoUpdateOptions) {
  const { logger } = options;
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
  };
  const flow = new UpdateFlow({
    updater: autoUpdater,
    packaged: options.packaged,
    checksAutomatically: async () =>
      parseUpdateSettings(await options.readSetting(updateSettingsKey)).checkAutomatically,
    announceReady: options.announceReady,
    logger,
  });
  flow.start();

  /** Help › Check for Updates…: looks now (even with automatic checks off) and says what it found. */
  async function checkFromMenu(): Promise<void> {
    const answer = checkAnswer(await flow.checkNow(), options.appVersion);
    const box: MessageBoxOptions = { ...answer, title: 'Check for Updates', buttons: ['OK'] };
    const owner = options.window();
    await (owner ? dialog.showMessageBox(owner, box) : dialog.showMessageBox(box)).catch((error: unknown) =>
      logger.warn('the update check’s answer could not be shown', { error: describeError(error) }),
    );
  }

  return { flow, checkFromMenu };
}

export type AutoUpdate = ReturnType<typeof startAutoUpdate>;

/** The core's install gate passed (updates.restart): quit and install, or say in words why not. */
export function installUpdate(updates: AutoUpdate | undefined): void {
  if (!updates) throw new CrmError('NOT_FOUND', 'No update is ready to install yet.');
  updates.flow.installNow();
}
