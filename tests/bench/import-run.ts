// One import through the core as the app hosts it (startCore: its own thread), in a process of its own so its
// memory is the import's and not the bench's seed data. Prints one JSON line: time, answers meanwhile, memory.
import { memoryLogger } from '../../electron/core/logger';
import { startCore } from '../../electron/main/core-host';
import type { ImportSummary } from '../../shared/schemas/import';
import { recordingDesktop } from '../support/recording-desktop';
import { underLoad } from './under-load';

export interface ImportRunResult {
  wallMs: number;
  summary: ImportSummary;
  /** contacts.list every 10 ms meanwhile: p99 and slowest answer, ms. */
  listP99Ms: number;
  listMaxMs: number;
  /** The longest this (the window's) thread went without its 5 ms timer. */
  windowStallMs: number;
  /** CPU time of the whole process during the import, every thread (the window's list requests too), ms: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Resident memory before the import (core started, file opened) and the most seen during it. */
  rssBefore: number;
  rssPeak: number;
}

async function answer(
  reply: Promise<{ ok: true; data: unknown } | { ok: false; error: { message: string } }>,
): Promise<unknown> {
  const result = await reply;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function main(): Promise<void> {
  const [dataDir, file, kind = 'contact'] = process.argv.slice(2);
  if (!dataDir || !file || (kind !== 'contact' && kind !== 'company'))
    throw new Error('usage: import-run.ts <data dir> <file.csv> [contact|company]');
  const desktop = recordingDesktop();
  desktop.importFile = file;
  const host = await startCore({ dataDir, logger: memoryLogger(), appVersion: 'bench', desktop });
  try {
    for (let i = 0; i < 50; i++) await host.dispatch('contacts.list', { limit: 50 });
    const opened = (await answer(host.dispatch('import.open', { kind, source: { type: 'dialog' } }))) as {
      importId: string;
    };
    const inspection = (await answer(host.dispatch('import.inspect', { importId: opened.importId }))) as {
      suggested: string[];
    };
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    let summary: ImportSummary | undefined;
    const cpuBefore = process.cpuUsage();
    const load = await underLoad(host, async () => {
      summary = (await answer(
        host.dispatch('import.run', { importId: opened.importId, mapping: inspection.suggested, duplicates: 'skip' }),
      )) as ImportSummary;
    });
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const result: ImportRunResult = {
      wallMs: load.wallMs,
      summary: summary!,
      listP99Ms: load.p99Ms,
      listMaxMs: load.maxMs,
      windowStallMs: load.longestStallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBefore,
      rssPeak,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await host.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
