import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { runTimedScript, shellQuery } from '../sqlite-shell';
import { median } from '../stats';
import { timeOnce } from '../stopwatch';
import type { BenchStep } from './row';

const runs = 5;

/** Start-up cost on the seeded data: openCore against the shell opening the file and running quick_check. */
export const openDatabase: BenchStep = {
  title: 'open the seeded database',
  async run(ctx) {
    await ctx.closeCore();
    const rolodesk: number[] = [];
    // One untimed open first, as the shell gets one below.
    for (let run = 0; run <= runs; run++) {
      let core: Core | undefined;
      const elapsed = await timeOnce(async () => {
        core = await ctx.openCoreOn(ctx.rolodeskDir);
      });
      await core?.close();
      if (run > 0) rolodesk.push(elapsed);
    }

    const status = shellQuery(ctx.rolodeskDb, 'PRAGMA quick_check;')[0]?.[0];
    if (status !== 'ok') throw new Error(`quick_check in the shell said: ${String(status)}`);
    // .open starts a fresh connection (cold SQLite cache, as openCore has); quick_check also loads the schema.
    if (ctx.rolodeskDb.includes("'")) throw new Error('the bench directory must not contain a quote');
    const batch = { before: [`.open '${ctx.rolodeskDb}'`], line: 'PRAGMA quick_check;' };
    const [, ...shell] = runTimedScript(ctx.rolodeskDb, join(ctx.scriptDir, 'open.sql'), [], Array.from({ length: runs + 1 }, () => batch));
    return [
      {
        operation: 'open the database',
        rolodeskMs: median(rolodesk),
        referenceMs: median(shell),
        display: { kind: 'time' },
        note: `median of ${runs}; openCore = lock, pragmas, quick_check, migrations; SQLite ≥ 3.44's quick_check also checks FTS5`,
      },
    ];
  },
};
