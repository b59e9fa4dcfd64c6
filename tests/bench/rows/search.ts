import { join } from 'node:path';
import { companiesRepo } from '../../../electron/core/companies/repo';
import { contactsRepo } from '../../../electron/core/contacts/repo';
import { toPrefixQuery } from '../../../electron/core/search/prefix-query';
import type { Db } from '../../../electron/core/db/open';
import { dealsRepo } from '../../../electron/core/deals/repo';
import { idBase, kindBase } from '../../../electron/core/search/documents';
import type { RecordKind } from '../../../shared/schemas/record';
import { call } from '../call';
import { inlineParameters } from '../capture-sql';
import { formatCount } from '../format';
import { searchPrefixes } from '../seed';
import { shellQuery, timeRepeated } from '../sqlite-shell';
import { median, percentile } from '../stats';
import { timeRuns } from '../stopwatch';
import type { BenchStep, Measurement } from './row';

const prefixCount = 200;
const runsPerPrefix = 5;
const pageSize = 100;

/** One list screen's search box: the request its first page sends, and the plain SQL that answers the same question. */
interface SearchBox {
  name: string;
  kind: RecordKind;
  channel: 'contacts.list' | 'companies.list' | 'deals.list';
  /** The screen's own sort. */
  sort: string;
  pageSql: (db: Db) => string;
  words: (ctx: Parameters<BenchStep['run']>[0]) => Array<{ name: string }>;
}

const boxes: readonly SearchBox[] = [
  {
    name: 'Contacts',
    kind: 'contact',
    channel: 'contacts.list',
    sort: 'name',
    pageSql: (db) => contactsRepo(db).pageSql('name', 'asc', undefined, 'read')[0]!,
    words: (ctx) => ctx.data.slice(0, ctx.contacts),
  },
  {
    name: 'Companies',
    kind: 'company',
    channel: 'companies.list',
    sort: 'name',
    pageSql: (db) => companiesRepo(db).pageSql('name', 'asc', undefined, 'read')[0]!,
    words: (ctx) => ctx.crm!.companies,
  },
  {
    name: 'Deals',
    kind: 'deal',
    channel: 'deals.list',
    sort: 'stage',
    pageSql: (db) => dealsRepo(db).pageSql('stage', 'asc', undefined, 'read')[0]!,
    words: (ctx) => ctx.crm!.deals.map((deal) => ({ name: deal.title })),
  },
];

/**
 * Each list screen's search box as you type: one request per keystroke, the
 * first page in the screen's own order with its count, as the window sends
 * it (pagedRows.ts: no other request). The reference is the plain SQL for
 * the same question in the sqlite3 shell: the matches from the search index
 * sorted into the list's order, the first 100, and how many there are.
 */
export const listSearchBoxes: BenchStep = {
  title: 'each list’s search box as you type',
  async run(ctx) {
    if (!ctx.crm) throw new Error('the CRM seed step must run first');
    const core = await ctx.core();
    const rows: Measurement[] = [];
    for (const box of boxes) {
      const prefixes = searchPrefixes(box.words(ctx), prefixCount, ctx.seed).filter(
        (typed) => toPrefixQuery(typed) !== '',
      );
      const requests = prefixes.map(
        (search) =>
          ({
            sort: box.sort,
            direction: 'asc',
            search,
            tagIds: [],
            tagMatch: 'any',
            custom: [],
            offset: 0,
            limit: pageSize,
          }) as const,
      );
      const rolodesk: number[] = [];
      const pages = [];
      for (const request of requests) {
        rolodesk.push(median(await timeRuns(runsPerPrefix, () => call(core, box.channel, request as never), 1)));
        pages.push(await call(core, box.channel, request as never));
      }

      const pageSql = box.pageSql(core.db);
      const lines = prefixes.map((typed) => {
        const params = {
          searchMatch: toPrefixQuery(typed),
          searchBase: kindBase[box.kind],
          searchEnd: idBase(box.kind),
          limit: pageSize,
          offset: 0,
        };
        const count =
          'SELECT count(*) FROM search_fts WHERE search_fts MATCH @searchMatch AND rowid > CAST(@searchBase AS INTEGER) AND rowid < CAST(@searchEnd AS INTEGER)';
        return { page: inlineParameters(pageSql, [params]), count: inlineParameters(count, [params]) };
      });
      // The shell answers what Rolodesk answered: the same rows, and a count the capped one agrees with.
      for (const index of [0, Math.floor(lines.length / 2), lines.length - 1]) {
        const ids = shellQuery(ctx.rolodeskDb, `${lines[index]!.page};`).map((row) => Number(row[0]));
        const total = Number(shellQuery(ctx.rolodeskDb, `${lines[index]!.count};`)[0]?.[0]);
        const page = pages[index]!;
        const counted = page.more ? total > page.total : total === page.total;
        if (!counted || ids.join() !== page.rows.map((row) => row.id).join())
          throw new Error(`the shell's result differs from Rolodesk's for “${prefixes[index]}” in ${box.name}`);
      }
      const shell = timeRepeated(
        ctx.rolodeskDb,
        join(ctx.scriptDir, `search-${box.kind}.sql`),
        lines.map((line, index) => ({ line: `${line.page}; ${line.count};`, guessMs: rolodesk[index]! })),
        { setup: ctx.shellSetup, samples: 1, targetBatchMs: 40 },
      ).map((samples) => samples[0]!);
      const worst = rolodesk.indexOf(Math.max(...rolodesk));
      const capped = pages.filter((page) => page.more).length;
      rows.push(
        {
          operation: `${box.name} search box as you type, p50`,
          rolodeskMs: percentile(rolodesk, 50),
          referenceMs: percentile(shell, 50),
          display: { kind: 'time' },
          note: `${formatCount(prefixes.length)} prefixes of 1–4 letters; first ${pageSize} by ${box.sort} + count (“1,000+” for ${capped} of them)`,
        },
        {
          operation: `${box.name} search box as you type, p95`,
          rolodeskMs: percentile(rolodesk, 95),
          referenceMs: percentile(shell, 95),
          display: { kind: 'time' },
          note: `per prefix: median of ${runsPerPrefix} (Rolodesk), mean of a timed batch (shell: matches sorted + exact count); slowest “${prefixes[worst]}” ${rolodesk[worst]!.toFixed(1)} ms`,
        },
      );
    }
    return rows;
  },
};
