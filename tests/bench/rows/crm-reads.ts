import { join } from 'node:path';
import { activitiesRepo } from '../../../electron/core/activities/repo';
import { attachmentsRepo } from '../../../electron/core/attachments/repo';
import { companiesRepo } from '../../../electron/core/companies/repo';
import { contactsRepo } from '../../../electron/core/contacts/repo';
import type { Core } from '../../../electron/core/core';
import type { Db } from '../../../electron/core/db/open';
import { dealsRepo } from '../../../electron/core/deals/repo';
import { searchRepo } from '../../../electron/core/search/repo';
import { timelineRepo } from '../../../electron/core/timeline/repo';
import { channels, type ChannelName, type Input, type ParsedInput } from '../../../shared/contract';
import { activitySortKeys } from '../../../shared/schemas/activity';
import { companySortKeys } from '../../../shared/schemas/company';
import { contactSortKeys } from '../../../shared/schemas/contact';
import { dealSortKeys } from '../../../shared/schemas/deal';
import { call } from '../call';
import { captureSql } from '../capture-sql';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { seededRandom } from '../random';
import { crmSearchPrefixes } from '../seed-crm';
import { timeRepeated } from '../sqlite-shell';
import { median, percentile } from '../stats';
import { timeRuns } from '../stopwatch';
import type { BenchStep, Measurement } from './row';

/** One read: through the core's dispatch (Rolodesk), and the SQL its repositories run (the shell). */
interface Read {
  label: string;
  run: (core: Core) => Promise<unknown>;
  sql: (db: Db) => void;
}

const parse = <C extends ChannelName>(channel: C, input: Input<C>) =>
  channels[channel].input.parse(input) as ParsedInput<C>;

/** Per read: the Rolodesk median of `runs` calls and the shell's time for the same statements. */
async function measure(
  ctx: BenchContext,
  name: string,
  reads: readonly Read[],
  runs: number,
  shellSamples: number,
): Promise<{ rolodesk: number[]; shell: number[] }> {
  const core = await ctx.core();
  const rolodesk: number[] = [];
  for (const read of reads) rolodesk.push(median(await timeRuns(runs, () => read.run(core), 1)));
  const lines = reads.map((read) => captureSql(core.db, read.sql).join(' '));
  const shell = timeRepeated(
    ctx.rolodeskDb,
    join(ctx.scriptDir, `${name}.sql`),
    lines.map((line, index) => ({ line, guessMs: rolodesk[index]! })),
    { setup: ctx.shellSetup, samples: shellSamples, targetBatchMs: 20 },
  ).map((samples) => median(samples));
  return { rolodesk, shell };
}

const prefixCount = 1_000;

/** Search as you type across every kind: each keystroke is one search.all. */
export const crmSearch: BenchStep = {
  title: 'search as you type across all kinds',
  async run(ctx) {
    if (!ctx.crm) throw new Error('the CRM seed step must run first');
    const prefixes = crmSearchPrefixes(ctx.data.slice(0, ctx.contacts), ctx.crm, prefixCount, ctx.seed);
    const reads = prefixes.map((text): Read => ({
      label: text,
      run: (core) => call(core, 'search.all', { text }),
      sql: (db) => {
        const request = parse('search.all', { text });
        searchRepo(db).search(request.text, request.perKind, request.kinds);
      },
    }));
    const { rolodesk, shell } = await measure(ctx, 'crm-search', reads, 3, 1);
    const worst = rolodesk.indexOf(Math.max(...rolodesk));
    const note = `${formatCount(prefixes.length)} prefixes of 1–4 letters (15 % after a first word) over contacts, companies, deals, activities`;
    return [
      {
        operation: 'search all kinds as you type, p50',
        rolodeskMs: percentile(rolodesk, 50),
        referenceMs: percentile(shell, 50),
        display: { kind: 'time' },
        note,
      },
      {
        operation: 'search all kinds as you type, p95',
        rolodeskMs: percentile(rolodesk, 95),
        referenceMs: percentile(shell, 95),
        display: { kind: 'time' },
        note: `search.all: newest 101 matches per kind (count, "100+"); bm25 once over all when each kind has ≤ 100, else name matches first; 5 per kind; slowest "${prefixes[worst]}"`,
      },
    ];
  },
};

/** The first page of every list sorted by every column, both ways: the slowest per list, and the median of all. */
export const crmListPages: BenchStep = {
  title: 'first page of each list by each column',
  async run(ctx) {
    const lists = [
      { name: 'contacts', channel: 'contacts.list', keys: contactSortKeys, repo: (db: Db) => contactsRepo(db) },
      { name: 'companies', channel: 'companies.list', keys: companySortKeys, repo: (db: Db) => companiesRepo(db) },
      { name: 'deals', channel: 'deals.list', keys: dealSortKeys, repo: (db: Db) => dealsRepo(db) },
      { name: 'activities', channel: 'activities.list', keys: activitySortKeys, repo: (db: Db) => activitiesRepo(db) },
    ] as const;
    const reads: Array<Read & { list: string }> = [];
    for (const list of lists) {
      for (const sort of list.keys) {
        for (const direction of ['asc', 'desc'] as const) {
          const input = { offset: 0, limit: 100, sort, direction } as never;
          reads.push({
            list: list.name,
            label: `${sort} ${direction}`,
            run: (core) => call(core, list.channel, input),
            sql: (db) => (list.repo(db).list as (query: unknown) => unknown)(parse(list.channel, input)),
          });
        }
      }
    }
    const { rolodesk, shell } = await measure(ctx, 'crm-lists', reads, 20, 5);
    const rows: Measurement[] = lists.map((list) => {
      const mine = reads.flatMap((read, index) => (read.list === list.name ? [index] : []));
      const worst = mine.reduce((a, b) => (rolodesk[b]! > rolodesk[a]! ? b : a));
      return {
        operation: `first page of ${list.name}, slowest of ${mine.length} sorts`,
        rolodeskMs: rolodesk[worst]!,
        referenceMs: shell[worst]!,
        display: { kind: 'time' },
        note: `by ${reads[worst]!.label}; 100 rows + total + tags; median of 20 (Rolodesk), of 5 batches (shell)`,
      };
    });
    rows.push({
      operation: `first page, median of all ${reads.length} list sorts`,
      rolodeskMs: median(rolodesk),
      referenceMs: median(shell),
      display: { kind: 'time' },
      note: 'every sort key of contacts, companies, deals, activities, ascending and descending',
    });
    return rows;
  },
};

