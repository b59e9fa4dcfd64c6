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
 * restored a backup or started empty. After an unclean shutdown all of it
 * waits until the quick check passed: each of them writes (a reminder is
 * marked shown, old trash is purged) or snapshots the data.
 */
export function startBackground(core: Core, desktop: DesktopServices, logger: Logger) {
  let schedule: BackupSchedule | undefined;
  let stopReminders: (() => void) | undefined;
  let stopped = false;
  const ensureSchedule = () => {
    if (stopped || schedule || core.damage) return;
    schedule = startBackupSchedule(core.backups, logger, () => core.backups.settings().intervalMinutes);
  };
  const started = core.writesAccepted().then(() => {
    if (stopped) return;
    ensureSchedule();
    stopReminders = startReminders(
      { dueReminders: () => core.dueReminders(), purgeTrash: () => core.purgeTrash() },
      (reminder) => desktop.showReminder(reminder),
      (what, error) => logger.warn(`${what} failed`, { error: describeError(error) }),
      realTimers,
    );
  });
  return {
    /** The data became sound again (a restore, or a fresh start from the recovery screen). */
    dataReplaced: ensureSchedule,
    /** Resolves once the schedule and reminders started (or were left off: damage, or stopped first). */
    started,
    /** Stops the timers and, best effort within `ms`, takes a last snapshot of what changed. */
    async stop(ms: number): Promise<void> {
      stopped = true;
      stopReminders?.();
      await schedule?.stopAndSnapshot(ms);
    },
  };
}
