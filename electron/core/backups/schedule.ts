import { describeError, type Logger } from '../logger';
import type { BackupService } from './service';

/** Calls `tick` every `ms`; returns the cancel. Main passes setInterval; tests tick by hand. */
export type Every = (ms: number, tick: () => void) => () => void;

export const realTimers: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  // The schedule alone must not keep the process alive.
  timer.unref?.();
  return () => clearInterval(timer);
};

export interface BackupSchedule {
  /** Stops the timer and, best effort, takes a last snapshot if anything changed. */
  stopAndSnapshot: (timeoutMs: number) => Promise<void>;
}

/**
 * The schedule main starts once the window is up: a snapshot at start-up
 * (after the database's quick check passed), one every interval while there
 * are changes, and the daily re-check of old snapshots. Failures are already
 * loud (the service logs and tells the window); the schedule only keeps going.
 */
export function startBackupSchedule(
  backups: BackupService,
  logger: Logger,
  intervalMinutes: () => number,
  every: Every = realTimers,
): BackupSchedule {
  const run = (what: string, job: () => Promise<unknown>) =>
    job().catch((error: unknown) => logger.warn(`scheduled ${what} did not complete`, { error: describeError(error) }));

  void run('start-up backup', () => backups.snapshot('start-up')).then(() =>
    run('re-check', () => backups.verifyAllIfDue()),
  );
  let minutes = intervalMinutes();
  let cancel = every(minutes * 60_000, tick);
  function tick(): void {
    void run('backup', () => backups.snapshotIfChanged('scheduled')).then(() =>
      run('re-check', () => backups.verifyAllIfDue()),
    );
    // A changed interval takes effect from the next tick.
    if (intervalMinutes() !== minutes) {
      cancel();
      minutes = intervalMinutes();
      cancel = every(minutes * 60_000, tick);
    }
  }

  return {
    async stopAndSnapshot(timeoutMs) {
      cancel();
      await Promise.race([
        run('backup on quit', () => backups.snapshotIfChanged('on quit')),
        new Promise((resolve) => setTimeout(resolve, timeoutMs)),
      ]);
    },
  };
}
