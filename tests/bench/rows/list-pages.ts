import { join } from 'node:path';
import { contactsRepo } from '../../../electron/core/contacts/repo';
import type { ContactListRequest } from '../../../shared/schemas/contact';
import { call } from '../call';
import { captureSql } from '../capture-sql';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { timeRepeated } from '../sqlite-shell';
import { median } from '../stats';
import { timeRuns } from '../stopwatch';
import type { BenchStep } from './row';
import { expectSameResult } from './same-result';

const runs = 50;
const pageSize = 100;

/** One page of the contact list sorted by name, through dispatch, against the SQL the repository runs for it. */
function listPage(label: string, offsetFor: (ctx: BenchContext) => number): BenchStep {
  return {
    title: `list ${label}`,
    async run(ctx) {
      const core = await ctx.core();
      const offset = offsetFor(ctx);
      const request = { offset, limit: pageSize, sort: 'name', direction: 'asc' } as const satisfies ContactListRequest;
      const rolodeskMs = median(await timeRuns(runs, () => call(core, 'contacts.list', request)));

      const statements = captureSql(core.db, (db) => contactsRepo(db).list({ ...request, search: '' }));
      expectSameResult(ctx.rolodeskDb, statements, await call(core, 'contacts.list', request));
      const [samples = []] = timeRepeated(
        ctx.rolodeskDb,
        join(ctx.scriptDir, `list-${offset}.sql`),
        [{ line: statements.join(' '), guessMs: rolodeskMs }],
        {
          setup: ctx.shellSetup,
          samples: 15,
          targetBatchMs: 40,
        },
      );
      return [
        {
          operation: `list ${label} (offset ${formatCount(offset)}, ${pageSize} by name)`,
          rolodeskMs,
          referenceMs: median(samples),
          display: { kind: 'time' },
          note: `median of ${runs} contacts.list; shell: same page SQL + count(*)`,
        },
      ];
    },
  };
}

export const firstPage = listPage('first page', () => 0);
export const deepPage = listPage('deep page', (ctx) => Math.floor(ctx.contacts * 0.9));
