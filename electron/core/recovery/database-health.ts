import { Timestamp } from '../../../shared/schemas/common';
import { realTimers, type Every } from '../backups/schedule';
import type { Clock } from '../clock';
import { damagedFileError } from '../db/open';
import { CrmError, fromSqliteError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import { describeError, type Logger } from '../logger';
import type { SettingsRepo } from '../settings/repo';

export const integrityCheckEveryMs = 7 * 24 * 3600 * 1000;
const lastIntegrityCheckKey = 'database.lastIntegrityCheckAt';
// How often a long-running app looks whether the weekly check fell due.
const lookEveryMs = 3600 * 1000;

export interface DatabaseHealthDeps {
  jobs: JobRunner;
  /** The live database file: checks read it on connections of their own. */
  file: string;
  settings: SettingsRepo;
  clock: Clock;
  logger: Logger;
  /** The quick check was not run before opening (the last close was clean): it runs first, in the background. */
  quickCheckPending: boolean;
  /** A check found the file damaged: called once, and no check runs after it. */
  onDamaged: (error: Error) => void;
  /** Runs a write once the live database takes writes: after an import's COMMIT, not "busy" during it (db/write-gate.ts). */
  whenWritable: (write: () => void) => Promise<void>;
  every?: Every;
}

export interface DatabaseHealth {
  /** Stops looking; a check in progress is stopped with the jobs on the file (JobRunner.stopJobsOn). */
  stop: () => void;
}

const isDamage = (error: unknown) => {
  const mapped = fromSqliteError(error);
  return mapped instanceof CrmError && mapped.code === 'DATABASE_CORRUPT';
};
const isStopped = (error: unknown) => error instanceof CrmError && error.code === 'CANCELLED';

/** When the weekly full check last passed, from the settings (parsed: a bad value counts as never). */
export function lastIntegrityCheck(settings: SettingsRepo): Date | undefined {
  const stored = Timestamp.safeParse(settings.get(lastIntegrityCheckKey));
  return stored.success ? new Date(stored.data) : undefined;
}

export function markIntegrityChecked(settings: SettingsRepo, at: Date): void {
  settings.set(lastIntegrityCheckKey, at.toISOString());
}

export function integrityCheckDue(last: Date | undefined, now: Date): boolean {
  return last === undefined || now.getTime() - last.getTime() >= integrityCheckEveryMs;
}

/**
 * The checks of the live database that run beside the app, in a job worker:
 * the quick check deferred from opening, then the full integrity check once a
 * week (when it last passed is kept in the settings, so restarts keep the
 * schedule). Damage found goes to onDamaged: the recovery screen, as for
 * damage a request meets.
 */
export function watchDatabaseHealth(deps: DatabaseHealthDeps): DatabaseHealth {
  const { jobs, file, settings, clock, logger, every = realTimers } = deps;
  let quickCheckPending = deps.quickCheckPending;
  let stopped = false;
  let looking: Promise<void> = Promise.resolve();

  async function check(name: 'quickCheck' | 'integrityCheck'): Promise<void> {
    const problems = await jobs.run(name, { file });
    if (problems.length > 0)
      throw damagedFileError(name === 'quickCheck' ? 'quick_check' : 'integrity_check', problems);
  }

  async function runDueChecks(): Promise<void> {
    const ran: string[] = [];
    try {
      if (quickCheckPending) {
        logger.info('quick check started in the background');
        await check('quickCheck');
        quickCheckPending = false;
        ran.push('quick check');
      }
      if (!stopped && integrityCheckDue(lastIntegrityCheck(settings), clock.now())) {
        logger.info('weekly integrity check started in the background');
        await check('integrityCheck');
        if (stopped) return;
        const passedAt = clock.now();
        await deps.whenWritable(() => markIntegrityChecked(settings, passedAt));
        ran.push('integrity check');
      }
      if (ran.length > 0) logger.info('background database checks finished', { passed: ran });
    } catch (error) {
      if (stopped || isStopped(error)) return;
      if (isDamage(error)) {
        stopped = true;
        logger.error('a background check found the database damaged', { error: describeError(error) });
        deps.onDamaged(error as Error);
        return;
      }
      logger.warn('a background database check could not run; it is tried again later', {
        error: describeError(error),
      });
    }
  }

  const look = () => {
    // One pass at a time: a pass still running when the timer fires is not doubled.
    looking = looking.then(() => (stopped ? undefined : runDueChecks()));
  };
  look();
  const cancel = every(lookEveryMs, look);
  return {
    stop() {
      stopped = true;
      cancel();
    },
  };
}
