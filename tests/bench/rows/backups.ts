import { closeSync, copyFileSync, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { openCore } from '../../../electron/core/core';
import { memoryLogger } from '../../../electron/core/logger';
import { recordingDesktop } from '../../support/recording-desktop';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { shellPath, shellStartupMs, timeProgram } from '../sqlite-shell';
import { median } from '../stats';
import { timeOnce } from '../stopwatch';
import type { BenchStep, Measurement } from './row';

// Snapshot copies, each right after the shell's .backup of the same file: on a shared machine, pairs see the same load.
const snapshotRuns = 5;

/** The shell's `.backup` of the live file into `copy`, less its start-up. */
function shellBackupMs(ctx: BenchContext, copy: string, startupMs: number): number {
  if (copy.includes("'")) throw new Error('the bench directory must not contain a quote');
  return timeProgram(shellPath, [ctx.rolodeskDb, `.backup '${copy}'`]) - startupMs;
}

function attachmentFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  return readdirSync(root)
    .filter((bucket) => /^[0-9a-f]{2}$/.test(bucket))
    .flatMap((bucket) => readdirSync(join(root, bucket)).map((name) => join(root, bucket, name)));
}

/** The same bytes zipped with the same library and settings as an export: the database deflated, attachments stored. */
async function zipMs(ctx: BenchContext, database: string, files: readonly string[]): Promise<number> {
  return timeOnce(async () => {
    const zip = new ZipFile();
    zip.addFile(database, 'crm.db', { compress: true });
    for (const file of files)
      zip.addFile(file, `files/${file.slice(-64, -62)}/${file.slice(-64)}`, { compress: false });
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(join(ctx.root, 'reference.zip')));
  });
}

/** Each file copied and fsynced, as the shared files folder gets them. */
function copyFilesMs(ctx: BenchContext, files: readonly string[]): number {
  const folder = join(ctx.root, 'reference-files');
  mkdirSync(folder, { recursive: true });
  const start = performance.now();
  for (const [index, file] of files.entries()) {
    const to = join(folder, String(index));
    copyFileSync(file, to);
    const fd = openSync(to, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  }
  return performance.now() - start;
}

/**
 * Snapshot copy, its verification, the daily re-check, export and restore of
 * the seeded data, each beside the same work done by standard tools in the same
 * run: the sqlite3 shell's .backup and checks, sha256sum, yazl on the same bytes.
 */
export const backupJobs: BenchStep = {
  title: 'backups: snapshot copy and verification, re-check, export, restore',
  async run(ctx): Promise<Measurement[]> {
    await ctx.closeCore();
    const desktop = recordingDesktop();
    const core = await openCore({ dataDir: ctx.rolodeskDir, logger: memoryLogger(), appVersion: 'bench', desktop });
    try {
      const startup = shellStartupMs();
      const shellCopies = join(ctx.root, 'shell-backups');
      mkdirSync(shellCopies, { recursive: true });
      const shellCopy = (run: number) => join(shellCopies, `copy-${run}.db`);
      const files = attachmentFiles(ctx.rolodeskDir);
      const firstShellMs = shellBackupMs(ctx, shellCopy(0), startup);
      const copyFilesReference = copyFilesMs(ctx, files);
      const firstMs = await timeOnce(() => core.backups.snapshot('bench'));
      const verifications: number[] = [await timeOnce(() => core.backups.settled())];
      const copies: number[] = [];
      const shellBackups: number[] = [];
      let id = '';
      for (let run = 0; run < snapshotRuns; run++) {
        shellBackups.push(shellBackupMs(ctx, shellCopy(run), startup));
        copies.push(
          await timeOnce(async () => {
            id = (await core.backups.snapshot('bench')).id;
          }),
        );
        verifications.push(await timeOnce(() => core.backups.settled()));
      }
      const backupMs = median(shellBackups);
      const shellChecksMs =
        timeProgram(shellPath, [shellCopy(0), 'PRAGMA integrity_check; PRAGMA foreign_key_check;']) - startup;
      const hashDatabaseMs = timeProgram('sha256sum', [shellCopy(0)]);
      const hashFilesMs = timeProgram('sha256sum', files);
      const zipReference = await zipMs(ctx, shellCopy(0), files);

      const recheckMs = await timeOnce(() => core.backups.verify(id));
      const archive = join(ctx.root, 'bench-export.zip');
      const exportMs = await timeOnce(() => core.backups.exportTo(() => Promise.resolve(archive)));
      const restoreMs = await timeOnce(() => core.backups.restoreSnapshot(id));

      const bareBackupAndZip = backupMs + zipReference;
      const shellNote = 'sqlite3 .backup of the same file (start-up subtracted)';
      const zipNote = `${shellNote} + yazl zip of those bytes and the attachments (database deflated, attachments stored): ${Math.round(backupMs)} + ${Math.round(zipReference)} ms`;
      const time = { kind: 'time' } as const;
      return [
        {
          operation: `first snapshot copy (copies ${formatCount(files.length)} attachments)`,
          rolodeskMs: firstMs,
          referenceMs: firstShellMs + copyFilesReference,
          display: time,
          note: `database copy + manifest + each attachment copied, hashed, fsynced once (16 at a time); reference: ${shellNote} + each file copied and fsynced, one by one`,
        },
        {
          operation: 'snapshot copy (attachments shared)',
          rolodeskMs: median(copies),
          referenceMs: backupMs,
          display: time,
          note: `median of ${snapshotRuns}, each right after the shell's; usable and listed once copied: WAL emptied, file copied under read-lock 0 (or the backup API), counts, manifest; reference: ${shellNote}`,
        },
        {
          operation: 'snapshot verification (follows the copy)',
          rolodeskMs: median(verifications),
          referenceMs: shellChecksMs + hashDatabaseMs,
          display: time,
          note: `median of ${verifications.length}; sha256 + integrity_check + foreign_key_check on the copy, attachments found; reference: the shell's integrity_check + foreign_key_check (a shell older than SQLite 3.44 does not check the FTS5 index) + sha256sum of the copy`,
        },
        {
          operation: 're-check a snapshot (daily, Check again)',
          rolodeskMs: recheckMs,
          referenceMs: shellChecksMs + hashDatabaseMs + hashFilesMs,
          display: time,
          note: 'as above, every attachment hashed again; reference: as above + sha256sum of every attachment',
        },
        {
          operation: 'export to one .zip, read back',
          rolodeskMs: exportMs,
          referenceMs: bareBackupAndZip,
          display: time,
          note: `snapshot copy + verification + zip + every entry re-read and hashed; reference: ${zipNote}`,
        },
        {
          operation: 'restore a snapshot',
          rolodeskMs: restoreMs,
          referenceMs: bareBackupAndZip,
          display: time,
          note: `staged with hashes (its checksum proves SQLite's checks), safety snapshot copied and verified, swap, reopen; reference: ${zipNote}`,
        },
      ];
    } finally {
      await core.close();
    }
  },
};
