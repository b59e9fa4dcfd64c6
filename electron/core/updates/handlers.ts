import type { CoreContext, Handler } from '../context';
import type { DesktopServices } from '../desktop';
import type { Logger } from '../logger';
import type { SnapshotInfo } from '../../../shared/schemas/backup';
import { prepareInstall } from './install-gate';
import { dismissNotice, readNotice } from './update-notice';
import { parseUpdateSettings, updateSettingsKey } from './update-settings';

/** The setting and the notice after an update: they live in the database's settings. */
export function updateHandlers({ settings }: CoreContext) {
  return {
    'updates.settings': () => parseUpdateSettings(settings.get(updateSettingsKey)),
    'updates.updateSettings': (input) => {
      settings.set(updateSettingsKey, input);
      return parseUpdateSettings(settings.get(updateSettingsKey));
    },
    'updates.notice': () => ({ notice: readNotice(settings) }),
    'updates.dismissNotice': () => ({ dismissed: dismissNotice(settings) }),
  } satisfies {
    [C in 'updates.settings' | 'updates.updateSettings' | 'updates.notice' | 'updates.dismissNotice']: Handler<C>;
  };
}

export interface RestartDeps {
  /** The work running now that an update must not cut short (runningWork over the open session). */
  running: () => string[];
  verifiedSnapshot: (reason: string) => Promise<SnapshotInfo>;
  desktop: Pick<DesktopServices, 'restartToUpdate'>;
  logger: Logger;
  pause: (ms: number) => Promise<void>;
  pollMs?: number;
}

/** "Restart to update": the install gate first (nothing running, a verified snapshot), then main quits and installs. */
export function updateRestartHandler(deps: RestartDeps) {
  return {
    'updates.restart': async () => {
      await prepareInstall(deps);
      await deps.desktop.restartToUpdate();
      return { restarting: true as const };
    },
  } satisfies { 'updates.restart': Handler<'updates.restart'> };
}
