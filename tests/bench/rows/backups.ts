import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../../electron/core/core';
import { memoryLogger } from '../../../electron/core/logger';
import { recordingDesktop } from '../../support/recording-desktop';
import type { BenchContext } from '../context';
import { shellPath } from '../sqlite-shell';
import { median } from '../stats';
import { timeOnce } from '../stopwatch';
import type { BenchStep, Measurement } from './row';

/** Wall time of the shell's `.backup` of the live file, less the shell's own start-up (measured alongside). */
function shellBackupMs(ctx: BenchContext, runs = 3): number {
  const folder = join(ctx.root, 'shell-backups');
  mkdirSync(folder, { recursive: true });
  const time = (args: string[]) => {
    const start = performance.now();
    const run = spawnSync(shellPath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`sqlite3 ${args.join(' ')}: ${run.stderr}`);
    return performance.now() - start;
  };
  const startup = median(Array.from({ length: runs }, () => time([':memory:', '.quit'])));
  return median(Array.from({ length: runs }, (_, index) => time([ctx.rolodeskDb, `.backup '${join(folder, `copy-${index}.db`)}'`]))) - startup;
}

/** Snapshot, verify, export and restore of the seeded data, each beside the shell's .backup of the same file. */
export const backupJobs: BenchStep = {
  title: 'backups: snapshot, verify, export, restore',
  async run(ctx): Promise<Measurement[]> {
    await ctx.closeCore();
    const desktop = recordingDesktop();
    const core = await openCore({ dataDir: ctx.rolodeskDir, logger: memoryLogger(), appVersion: 'bench', desktop });
    try {
      const reference = shellBackupMs(ctx);
      const attachments = core.db.prepare('SELECT count(*) FROM blobs').pluck().get() as number;
      const firstMs = await timeOnce(() => core.backups.snapshot('bench'));
      let id = '';
      const snapshotMs = await timeOnce(async () => {
        id = (await core.backups.snapshot('bench')).id;
      });
      const verifyMs = await timeOnce(() => core.backups.verify(id));
      const archive = join(ctx.root, 'bench-export.zip');
      const exportMs = await timeOnce(() => core.backups.exportTo(archive));
      const restoreMs = await timeOnce(() => core.backups.restoreSnapshot(id));
      const note = (what: string) => `${what}; reference: sqlite3 .backup of the same file (start-up subtracted)`;
      return [
        { operation: `first snapshot (copies ${attachments} attachments)`, rolodeskMs: firstMs, referenceMs: reference, display: { kind: 'time' }, note: note('as below, plus each attachment copied once, hashed and fsynced') },
        { operation: 'next snapshot (attachments shared)', rolodeskMs: snapshotMs, referenceMs: reference, display: { kind: 'time' }, note: note('db.backup + integrity_check + foreign_key_check + hashes') },
        { operation: 'verify a snapshot', rolodeskMs: verifyMs, referenceMs: reference, display: { kind: 'time' }, note: note('re-hash + integrity_check + foreign_key_check on the copy') },
        { operation: 'export to one .zip, read back', rolodeskMs: exportMs, referenceMs: reference, display: { kind: 'time' }, note: note('fresh snapshot + deflate + unpack and re-check') },
        { operation: 'restore a snapshot', rolodeskMs: restoreMs, referenceMs: reference, display: { kind: 'time' }, note: note('verify + safety snapshot + stage + swap + reopen') },
      ];
    } finally {
      await core.close();
    }
  },
};
