import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryLogger } from '../../../electron/core/logger';
import { startCore, type CoreHost } from '../../../electron/main/core-host';
import { recordingDesktop } from '../../support/recording-desktop';
import type { BenchContext } from '../context';
import { percentile } from '../stats';
import type { BenchStep, Measurement } from './row';

const listRequest = { sort: 'name', direction: 'asc', limit: 100 } as const;

/** Sends contacts.list every 10 ms while `job` runs, and watches this thread's timer for stalls. */
async function underLoad(
  host: CoreHost,
  job: () => Promise<unknown>,
): Promise<{ latencies: number[]; longestStall: number; wallMs: number }> {
  const latencies: number[] = [];
  let running = true;
  let longestStall = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last - 5);
    last = now;
  }, 5);
  const lister = (async () => {
    while (running) {
      const sent = performance.now();
      await host.dispatch('contacts.list', listRequest);
      latencies.push(performance.now() - sent);
      const wait = 10 - (performance.now() - sent);
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    }
  })();
  const started = performance.now();
  try {
    await job();
  } finally {
    running = false;
    await lister;
    clearInterval(ticker);
  }
  return { latencies, longestStall: Math.max(0, longestStall), wallMs: performance.now() - started };
}

const unwrap = async (reply: Promise<{ ok: boolean; error?: { message: string } }>) => {
  const result = await reply;
  if (!result.ok) throw new Error(result.error?.message);
};

/**
 * The core as the app runs it (startCore: its own thread): while each long job
 * runs, the window's thread keeps ticking and a contacts.list sent every 10 ms
 * keeps answering. The reference is the same list with nothing else running.
 */
export const hostedJobs: BenchStep = {
  title: 'the core in its own thread: short requests while long jobs run',
  async run(ctx: BenchContext): Promise<Measurement[]> {
    await ctx.closeCore();
    const desktop = recordingDesktop();
    const host = await startCore({ dataDir: ctx.rolodeskDir, logger: memoryLogger(), appVersion: 'bench', desktop });
    try {
      // Warm up the thread (JIT, statement cache, page cache) before anything is timed.
      for (let i = 0; i < 100; i++) await host.dispatch('contacts.list', listRequest);
      const idle = await underLoad(host, () => new Promise((done) => setTimeout(done, 2000)));
      const idleP99 = percentile(idle.latencies, 99);
      const rows: Measurement[] = [
        {
          operation: 'contacts.list through the host, p99 (nothing else running)',
          rolodeskMs: idleP99,
          referenceMs: idleP99,
          display: { kind: 'time' },
          note: `${idle.latencies.length} requests; the reference for the rows below`,
        },
      ];
      let snapshotId = '';
      const jobs: Array<[string, () => Promise<unknown>]> = [
        ['snapshot', async () => (snapshotId = (await host.backups.snapshot('bench')).id)],
        ['verify a snapshot', () => unwrap(host.dispatch('backups.verify', { id: snapshotId }))],
        ['duplicates.find (contacts)', () => unwrap(host.dispatch('duplicates.find', { kind: 'contact' }))],
        [
          'export to one .zip',
          async () => {
            desktop.saveLocation = join(ctx.root, 'hosted-export.zip');
            await unwrap(host.dispatch('backups.export', {}));
          },
        ],
      ];
      for (const [name, job] of jobs) {
        const load = await underLoad(host, job);
        const p99 = percentile(load.latencies, 99);
        rows.push(
          {
            operation: `during ${name}: contacts.list p99 (goal ≤ 50 ms)`,
            rolodeskMs: p99,
            referenceMs: idleP99,
            display: { kind: 'time' },
            note: `${load.latencies.length} requests over the job's ${(load.wallMs / 1000).toFixed(1)} s`,
          },
          {
            operation: `during ${name}: longest stall of the window's thread (goal ≤ 16 ms)`,
            rolodeskMs: load.longestStall,
            referenceMs: idle.longestStall,
            display: { kind: 'time' },
            note: 'a 5 ms timer in the thread main runs in; reference: the same with nothing running',
          },
        );
      }
      return rows;
    } finally {
      await host.close();
    }
  },
};

/** The host process's memory after typical requests, measured in a process of its own (no seed data in it). */
export const hostMemory: BenchStep = {
  title: 'memory of the process hosting the core',
  async run(ctx: BenchContext): Promise<Measurement[]> {
    await ctx.closeCore();
    const script = resolve(__dirname, '../host-memory.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, ctx.rolodeskDir], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (run.status !== 0) throw new Error(`host memory: ${run.stderr}`);
    const { rss, heapUsed } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { rss: number; heapUsed: number };
    ctx.memory.push({
      label: 'process hosting the core (its own process: after lists, searches, records, the board)',
      rss,
      heapUsed,
    });
    return [];
  },
};
