import type { DueReminder } from '../../../shared/schemas/activity';

const checkEveryMs = 30_000;
const purgeEveryMs = 24 * 3600 * 1000;

export interface ReminderSource {
  /** Waits while an import writes: a check may take as long as the import. */
  dueReminders: () => Promise<DueReminder[]>;
  purgeTrash: () => Promise<number>;
}

/**
 * While the app is open: a desktop notification for each task that falls due
 * (the core marks each one so it is shown once), and the daily purge of
 * 30-day-old trash. Returns the stop.
 */
export function startReminders(
  source: ReminderSource,
  notify: (reminder: DueReminder) => void,
  onError: (what: string, error: unknown) => void,
  every: (ms: number, tick: () => void) => () => void,
): () => void {
  // One check at a time: ticks during a long import do not queue up behind it.
  let checking = false;
  const check = () => {
    if (checking) return;
    checking = true;
    source
      .dueReminders()
      .then((due) => {
        for (const reminder of due) notify(reminder);
      })
      .catch((error: unknown) => onError('checking for due tasks', error))
      .finally(() => (checking = false));
  };
  check();
  const stopChecks = every(checkEveryMs, check);
  const stopPurge = every(purgeEveryMs, () => {
    source.purgeTrash().catch((error: unknown) => onError('emptying old trash', error));
  });
  return () => {
    stopChecks();
    stopPurge();
  };
}
