/**
 * Rolodesk benchmark: the same operations in Rolodesk (through the core, as
 * the app runs them) and in the sqlite3 shell on the same data, side by side.
 * A report, not a test: nothing here passes or fails on time.
 *
 *   npm run bench -- [--contacts N] [--keep]       (BENCH_CONTACTS=N also works)
 */
import { arch, cpus, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sqliteVersion } from '../../electron/core/db/open';
import { createContext } from './context';
import { defaultSeed } from './seed';
import { formatCount, formatMegabytes, formatMs, formatRate, formatRatio } from './format';
import { bulkInsert, singleCreates } from './rows/inserts';
import { campaignMembers } from './rows/campaign-members';
import { boardLoad, crmListPages, crmSearch, openRecords } from './rows/crm-reads';
import { seedCrmStep } from './rows/crm-seed';
import { dashboardLoad } from './rows/dashboard';
import { addAttachments } from './rows/attachments';
import { backupJobs } from './rows/backups';
import { hostedJobs, hostMemory } from './rows/hosted';
import { exportRows } from './rows/exports';
import { importRows } from './rows/imports';
import { jobsUnderLoad } from './rows/jobs';
import { deepPage, firstPage } from './rows/list-pages';
import { openDatabase } from './rows/open';
import { memoryMark, type BenchStep, type Measurement } from './rows/row';
import { listSearchBoxes } from './rows/search';
import { segmentCounts } from './rows/segments';
import { shellPath, shellVersion } from './sqlite-shell';
import { markdownTable } from './table';

// In order: each step works on the data the steps before it left. Add a row by adding a step.
const steps: BenchStep[] = [
  bulkInsert,
  memoryMark('after seeding'),
  singleCreates,
  firstPage,
  deepPage,
  seedCrmStep,
  memoryMark('after seeding the CRM'),
  crmSearch,
  listSearchBoxes,
  crmListPages,
  openRecords,
  boardLoad,
  segmentCounts,
  dashboardLoad,
  campaignMembers,
  memoryMark('after list queries'),
  addAttachments,
  openDatabase,
  backupJobs,
  jobsUnderLoad,
  hostedJobs,
  hostMemory,
  importRows,
  exportRows,
];

const singleCreateCount = 500;
const usage = 'usage: npm run bench -- [--contacts N] [--keep]   (or BENCH_CONTACTS=N)';

/** A mistake on the command line: reported as one line, not a stack trace. */
class UsageError extends Error {}

function contactCount(flag: string | undefined): number {
  const text = flag ?? process.env.BENCH_CONTACTS ?? '100000';
  const count = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(count) || count < 100)
    throw new UsageError(`--contacts must be a whole number of at least 100, got "${text}"`);
  return count;
}

function show(ms: number, display: Measurement['display']): string {
  if (display.kind === 'megabytes') return `${ms.toFixed(1)} MB`;
  if (ms <= 0) return '< 1 ms timer resolution';
  return display.kind === 'rate' ? formatRate(ms, display.unit) : formatMs(ms);
}

async function main(): Promise<void> {
  let values: { contacts?: string | undefined; keep: boolean };
  try {
    ({ values } = parseArgs({ options: { contacts: { type: 'string' }, keep: { type: 'boolean', default: false } } }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const contacts = contactCount(values.contacts);
  const started = performance.now();
  const progress = (message: string) =>
    process.stderr.write(`[${formatMs(performance.now() - started).padStart(9)}] ${message}\n`);

  progress(`preparing ${formatCount(contacts)} synthetic contacts`);
  const ctx = await createContext({ contacts, extraContacts: singleCreateCount, seed: defaultSeed });
  const measurements: Measurement[] = [];
  let appSqlite = 'unknown';
  try {
    appSqlite = sqliteVersion((await ctx.core()).db);
    for (const step of steps) {
      progress(step.title);
      const memoryBefore = ctx.memory.length;
      const rows = await step.run(ctx);
      // As each step ends, so a long run that is cut short (1,000,000 contacts take over an hour) keeps what it measured.
      for (const m of rows)
        progress(
          `  ${m.operation}: ${show(m.rolodeskMs, m.display)} (reference ${show(m.referenceMs, m.display)}, ratio ${formatRatio(m.rolodeskMs, m.referenceMs)})`,
        );
      for (const m of ctx.memory.slice(memoryBefore))
        progress(`  memory ${m.label}: rss ${formatMegabytes(m.rss)}, heapUsed ${formatMegabytes(m.heapUsed)}`);
      measurements.push(...rows);
    }
  } finally {
    await ctx.dispose(values.keep);
  }

  const table = markdownTable(
    ['operation', 'Rolodesk', 'reference', 'ratio', 'note'],
    measurements.map((m) => [
      m.operation,
      show(m.rolodeskMs, m.display),
      show(m.referenceMs, m.display),
      formatRatio(m.rolodeskMs, m.referenceMs),
      m.note,
    ]),
    ['left', 'right', 'right', 'right', 'left'],
  );
  const memory = markdownTable(
    ['process memory', 'rss', 'heapUsed'],
    ctx.memory.map((m) => [m.label, formatMegabytes(m.rss), formatMegabytes(m.heapUsed)]),
    ['left', 'right', 'right'],
  );
  const cpu = cpus();
  console.log(
    [
      `## Rolodesk bench: ${formatCount(contacts)} contacts`,
      '',
      `Seed ${ctx.seed}. Rolodesk: SQLite ${appSqlite} (better-sqlite3), Node ${process.version}. Shell: ${shellPath} ${shellVersion()}.`,
      `Machine: ${platform()} ${arch()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}. Run took ${formatMs(performance.now() - started)}.`,
      '',
      table,
      '',
      '- Times are per operation. The reference is the sqlite3 shell for database rows and a plain copy (with fsync) of the same bytes for file rows.',
      '- ratio = Rolodesk time ÷ reference time for the same work (for rows/s, reference rate ÷ Rolodesk rate): above 1, Rolodesk is slower.',
      '- Shell times come from its own `.timer on` "Run Time: real" lines, so process start-up never counts. That timer has 1 ms resolution,',
      '  so a fast operation is repeated inside one timed line (about 40 ms) and the time divided; list rows take the median of 15 such batches.',
      `- The shell runs with the app connection's settings (${ctx.shellSetup.map((line) => line.replace(/^PRAGMA |;$/g, '')).join(', ')});`,
      '  read rows run on Rolodesk’s own database file, write rows on a copy of the same empty schema.',
      '',
      memory,
      '',
      '(Memory is the bench process: the Rolodesk core plus the seed data the bench holds.)',
      values.keep ? `\nData kept in ${ctx.root}` : '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${usage}` : error);
  process.exitCode = 1;
});
