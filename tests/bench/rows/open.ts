import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../../electron/core/core';
import { cleanCloseMarkFile } from '../../../electron/core/db/clean-shutdown';
import type { LogRecord, Logger } from '../../../electron/core/logger';
import { call } from '../call';
import { runTimedScript, shellQuery } from '../sqlite-shell';
import { median } from '../stats';
import type { BenchStep } from './row';

const runs = 5;
const checkStarted = 'quick check started in the background';
const checksFinished = 'background database checks finished';

/** A logger that notes when each message was first logged, and keeps the errors. */
function timedLogger() {
  const at = new Map<string, number>();
  const errors: LogRecord[] = [];
  const note = (message: string) => {
    if (!at.has(message)) at.set(message, performance.now());
  };
  const logger: Logger = {
    debug: note,
    info: note,
    warn: note,
    error: (message, context) => {
      note(message);
      errors.push({ level: 'error', message, context });
    },
  };
  return {
    logger,
    errors,
    at: (message: string) => at.get(message),
    async reached(message: string): Promise<number> {
      while (!at.has(message)) await new Promise((resolve) => setTimeout(resolve, 10));
      return at.get(message)!;
    },
  };
}

/**
 * Start-up on the seeded data, split: how long until the first request (a
 * read) is answered, after a clean close and after a crash; after a crash,
 * how long until writes are accepted (the quick check passed: reads never
 * wait for it, writes do); and the quick check that runs in the background
 * after a clean start. The shell opens the same file on a fresh connection.
 */
export const openDatabase: BenchStep = {
  title: 'open the seeded database',
  async run(ctx) {
    await ctx.closeCore();
    const firstRequest = { clean: [] as number[], afterCrash: [] as number[] };
    const firstWriteAfterCrash: number[] = [];
    const backgroundCheck: number[] = [];
    const open = async (after: 'clean' | 'afterCrash') => {
      // A crash leaves no clean-close mark; taking it away is what the next start sees.
      if (after === 'afterCrash') rmSync(cleanCloseMarkFile(ctx.rolodeskDb), { force: true });
      const timed = timedLogger();
      const start = performance.now();
      const core = await openCore({ dataDir: ctx.rolodeskDir, logger: timed.logger, appVersion: 'bench' });
      await call(core, 'contacts.list', { limit: 50 });
      const answered = performance.now() - start;
      if (after === 'clean' && timed.at(checkStarted) === undefined)
        throw new Error('a start after a clean close did not leave its quick check to the background');
      const check = after === 'clean' ? (await timed.reached(checksFinished)) - timed.at(checkStarted)! : undefined;
      // Also before closing after a clean start: a close before the check passed leaves no clean-close mark.
      if (!(await core.writesAccepted())) throw new Error('the core refused writes after opening the seeded database');
      const writable = performance.now() - start;
      await core.close();
      if (timed.errors.length > 0)
        throw new Error(
          `the core logged an error while the bench opened it: ${JSON.stringify(timed.errors).slice(0, 500)}`,
        );
      return { answered, check, writable };
    };
    // One untimed open of each kind first, as the shell gets one below.
    for (let run = 0; run <= runs; run++) {
      for (const after of ['clean', 'afterCrash'] as const) {
        const { answered, check, writable } = await open(after);
        if (run === 0) continue;
        firstRequest[after].push(answered);
        if (check !== undefined) backgroundCheck.push(check);
        if (after === 'afterCrash') firstWriteAfterCrash.push(writable);
      }
    }

    const status = shellQuery(ctx.rolodeskDb, 'PRAGMA quick_check;')[0]?.[0];
    if (status !== 'ok') throw new Error(`quick_check in the shell said: ${String(status)}`);
    // .open starts a fresh connection (cold SQLite cache, as openCore has); the first statement also loads the schema.
    if (ctx.rolodeskDb.includes("'")) throw new Error('the bench directory must not contain a quote');
    const fresh = (line: string) => ({ before: [`.open '${ctx.rolodeskDb}'`], line });
    const shellTimes = (name: string, line: string) =>
      runTimedScript(
        ctx.rolodeskDb,
        join(ctx.scriptDir, name),
        [],
        Array.from({ length: runs + 1 }, () => fresh(line)),
      ).slice(1);
    const shellQuickCheck = median(shellTimes('open-check.sql', 'PRAGMA quick_check;'));
    const shellFirstPage = median(
      shellTimes(
        'open-page.sql',
        'SELECT id, name, email, phone, company FROM contacts WHERE deleted_at IS NULL ORDER BY name_sort, name LIMIT 50;',
      ),
    );
    return [
      {
        operation: 'open the database: first request answered (after a clean close)',
        rolodeskMs: median(firstRequest.clean),
        referenceMs: shellFirstPage,
        display: { kind: 'time' },
        note: `median of ${runs}; openCore (lock, pragmas, migrations, sweep) + contacts.list; reference: shell's first page on a fresh connection; goal ≤ 1 s at 1,000,000`,
      },
      {
        operation: 'open the database: its quick_check, in the background',
        rolodeskMs: median(backgroundCheck),
        referenceMs: shellQuickCheck,
        display: { kind: 'time' },
        note: `median of ${runs}; a job on its own connection, started once the core answers; reference: shell PRAGMA quick_check`,
      },
      {
        operation: 'open the database: first request answered (after a crash)',
        rolodeskMs: median(firstRequest.afterCrash),
        referenceMs: shellFirstPage,
        display: { kind: 'time' },
        note: `median of ${runs}; the first READ (contacts.list): no clean-close mark, so quick_check runs in a job meanwhile and only writes wait for it; reference: shell's first page on a fresh connection; goal ≤ 1 s at 1,000,000`,
      },
      {
        operation: 'open the database: first write accepted (after a crash)',
        rolodeskMs: median(firstWriteAfterCrash),
        referenceMs: shellQuickCheck,
        display: { kind: 'time' },
        note: `median of ${runs}; from openCore until writes are accepted (quick_check passed, then the start-up sweep and trash purge); reference: shell PRAGMA quick_check`,
      },
    ];
  },
};
