import { join } from 'node:path';
import { openCore, type Core } from '../../../electron/core/core';
import { memoryLogger, type LogRecord } from '../../../electron/core/logger';
import { recordingDesktop } from '../../support/recording-desktop';
import { call } from '../call';
import { formatCount, formatMs } from '../format';
import { logged } from '../logged';
import { underLoad, unloaded, type LoadResult } from '../under-load';
import type { BenchStep, Measurement } from './row';

/**
 * While each long job runs, a contacts.list every 10 ms: its p99 answer time
 * against the same requests with nothing running (goal: ≤ 50 ms), with the
 * job's wall time and the calling thread's longest stall in the note.
 */
export const jobsUnderLoad: BenchStep = {
  title: 'long jobs while the window keeps asking for the contacts list',
  async run(ctx): Promise<Measurement[]> {
    await ctx.closeCore();
    const desktop = recordingDesktop();
    const logs: LogRecord[] = [];
    const open = () => openCore({ dataDir: ctx.rolodeskDir, logger: memoryLogger(logs), appVersion: 'bench', desktop });
    let core: Core = await open();
    try {
      // Nothing else running for the reference: the quick check a clean start leaves to the background goes first.
      await logged(logs, 'background database checks finished');
      const snapshot = await call(core, 'backups.create', {});
      const jobs: Array<[operation: string, work: () => Promise<unknown>]> = [
        ['a scheduled snapshot', () => call(core, 'backups.create', {})],
        ['verify a snapshot', () => call(core, 'backups.verify', { id: snapshot.id })],
        ['the daily re-check of every snapshot', () => core.backups.verifyAllIfDue(0)],
        [
          'export to one .zip, read back',
          () => {
            desktop.saveLocation = join(ctx.root, 'jobs-export.zip');
            return call(core, 'backups.export', {});
          },
        ],
        ['restore a snapshot', () => call(core, 'backups.restore', { id: snapshot.id })],
        ['duplicates.find (contacts)', () => call(core, 'duplicates.find', { kind: 'contact', offset: 0, limit: 50 })],
      ];
      const reference = await unloaded(core);
      const results: Array<[string, LoadResult]> = [];
      for (const [operation, work] of jobs) results.push([operation, await underLoad(core, work)]);

      // The checks after a clean start: the quick check, and the weekly integrity check made due.
      core.settings.set('database.lastIntegrityCheckAt', new Date(0).toISOString());
      await core.close();
      logs.splice(0);
      core = await open();
      // Timed from when the core answers; the checks started as it opened.
      results.push([
        'background checks after opening (quick_check + weekly integrity_check)',
        await underLoad(core, () => logged(logs, 'background database checks finished')),
      ]);

      return results.map(([operation, result]) => ({
        operation: `contacts.list p99 during ${operation}`,
        rolodeskMs: result.p99Ms,
        referenceMs: reference.p99Ms,
        display: { kind: 'time' },
        note:
          `job ${formatMs(result.wallMs)}; ${formatCount(result.requests)} lists sent every 10 ms, timed from when due` +
          `${result.failed > 0 ? ` (${formatCount(result.failed)} answered with an error)` : ''}; longest stall ${formatMs(result.longestStallMs)} ` +
          `(an idle process beside it: ${formatMs(result.machineStallMs)}); reference: the same lists with nothing running ` +
          `(longest stall ${formatMs(reference.longestStallMs)}, idle process ${formatMs(reference.machineStallMs)}); goal p99 ≤ 50 ms`,
      }));
    } finally {
      await core.close();
    }
  },
};
