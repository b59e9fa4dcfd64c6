import type { Db } from '../db/open';

const busyTimeoutMs = 5000;

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/**
 * Lets a job write to the live database on a connection of its own (an
 * import, its undo) without the core's thread ever waiting on SQLite's lock:
 * while such a job runs, the core's connection gives up on a locked database
 * at once (busy_timeout 0) instead of sleeping in SQLite, and a request that
 * met the lock waits, without blocking the thread, for the job to commit or
 * stop, then runs again from the start (its transaction was rolled back, so
 * nothing of it was kept). Reads never wait: WAL readers see the data as it
 * was until the job commits.
 */
export function writeGate(db: Db) {
  let writing: Promise<void> | undefined;

  return {
    /** Runs `work` (which writes on another connection) with the gate closed; one such work at a time. */
    async hold<T>(work: () => Promise<T>): Promise<T> {
      while (writing) await writing;
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
    guard<A extends unknown[], R>(handler: (...args: A) => R | Promise<R>, { waitFirst = false } = {}): (...args: A) => Promise<R> {
      return async (...args: A): Promise<R> => {
        if (waitFirst) while (writing) await writing;
        for (;;) {
          const during = writing;
          try {
            return await handler(...args);
          } catch (error) {
            const waitFor = writing ?? during;
            if (!isBusy(error) || !waitFor) throw error;
            await waitFor;
          }
        }
      };
    },
    /** Whether a job holds the gate (an import or its undo is writing). */
    get held(): boolean {
      return writing !== undefined;
    },
  };
}

export type WriteGate = ReturnType<typeof writeGate>;
