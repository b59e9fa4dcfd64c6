import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchContext } from '../context';
import { formatCount, formatMegabytes, formatMs } from '../format';
import { writeCompanyImportCsv, writeImportCsv } from '../import-file';
import type { ImportRunResult } from '../import-run';
import { shellPath, shellStartupMs, timeProgram } from '../sqlite-shell';
import type { BenchStep, Measurement } from './row';

/** The file: 100,000 rows (fewer for a bench run on fewer contacts). */
const fullRows = 100_000;
/** A tenth of it: the window's waits during a short import, beside those during the full one. */
const smallRows = 10_000;
/**
 * The full file three times over, to show the import's memory does not grow with the file. Against the full
 * file, not the tenth: a short import ends before the threads' heaps have grown to the size the collector keeps
 * them at, so its peak is lower whatever the import keeps.
 */
const largerBy = 3;

/**
 * A fresh copy of the seeded data for one import, so each import starts from the same records and later rows are
 * unchanged. Opened and closed once: a copy carries no clean-close mark, and the import would wait for the
 * quick check an unclean file gets before writes.
 */
async function copyOfData(ctx: BenchContext, name: string): Promise<string> {
  const dir = join(ctx.root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(ctx.rolodeskDb, join(dir, 'crm.db'));
  if (existsSync(`${ctx.rolodeskDb}-wal`)) copyFileSync(`${ctx.rolodeskDb}-wal`, join(dir, 'crm.db-wal'));
  const core = await ctx.openCoreOn(dir);
  await core.writesAccepted();
  await core.close();
  return dir;
}

function importInItsOwnProcess(
  dataDir: string,
  file: string,
  kind: 'contact' | 'company' = 'contact',
): ImportRunResult {
  const script = resolve(__dirname, '../import-run.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, dataDir, file, kind], {
    encoding: 'utf8',
    timeout: 3_600_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`import run: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ImportRunResult;
}

/** The shell's `.import` of the same CSV into a bare table of six text columns, on a copy of the same empty schema, start-up subtracted. */
function shellImportMs(ctx: BenchContext, file: string): number {
  if (file.includes("'")) throw new Error('the bench directory must not contain a quote');
  const db = join(ctx.root, 'shell-import.db');
  rmSync(db, { force: true });
  copyFileSync(ctx.templateDb, db);
  const setup = [
    ...ctx.shellSetup,
    'CREATE TABLE people(first_name TEXT, last_name TEXT, email TEXT, phone TEXT, company TEXT, notes TEXT);',
  ];
  return timeProgram(shellPath, [db, ...setup, `.import --csv --skip 1 '${file}' people`]) - shellStartupMs();
}

/**
 * The floor Rolodesk's own schema sets: the shell's `.import` of the same file, then the rows inserted into the
 * contacts table of a copy of the seeded data in one transaction (its triggers and search index run; no
 * duplicate check, no tags, no history), start-up subtracted.
 */
async function shellIntoSchemaMs(ctx: BenchContext, file: string): Promise<number> {
  const db = join(await copyOfData(ctx, 'shell-schema'), 'crm.db');
  const insert = `INSERT INTO contacts (name, email, phone, company, notes, created_at, updated_at)
    SELECT trim(first_name || ' ' || last_name), nullif(email, ''), nullif(phone, ''), nullif(company, ''), nullif(notes, ''), '2026-12-06T00:00:00.000Z', '2026-12-06T00:00:00.000Z' FROM temp.people;`;
  const setup = [
    ...ctx.shellSetup,
    'CREATE TEMP TABLE people(first_name TEXT, last_name TEXT, email TEXT, phone TEXT, company TEXT, notes TEXT);',
  ];
  return (
    timeProgram(shellPath, [
      db,
      ...setup,
      'BEGIN;',
      `.import --csv --skip 1 --schema temp '${file}' people`,
      insert,
      'COMMIT;',
    ]) - shellStartupMs()
  );
}

/**
 * Import of a generated CSV into the seeded data, through the core as the app
 * hosts it: detection, mapping, checks, duplicates against every contact, the
 * search index and history, in one transaction. Beside it, the shell's
 * `.import` of the same file into a bare table. Then a company list of as
 * many rows, and for memory a file three times as long.
 */
export const importRows: BenchStep = {
  title: 'import a CSV file while the window keeps asking for the contacts list',
  async run(ctx): Promise<Measurement[]> {
    await ctx.closeCore();
    const rows = Math.min(fullRows, ctx.contacts);
    const small = Math.min(smallRows, Math.ceil(rows / 10));
    const file = join(ctx.root, 'import.csv');
    const smallFile = join(ctx.root, 'import-small.csv');
    const largeFile = join(ctx.root, 'import-large.csv');
    writeImportCsv(file, rows, ctx.data, ctx.seed);
    writeImportCsv(smallFile, small, ctx.data, ctx.seed + 1);
    writeImportCsv(largeFile, rows * largerBy, ctx.data, ctx.seed + 2);
    const companyFile = join(ctx.root, 'import-companies.csv');
    writeCompanyImportCsv(companyFile, rows, ctx.data, ctx.seed + 3);

    const referenceMs = shellImportMs(ctx, file);
    const schemaFloorMs = await shellIntoSchemaMs(ctx, file);
    const full = importInItsOwnProcess(await copyOfData(ctx, 'import-full'), file);
    const few = importInItsOwnProcess(await copyOfData(ctx, 'import-small'), smallFile);
    const many = importInItsOwnProcess(await copyOfData(ctx, 'import-large'), largeFile);
    const companies = importInItsOwnProcess(await copyOfData(ctx, 'import-companies'), companyFile, 'company');
    const growth = (run: ImportRunResult) => run.rssPeak - run.rssBefore;
    const { summary } = full;
    const time = { kind: 'time' } as const;
    return [
      {
        operation: `import ${formatCount(rows)}-row CSV into ${formatCount(ctx.contacts)} contacts (goal ≤ 2×)`,
        rolodeskMs: full.wallMs,
        referenceMs,
        display: time,
        note: `created ${formatCount(summary.created)}, skipped ${formatCount(summary.skipped)} (same email), rejected ${formatCount(summary.rejected)}; process CPU ${formatMs(full.cpuMs)} (every thread); reference: sqlite3 .import of the same file into a bare table (start-up subtracted)`,
      },
      {
        operation: `import ${formatCount(rows)}-row CSV, against the same rows put into Rolodesk's schema by the shell`,
        rolodeskMs: full.wallMs,
        referenceMs: schemaFloorMs,
        display: time,
        note: 'reference: sqlite3 .import into a temporary table, then one INSERT … SELECT into a copy of the seeded contacts table (its triggers and search index run; no duplicate check, tags or history), one transaction, start-up subtracted',
      },
      {
        operation: `import ${formatCount(rows)}-row company CSV`,
        rolodeskMs: companies.wallMs,
        referenceMs: shellImportMs(ctx, companyFile),
        display: time,
        note: `created ${formatCount(companies.summary.created)}, skipped ${formatCount(companies.summary.skipped)} (same name); process CPU ${formatMs(companies.cpuMs)}; reference: sqlite3 .import of the same file into a bare table of six text columns (start-up subtracted)`,
      },
      {
        operation: 'during the import: slowest contacts.list answer (goal ≤ 50 ms)',
        rolodeskMs: full.listMaxMs,
        referenceMs: few.listMaxMs,
        display: time,
        note: `the longest the core's thread kept the window waiting (p99 ${full.listP99Ms.toFixed(1)} ms; a list every 10 ms, timed from when it was due); reference: the same during the ${formatCount(small)}-row import`,
      },
      {
        operation: "during the import: longest stall of the window's thread",
        rolodeskMs: full.windowStallMs,
        referenceMs: few.windowStallMs,
        display: time,
        note: `a 5 ms timer in the thread main runs in; reference: the same during the ${formatCount(small)}-row import`,
      },
      {
        operation: `import peak memory growth, ${formatCount(rows * largerBy)} rows vs ${formatCount(rows)} (goal: flat)`,
        rolodeskMs: growth(many) / 1024 / 1024,
        referenceMs: growth(full) / 1024 / 1024,
        display: { kind: 'megabytes' },
        note: `peak rss of the importing process less its rss before the import (${formatMegabytes(many.rssBefore)} → ${formatMegabytes(many.rssPeak)}); reference: the same for the file a third the size (${formatMegabytes(full.rssBefore)} → ${formatMegabytes(full.rssPeak)}); the ${formatCount(small)}-row import grew ${formatMegabytes(growth(few))}`,
      },
    ];
  },
};
