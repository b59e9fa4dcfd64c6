import type { Db } from './open';

const busyTimeoutMs = 5000;

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/**
 * Holds back the requests that may write while something else must finish
 * first, without ever blocking the core's thread. Two users: a job that
 * writes the live database on a connection of its own (an import, its undo),
 * and the quick check after an unclean shutdown (nothing may be written
 * before it passes; if it finds damage the gate is shut for good).
 *
 * For a job that writes:
 * while such a job runs, the core's connection gives up on a locked database
 * at once (busy_timeout 0) instead of sleeping in SQLite, and a request that
 * met the lock waits, without blocking the thread, for the job to commit or
 * stop, then runs again from the start (its transaction was rolled back, so
 * nothing of it was kept). Reads never wait: WAL readers see the data as it
 * was until the job commits.
 */
export function writeGate(db: Db) {
  let writing: Promise<void> | undefined;
  /** Set once the data must never be written again through this gate (damage found, or closing before the check passed). */
  let refusal: Error | undefined;
  const refuseIfShut = () => {
    if (refusal) throw refusal;
  };

  return {
    /** Runs `work` (which writes on another connection) with the gate closed; one such work at a time. */
    async hold<T>(work: () => Promise<T>): Promise<T> {
      while (writing) await writing;
      refuseIfShut();
      let open!: () => void;
      writing = new Promise<void>((resolve) => (open = resolve));
      db.pragma('busy_timeout = 0');
      try {
        return await work();
      } finally {
        db.pragma(`busy_timeout = ${busyTimeoutMs}`);
        writing = undefined;
        open();
      }
    },
    /**
     * A handler that, meeting the lock a held gate's job has, waits for the job and tries again.
     * `waitFirst`: a request that may write waits before it starts, so a handler that does more
     * than write the database (takes over an upload, say) never does that part twice.
     */
    guard<A extends unknown[], R>(
      handler: (...args: A) => R | Promise<R>,
      { waitFirst = false } = {},
    ): (...args: A) => Promise<R> {
      return async (...args: A): Promise<R> => {
        if (waitFirst) {
          while (writing) await writing;
          refuseIfShut();
        }
        for (;;) {
          const during = writing;
          try {
            return await handler(...args);
          } catch (error) {
            const waitFor = writing ?? during;
            if (!isBusy(error) || !waitFor) throw error;
            await waitFor;
            refuseIfShut();
          }
        }
      };
    },
    /**
     * Shuts the gate for good: every request that waits at it now, or comes to it later, and every
     * later hold, fails with `error` instead of running. Called from inside a hold (before it opens),
     * so nothing that waited slips through.
     */
    shut(error: Error): void {
      refusal ??= error;
    },
    /** Whether something holds the gate (an import or its undo is writing, or the check after a crash runs). */
    get held(): boolean {
      return writing !== undefined;
    },
  };
}

export type WriteGate = ReturnType<typeof writeGate>;
