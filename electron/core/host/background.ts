import type { BackupSchedule } from '../backups/schedule';
import { realTimers, startBackupSchedule } from '../backups/schedule';
import type { Core } from '../core';
import { describeError, type Logger } from '../logger';
import type { DesktopServices } from '../desktop';
import { startReminders } from './reminders';

/**
 * What runs beside the requests while the app is open: the backup schedule
 * and task reminders with the daily trash purge. The schedule starts as soon
 * as the data is sound, at launch or later, after the recovery screen
 * restored a backup or started empty.
 */
export function startBackground(core: Core, desktop: DesktopServices, logger: Logger) {
  let schedule: BackupSchedule | undefined;
  const ensureSchedule = () => {
    if (schedule || core.damage) return;
    schedule = startBackupSchedule(core.backups, logger, () => core.backups.settings().intervalMinutes);
  };
  ensureSchedule();
  const stopReminders = startReminders(
    { dueReminders: () => core.dueReminders(), purgeTrash: () => core.purgeTrash() },
    (reminder) => desktop.showReminder(reminder),
    (what, error) => logger.warn(`${what} failed`, { error: describeError(error) }),
    realTimers,
  );
  return {
    /** The data became sound again (a restore, or a fresh start from the recovery screen). */
    dataReplaced: ensureSchedule,
    /** Stops the timers and, best effort within `ms`, takes a last snapshot of what changed. */
    async stop(ms: number): Promise<void> {
      stopReminders();
      await schedule?.stopAndSnapshot(ms);
    },
  };
}
