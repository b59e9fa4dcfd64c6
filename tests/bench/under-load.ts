import { performance } from 'node:perf_hooks';
import type { Core } from '../../electron/core/core';
import { watchStalls } from '../support/stall-watch';
import { watchMachineNoise } from './machine-noise';
import { percentile } from './stats';

export interface LoadResult {
  /** Wall time of the work, ms. */
  wallMs: number;
  /** p99 of the list requests' answer times, ms, each counted from when it was due to be sent. */
  p99Ms: number;
  /** The slowest answer, ms, counted the same way: the longest the core could not answer. */
  maxMs: number;
  requests: number;
  /** Requests answered with an error (a restore's swap answers for a moment without data). */
  failed: number;
  /** The longest the calling thread went without running a 5 ms timer, ms. */
  longestStallMs: number;
  /** The same for an idle process beside it: the machine's own noise meanwhile. */
  machineStallMs: number;
}

/** What the window does while a job runs: the first page of Contacts. */
const listRequest = { limit: 50 } as const;
const everyMs = 10;

/**
 * Runs `work` while a contacts.list is sent every 10 ms, and measures how
 * long each took to answer. Times count from when a request was due, not
 * when it went out: a thread that is blocked sends late, and that wait is
 * what the user feels.
 */
export async function underLoad(core: Pick<Core, 'dispatch'>, work: () => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const answers: Array<Promise<void>> = [];
  let working = true;
  const start = performance.now();
  const stalls = watchStalls();
  const noise = watchMachineNoise();
  const sending = (async () => {
    for (let k = 0; working; k++) {
      const due = start + k * everyMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      answers.push(
        core.dispatch('contacts.list', listRequest).then((result) => {
          latencies.push(performance.now() - due);
          if (!result.ok) failed++;
        }),
      );
    }
  })();
  let wallMs = 0;
  try {
    await work();
    wallMs = performance.now() - start;
  } finally {
    working = false;
    await sending;
    await Promise.all(answers);
  }
  const longestStallMs = stalls.stop();
  return {
    wallMs,
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((longest, ms) => Math.max(longest, ms), 0),
    requests: latencies.length,
    failed,
    longestStallMs,
    machineStallMs: await noise.stop(),
  };
}

/** The same requests with nothing else running, for as long as `ms`. */
export const unloaded = (core: Pick<Core, 'dispatch'>, ms = 2000) =>
  underLoad(core, () => new Promise((resolve) => setTimeout(resolve, ms)));
