import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import yauzl from 'yauzl';
import { CrmError } from '../../electron/core/errors';
import { inspectSource, readSource } from '../../electron/core/import/read/source';
import { bytesOf, fileRecipes, type FileRecipe, type FileSizes } from './import-files';
import { messageProblem } from './plain-message';

export interface ReaderFailure {
  case: number;
  seed: number;
  recipe: string;
  problem: string;
}

export interface ReaderFuzzReport {
  seed: number;
  cases: number;
  /** By the file's recipe (csv, vcard, xlsx, mutated csv…) and how it ended (read, or the refusal's first words). */
  outcomes: Record<string, number>;
  failures: ReaderFailure[];
  /** The most memory any case took above where it started, in MB. */
  peakMemoryMegabytes: number;
  slowestCaseSeconds: number;
  seconds: number;
}

/** Longest a file may take; a hang is a failure, not a wait. */
const caseTimeoutMs = 30_000;
/** Most a file may add to the process's memory: far above a real import's sample, far below a bomb's inflated size. */
export const memoryAllowanceMegabytes = 400;

async function zipEntries(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** A small valid workbook, made the way the export makes them, whose entries the recipes break. */
export async function baseWorkbook(dir: string): Promise<{ name: string; data: Buffer }[]> {
  const file = join(dir, 'base.xlsx');
  await writeExcelFile([
    ['Name', 'Email', 'Phone', 'Born'],
    ['Anna Berg', 'anna@example.com', '+46 8 123 45', { value: new Date(Date.UTC(1990, 4, 17)), format: 'yyyy-mm-dd' }],
    ['Zoë 🦊 Öztürk', 'zoe@example.com', 4930123456, null],
  ] as never).toFile(file);
  return zipEntries(file);
}

export function describeRecipe(recipe: FileRecipe): string {
  return JSON.stringify(recipe, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 120 ? `${value.slice(0, 60)}…(${value.length} chars)` : value,
  ).slice(0, 600);
}

function recipeName(recipe: FileRecipe): string {
  if (recipe.kind === 'mutated') return `mutated ${recipe.base}`;
  if (recipe.kind === 'xlsx') return `xlsx ${recipe.change.type}`;
  return recipe.kind;
}

/** Inspects the file as the wizard does, then reads every row as the import does; returns what went wrong, if anything. */
async function readWhole(file: string): Promise<{ outcome: string; problem?: string }> {
  try {
    const { info, sample } = await inspectSource(file);
    let rows = 0;
    for (const row of [...sample, ...(await collectRows(file, info))]) {
      rows++;
      const unclear = row.problem === undefined ? undefined : messageProblem(row.problem);
      if (unclear)
        return { outcome: 'row problem unclear', problem: `a row's problem is unclear (${unclear}): ${row.problem}` };
    }
    return { outcome: rows > 0 ? 'read' : 'read, no rows' };
  } catch (error) {
    if (!(error instanceof CrmError))
      return { outcome: 'crash', problem: `not a CrmError: ${String((error as Error)?.stack ?? error).slice(0, 400)}` };
    const unclear = messageProblem(error.message);
    if (unclear) return { outcome: 'unclear refusal', problem: `unclear refusal (${unclear}): ${error.message}` };
    return { outcome: `refused: ${error.message.split(/[:.]/)[0]!.replace(/\d+/g, 'N').slice(0, 50)}` };
  }
}

async function collectRows(file: string, info: Awaited<ReturnType<typeof inspectSource>>['info']) {
  const rows = [];
  for await (const row of readSource(file, info)) rows.push(row);
  return rows;
}

function memoryWatch() {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return (peak - start) / 1024 / 1024;
    },
  };
}

/**
 * Generated and mutated CSV, vCard and .xlsx files through the real import
 * reader (inspectSource picks the reader by the bytes, readSource reads every
 * row): each must be read, or refused with a CrmError in a plain sentence,
 * within the time limit and the memory allowance.
 */
export async function fuzzImportReaders({
  seed,
  runs,
  sizes,
  log = () => undefined,
}: {
  seed: number;
  runs: number;
  sizes: FileSizes;
  log?: (line: string) => void;
}): Promise<ReaderFuzzReport> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'rolodesk-fuzz-readers-'));
  const report: ReaderFuzzReport = {
    seed,
    cases: 0,
    outcomes: {},
    failures: [],
    peakMemoryMegabytes: 0,
    slowestCaseSeconds: 0,
    seconds: 0,
  };
  try {
    const workbook = await baseWorkbook(dir);
    const recipes = fileRecipes(sizes);
    for (let index = 0; index < runs; index++) {
      const caseSeed = (Math.imul(seed, 1_000_003) + index) | 0;
      const recipe = fc.sample(recipes, { seed: caseSeed, numRuns: 1 })[0]!;
      const file = join(dir, `case-${index}.${recipe.kind === 'mutated' ? recipe.base : recipe.kind}`);
      writeFileSync(file, await bytesOf(recipe, workbook));
      global.gc?.();
      const memory = memoryWatch();
      const caseStarted = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<{ outcome: string; problem: string }>((resolve) => {
        timer = setTimeout(
          () => resolve({ outcome: 'hung', problem: `no answer within ${caseTimeoutMs / 1000} s` }),
          caseTimeoutMs,
        );
      });
      const { outcome, problem } = await Promise.race([readWhole(file), timedOut]).finally(() => clearTimeout(timer));
      const seconds = (performance.now() - caseStarted) / 1000;
      const grewMegabytes = memory.stop();
      report.cases++;
      report.peakMemoryMegabytes = Math.max(report.peakMemoryMegabytes, grewMegabytes);
      report.slowestCaseSeconds = Math.max(report.slowestCaseSeconds, seconds);
      const key = `${recipeName(recipe)} → ${outcome}`;
      report.outcomes[key] = (report.outcomes[key] ?? 0) + 1;
      const problems = [
        ...(problem ? [problem] : []),
        ...(grewMegabytes > memoryAllowanceMegabytes ? [`took ${grewMegabytes.toFixed(0)} MB of memory`] : []),
        // Work that never yields blocks the timer above, so a finished case is timed too.
        ...(outcome !== 'hung' && seconds * 1000 > caseTimeoutMs
          ? [`took ${seconds.toFixed(0)} s, blocking everything else meanwhile`]
          : []),
      ];
      for (const found of problems) {
        report.failures.push({ case: index, seed: caseSeed, recipe: describeRecipe(recipe), problem: found });
        log(`FAIL case ${index} (case seed ${caseSeed}): ${found}\n  file: ${describeRecipe(recipe)}`);
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function readerSummaryLines(report: ReaderFuzzReport): string[] {
  return [
    `Import reader fuzz, seed ${report.seed}: ${report.cases} files in ${report.seconds.toFixed(1)} s, ${report.failures.length} failures; slowest file ${report.slowestCaseSeconds.toFixed(1)} s, most memory ${report.peakMemoryMegabytes.toFixed(0)} MB`,
    ...Object.entries(report.outcomes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([outcome, count]) => `  ${outcome}: ${count}`),
  ];
}