const recordsToOpen = 100;

/** Opening a record as its page does: the record, its people and deals (a company), its timeline's first page, its files. */
export const openRecords: BenchStep = {
  title: 'open records with their timelines',
  async run(ctx) {
    if (!ctx.crm) throw new Error('the CRM seed step must run first');
    const r = seededRandom(ctx.seed + 3);
    const companyIds = Array.from({ length: recordsToOpen }, () => r.int(1, ctx.crm!.companies.length));
    const contactIds = Array.from({ length: recordsToOpen }, () => r.int(1, ctx.contacts));
    const companyReads = companyIds.map((id): Read => ({
      label: `company ${id}`,
      run: (core) =>
        Promise.all([
          call(core, 'companies.get', { id }),
          call(core, 'contacts.list', { companyId: id, limit: 50 }),
          call(core, 'deals.list', { companyId: id, limit: 50 }),
          call(core, 'timeline.list', { record: { kind: 'company', id } }),
          call(core, 'attachments.list', { record: { kind: 'company', id } }),
        ]),
      sql: (db) => {
        companiesRepo(db).get(id);
        contactsRepo(db).list(parse('contacts.list', { companyId: id, limit: 50 }));
        dealsRepo(db).list(parse('deals.list', { companyId: id, limit: 50 }));
        timelineRepo(db).page({ kind: 'company', id }, undefined, 50);
        attachmentsRepo(db).listFor({ kind: 'company', id });
      },
    }));
    const contactReads = contactIds.map((id): Read => ({
      label: `contact ${id}`,
      run: (core) =>
        Promise.all([
          call(core, 'contacts.get', { id }),
          call(core, 'timeline.list', { record: { kind: 'contact', id } }),
          call(core, 'attachments.list', { record: { kind: 'contact', id } }),
        ]),
      sql: (db) => {
        contactsRepo(db).get(id);
        timelineRepo(db).page({ kind: 'contact', id }, undefined, 50);
        attachmentsRepo(db).listFor({ kind: 'contact', id });
      },
    }));
    const companies = await measure(ctx, 'open-companies', companyReads, 5, 1);
    const contacts = await measure(ctx, 'open-contacts', contactReads, 5, 1);
    return [
      {
        operation: 'open a company page, p95',
        rolodeskMs: percentile(companies.rolodesk, 95),
        referenceMs: percentile(companies.shell, 95),
        display: { kind: 'time' },
        note: `${recordsToOpen} companies: record + people + deals (50 each) + timeline (50) + files; p50 ${median(companies.rolodesk).toFixed(2)} ms`,
      },
      {
        operation: 'open a contact with its timeline, p95',
        rolodeskMs: percentile(contacts.rolodesk, 95),
        referenceMs: percentile(contacts.shell, 95),
        display: { kind: 'time' },
        note: `${recordsToOpen} contacts: record (tags, custom values) + timeline (50) + files; p50 ${median(contacts.rolodesk).toFixed(2)} ms`,
      },
    ];
  },
};

/** The deal board as the Deals screen loads it (every stage with count and totals, up to 50 cards each), and the deal list in board order. */
export const boardLoad: BenchStep = {
  title: 'kanban board and deals by stage',
  async run(ctx) {
    // As useDealBoard.ts asks.
    const boardRequest = { includeClosed: true, cardsPerStage: 50 } as const;
    const byStage: Input<'deals.list'> = {
      sort: 'stage',
      direction: 'asc',
      search: '',
      tagIds: [],
      tagMatch: 'any',
      custom: [],
      offset: 0,
      limit: 100,
    };
    const reads: Read[] = [
      {
        label: 'board',
        run: (core) => call(core, 'deals.board', boardRequest),
        sql: (db) => dealsRepo(db).board(parse('deals.board', boardRequest)),
      },
      {
        label: 'by stage',
        run: (core) => call(core, 'deals.list', byStage),
        sql: (db) => dealsRepo(db).list(parse('deals.list', byStage)),
      },
    ];
    const { rolodesk, shell } = await measure(ctx, 'board', reads, 20, 15);
    const board = await call(await ctx.core(), 'deals.board', boardRequest);
    const cards = board.columns.reduce((sum, column) => sum + column.deals.length, 0);
    const deals = board.columns.reduce((sum, column) => sum + column.count, 0);
    return [
      {
        operation: 'load the deal board',
        rolodeskMs: rolodesk[0]!,
        referenceMs: shell[0]!,
        display: { kind: 'time' },
        note: `as the Deals screen asks: ${board.columns.length} stages, ${formatCount(cards)} cards (≤ 50 per stage) + per-stage counts and totals of ${formatCount(deals)} deals`,
      },
      {
        operation: 'deal list in board order (by stage), first page',
        rolodeskMs: rolodesk[1]!,
        referenceMs: shell[1]!,
        display: { kind: 'time' },
        note: `100 of ${formatCount(deals)} deals + count + tags, as the list view asks; median of 20 (Rolodesk), of 15 batches (shell)`,
      },
    ];
  },
};
