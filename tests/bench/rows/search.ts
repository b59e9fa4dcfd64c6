import { join } from 'node:path';
import { contactsRepo } from '../../../electron/core/contacts/repo';
import { toPrefixQuery } from '../../../electron/core/contacts/search-query';
import type { ContactListRequest } from '../../../shared/schemas/contact';
import { call } from '../call';
import { captureSql } from '../capture-sql';
import { searchPrefixes } from '../seed';
import { timeRepeated } from '../sqlite-shell';
import { median, percentile } from '../stats';
import { timeRuns } from '../stopwatch';
import type { BenchStep } from './row';
import { expectSameResult } from './same-result';

const prefixCount = 200;
const runsPerPrefix = 5;

/** Search as you type: each keystroke of a name ("j", "jo", "jos", "jose") is one contacts.list with search. */
export const searchAsYouType: BenchStep = {
  title: 'search as you type',
  async run(ctx) {
    const core = (await ctx.core());
    const prefixes = searchPrefixes(ctx.data.slice(0, ctx.contacts), prefixCount, ctx.seed).filter((typed) => toPrefixQuery(typed) !== '');
    const requests = prefixes.map(
      (search) => ({ offset: 0, limit: 100, sort: 'name', direction: 'asc', search }) as const satisfies ContactListRequest,
    );
    const rolodesk: number[] = [];
    for (const request of requests) {
      rolodesk.push(median(await timeRuns(runsPerPrefix, () => call(core, 'contacts.list', request), 1)));
    }

    const statements = requests.map((request) => captureSql(core.db, (db) => contactsRepo(db).list(request)));
    const [first] = requests;
    if (first) expectSameResult(ctx.rolodeskDb, statements[0]!, await call(core, 'contacts.list', first));
    const shell = timeRepeated(
      ctx.rolodeskDb,
      join(ctx.scriptDir, 'search.sql'),
      statements.map((captured, index) => ({ line: captured.join(' '), guessMs: rolodesk[index]! })),
      { setup: ctx.shellSetup, samples: 1, targetBatchMs: 40 },
    ).map((samples) => samples[0]!);

    const note = `${prefixes.length} prefixes of 1–4 letters; FTS5 prefix MATCH, 100 by name + count`;
    return [
      { operation: 'search as you type, p50', rolodeskMs: percentile(rolodesk, 50), referenceMs: percentile(shell, 50), display: { kind: 'time' }, note },
      {
        operation: 'search as you type, p95',
        rolodeskMs: percentile(rolodesk, 95),
        referenceMs: percentile(shell, 95),
        display: { kind: 'time' },
        note: `per prefix: median of ${runsPerPrefix} (Rolodesk), mean of a timed batch (shell)`,
      },
    ];
  },
};
