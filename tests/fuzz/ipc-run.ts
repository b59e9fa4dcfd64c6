import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelNames, type ChannelName } from '../../shared/contract';
import { openCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { smallCrm } from '../support/crm';
import { recordingDesktop } from '../support/recording-desktop';
import { validSamples } from '../support/valid-samples';
import { databaseWatch } from './database-watch';
import { fuzzedInputs } from './ipc-inputs';
import { messageProblem } from './plain-message';
import { prototypeWatch } from './prototype-watch';

/**
 * Channels left out, each with the reason. Every other channel is driven,
 * including those that open dialogs (the recording desktop answers "cancel"
 * and "no"), restore, restart or wait on jobs: each answers fast here.
 */
export const excludedChannels: Partial<Record<ChannelName, string>> = {};

export interface IpcFailure {
  channel: ChannelName;
  round: number;
  kind: string;
  problem: string;
  input: string;
}

export interface IpcFuzzReport {
  seed: number;
  calls: number;
  callsPerChannel: Record<string, number>;
  outcomes: Record<string, number>;
  kinds: Record<string, number>;
  failures: IpcFailure[];
  /** Refusals whose wording may show program internals: one example per kind. Reported, not failed: the words the
   *  check looks for ("null", "undefined") are also text the fuzz itself types into names. */
  unclearMessages: Record<string, string>;
  seconds: number;
}

const callTimeoutMs = 20_000;

/** zod's own wording ("Invalid input: expected boolean, received undefined"), which shared/schemas/plain-words.ts replaces. */
const libraryWords = /Invalid (input|option|string|element|key)|expected \w+, received|Too (big|small):/;

/** A short, printable picture of a generated input (huge text and deep nesting cut down). */
export function describeInput(input: unknown): string {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => {
      if (typeof value === 'bigint') return `${value}n`;
      if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 20)}…(${value.length} chars)`;
      if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
      if (value instanceof Map) return `Map(${value.size})`;
      if (value instanceof Set) return `Set(${value.size})`;
      if (value === undefined) return 'undefined';
      if (value !== null && typeof value === 'object') {
        if (seen.has(value)) return '[cycle]';
        seen.add(value);
      }
      return value;
    });
    return text === undefined ? String(input) : text.slice(0, 400);
  } catch (error) {
    return `(not printable: ${String(error)})`;
  }
}

/** Each case's own seed, from the run's seed, the channel and the round: any one case can be made again alone. */
export function caseSeed(seed: number, channelIndex: number, round: number): number {
  return (Math.imul(seed, 1_000_003) + Math.imul(channelIndex, 7919) + round) | 0;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function countContacts(core: Core): number {
  return core.db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
}

/** Puts records back when the fuzzing has deleted most of them, so ids in the samples keep reaching real rows. */
async function reseedIfThin(core: Core): Promise<void> {
  if (countContacts(core) >= 3) return;
  try {
    await smallCrm(core);
  } catch {
    // A fuzzed setting can make a seed record fail (a required custom field, say); the run goes on with what there is.
  }
}

/**
 * Drives every channel through the real dispatch over a real core on a temp
 * data folder: `rounds` generated inputs per channel, interleaved, each
 * checked for a crash, a hang, an INTERNAL error, an unclear message, a
 * refusal that changed the database, and a polluted prototype.
 */
export async function fuzzIpc({
  seed,
  rounds,
  log = () => undefined,
}: {
  seed: number;
  rounds: number;
  log?: (line: string) => void;
}): Promise<IpcFuzzReport> {
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'rolodesk-fuzz-ipc-'));
  const desktop = recordingDesktop();
  desktop.confirmAnswer = false; // a native "cannot be undone" question is answered No, so nothing is destroyed that way
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '0.0.0-fuzz', desktop });
  const prototypes = prototypeWatch();
  const database = databaseWatch(() => core.db);
  const report: IpcFuzzReport = {
    seed,
    calls: 0,
    callsPerChannel: {},
    outcomes: {},
    kinds: {},
    failures: [],
    unclearMessages: {},
    seconds: 0,
  };
  const driven = channelNames.filter((channel) => !(channel in excludedChannels));
  try {
    await smallCrm(core);
    // Made one at a time (a huge text is megabytes; ten thousand made up front would not fit in memory).
    const generators = new Map(driven.map((channel) => [channel, fuzzedInputs(validSamples[channel])]));
    for (let round = 0; round < rounds; round++) {
      if (round % 5 === 0) await reseedIfThin(core);
      for (const [index, channel] of driven.entries()) {
        const { kind, input } = fc.sample(generators.get(channel)!, {
          seed: caseSeed(seed, index, round),
          numRuns: 1,
        })[0]!;
        const fail = (problem: string) => {
          report.failures.push({ channel, round, kind, problem, input: describeInput(input) });
          log(`FAIL ${channel} (seed ${seed}, round ${round}, ${kind}): ${problem}\n  input: ${describeInput(input)}`);
        };
        database.mark();
        report.calls++;
        report.callsPerChannel[channel] = (report.callsPerChannel[channel] ?? 0) + 1;
        report.kinds[kind] = (report.kinds[kind] ?? 0) + 1;
        let result: Awaited<ReturnType<Core['dispatch']>> | 'timed out';
        try {
          result = await withTimeout(core.dispatch(channel, input), callTimeoutMs);
        } catch (thrown) {
          report.outcomes.threw = (report.outcomes.threw ?? 0) + 1;
          fail(`dispatch threw: ${String(thrown)}`);
          continue;
        }
        if (result === 'timed out') {
          report.outcomes.hung = (report.outcomes.hung ?? 0) + 1;
          fail(`no answer within ${callTimeoutMs / 1000} s`);
          continue;
        }
        const outcome = result.ok ? 'ok' : result.error.code;
        report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
        if (!result.ok) {
          if (result.error.code === 'INTERNAL') fail(`INTERNAL error: ${result.error.message}`);
          if (typeof result.error.message !== 'string' || result.error.message.trim() === '')
            fail('a refusal without a message');
          else if (libraryWords.test(result.error.message))
            fail(`a refusal in a library's words: ${result.error.message.slice(0, 200)}`);
          const unclear = messageProblem(result.error.message);
          if (unclear)
            report.unclearMessages[`${result.error.code}: ${unclear}`] ??=
              `${channel}: ${result.error.message.slice(0, 160)}`;
          if (database.changedSinceMark()) fail(`a refusal (${result.error.code}) changed the database`);
        }
        const polluted = prototypes.newKeys();
        if (polluted.length > 0) {
          fail(`prototype polluted: ${polluted.join(', ')}`);
          prototypes.clean();
        }
      }
    }
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The counts as lines for the test output and the script. */
export function summaryLines(report: IpcFuzzReport): string[] {
  const sorted = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  return [
    `IPC fuzz, seed ${report.seed}: ${report.calls} calls over ${Object.keys(report.callsPerChannel).length} channels in ${report.seconds.toFixed(1)} s, ${report.failures.length} failures`,
    `  outcomes: ${sorted(report.outcomes)}`,
    `  inputs: ${sorted(report.kinds)}`,
    `  per channel: ${sorted(report.callsPerChannel)}`,
    ...Object.entries(report.unclearMessages).map(([why, example]) => `  unclear wording (${why}), e.g. ${example}`),
    ...Object.entries(excludedChannels).map(([channel, why]) => `  left out: ${channel}: ${why}`),
  ];
}
