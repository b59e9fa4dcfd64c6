import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median } from './stats';

export const shellPath = '/usr/bin/sqlite3';

/** One timed unit of a shell script. */
export interface TimedBatch {
  /** Untimed lines first: dot commands such as .open, or a warm-up run. */
  before?: readonly string[];
  /** SQL statements on one line: the shell times each input line as one unit. */
  line: string;
}

function runShell(args: readonly string[], stdinFile?: string): string {
  const stdin = stdinFile === undefined ? 'ignore' : openSync(stdinFile, 'r');
  try {
    const result = spawnSync(shellPath, ['-batch', '-bail', ...args], {
      stdio: [stdin, 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    if (result.status !== 0 || result.stderr.trim() !== '') {
      throw new Error(`sqlite3 exited with ${String(result.status)}: ${result.stderr.trim().slice(0, 500)}`);
    }
    return result.stdout;
  } finally {
    if (typeof stdin === 'number') closeSync(stdin);
  }
}

export function shellVersion(): string {
  return runShell(['-version']).split(' ')[0] ?? 'unknown';
}

/** Runs one query and returns its output rows, fields split on '|'. */
export function shellQuery(dbFile: string, sql: string): string[][] {
  const output = runShell(['-list', '-noheader', dbFile, sql]);
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('|'));
}

/**
 * Writes the batches as a .sql script, runs it on `dbFile` and returns each
 * batch's wall time in ms, read from the shell's own `.timer on` lines
 * ("Run Time: real …"), so process start-up never counts. Query output goes to
 * /dev/null (it is still formatted, as the app still builds its objects); the
 * timer lines go to stdout regardless.
 */
export function runTimedScript(
  dbFile: string,
  scriptFile: string,
  setup: readonly string[],
  batches: readonly TimedBatch[],
): number[] {
  // Written line by line: a seed script at ten times the size is longer than one JavaScript string may be.
  const script = openSync(scriptFile, 'w');
  try {
    const write = (line: string) => writeSync(script, `${line}\n`);
    ['.output /dev/null', ...setup].forEach(write);
    for (const batch of batches) {
      if (batch.line.includes('\n')) throw new Error('a timed batch must be one line');
      ['.timer off', ...(batch.before ?? []), '.timer on', batch.line].forEach(write);
    }
    write('.timer off');
  } finally {
    closeSync(script);
  }
  const output = runShell([dbFile], scriptFile);
  const times = [...output.matchAll(/^Run Time: real (\d+(?:\.\d+)?)/gm)].map((match) => Number(match[1]) * 1000);
  if (times.length !== batches.length)
    throw new Error(`expected ${batches.length} timer lines from sqlite3, got ${times.length}`);
  return times;
}

export interface RepeatOptions {
  setup: readonly string[];
  /** Timed batches per operation; the result holds one per-operation time for each. */
  samples: number;
  /** The timer counts whole milliseconds, so a batch repeats its operation until it lasts about this long. */
  targetBatchMs: number;
}

/** One operation to time in the shell: its statements on one line, and a first guess at its cost. */
export interface ShellOperation {
  line: string;
  guessMs: number;
}

const maxRepeats = 5000;
const clampRepeats = (repeats: number) => Math.min(maxRepeats, Math.max(1, Math.ceil(repeats)));

/**
 * Milliseconds per run of each operation, `samples` values each. An operation
 * is repeated inside its timed line so that the shell's 1 ms timer resolution
 * is small against the batch; batches that come out too short are grown and
 * run again (at most a few rounds).
 */
export function timeRepeated(
  dbFile: string,
  scriptFile: string,
  operations: readonly ShellOperation[],
  options: RepeatOptions,
): number[][] {
  const repeats = operations.map((operation) =>
    clampRepeats(options.targetBatchMs / Math.max(operation.guessMs, 0.001)),
  );
  const results: Array<number[] | undefined> = operations.map(() => undefined);
  for (let round = 0; round < 4; round++) {
    const pending = operations.flatMap((_, index) => (results[index] === undefined ? [index] : []));
    if (pending.length === 0) break;
    const batches = pending.flatMap((index) => {
      const { line } = operations[index]!;
      const repeated = Array.from({ length: repeats[index]! }, () => line).join(' ');
      // The untimed run before the first batch warms SQLite's page cache.
      return Array.from({ length: options.samples }, (_, sample) => ({
        before: sample === 0 ? [line] : [],
        line: repeated,
      }));
    });
    const times = runTimedScript(dbFile, scriptFile, options.setup, batches);
    pending.forEach((index, position) => {
      const totals = times.slice(position * options.samples, (position + 1) * options.samples);
      const typical = median(totals);
      const count = repeats[index]!;
      if (typical >= options.targetBatchMs / 2 || count >= maxRepeats || round === 3) {
        results[index] = totals.map((total) => total / count);
      } else {
        repeats[index] = clampRepeats(typical >= 1 ? (count * options.targetBatchMs) / typical : count * 20);
      }
    });
  }
  return results.map((result) => result!);
}

/** Wall time of a program run, in ms. */
export function timeProgram(program: string, args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(program, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${program} ${args.join(' ')}: ${run.stderr}`);
  return performance.now() - start;
}

/** The sqlite3 shell's start-up, subtracted from each timed shell run. */
export const shellStartupMs = () =>
  median(Array.from({ length: 3 }, () => timeProgram(shellPath, [':memory:', '.quit'])));
