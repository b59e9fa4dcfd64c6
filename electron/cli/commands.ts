import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SnapshotInfo } from '../../shared/schemas/backup';
import { readBackupConfig } from '../core/backups/backup-config';
import { listSnapshots } from '../core/backups/snapshot-list';
import { verifySnapshot } from '../core/backups/verify';
import type { ExportResult } from '../../shared/schemas/export';
import { exportedLine, listExportPlan, listExportRequest } from './export-list';
import { CrmError } from '../core/errors';
import { jobRunner } from '../core/jobs/runner';
import type { Logger } from '../core/logger';
import { dataPaths } from '../core/paths';
import { noDesktop } from '../core/desktop';
import type { Result } from '../../shared/result';
import { startCore, type CoreHost } from '../main/core-host';
import { importCommand, type ImportCommandOptions } from './import-command';
import { checkBackupFile } from '../core/backups/verify-file';
import type { EncryptionStatus, RestoreFromFileResult } from '../../shared/schemas/backup';
import { keyForPassword, passwordFileHint, readPasswordFile } from './password-file';
import type { z } from 'zod';

/** Exit codes, documented in the README. */
export const exitCodes = {
  ok: 0,
  usage: 1,
  alreadyOpen: 2,
  badBackup: 3,
  cannotWrite: 4,
  failed: 5,
  nothingImported: 6,
  passwordNeeded: 7,
} as const;

export interface CliIo {
  out: (line: string) => void;
  logger: Logger;
}

export class UsageError extends Error {}

function backupsFolder(dataDir: string): string {
  return readBackupConfig(dataDir).location ?? dataPaths(dataDir).backups;
}

function describe(snapshot: SnapshotInfo): string {
  const counts = Object.entries(snapshot.counts)
    .map(([table, count]) => `${table} ${count}`)
    .join(', ');
  const state = snapshot.verified ? 'verified' : `NOT VERIFIED (${snapshot.problems[0] ?? 'unknown problem'})`;
  return `${snapshot.id}  ${snapshot.createdAt}  ${(snapshot.sizeBytes / 1024 / 1024).toFixed(1)} MB  ${snapshot.reason}  ${state}  [${counts}]`;
}

/** What the command line answers when the core asks the desktop for a file: the one named on the command line. */
interface CliFiles {
  saveTo?: string;
  restoreFrom?: string;
  importFrom?: string;
}

/**
 * Commands that change data start the core the way the app does (its own thread, holding the data
 * directory), so they refuse while the app has it open.
 */
async function withCore<T>(
  dataDir: string,
  io: CliIo,
  files: CliFiles,
  job: (core: CoreHost) => Promise<T>,
): Promise<T> {
  const desktop = {
    ...noDesktop,
    chooseSaveLocation: () => Promise.resolve(files.saveTo),
    chooseBackupFile: () => Promise.resolve(files.restoreFrom),
    chooseImportFile: () => Promise.resolve(files.importFrom),
  };
  const core = await startCore({ dataDir, logger: io.logger, appVersion: 'cli', desktop });
  try {
    if (core.damaged)
      throw new CrmError(
        'DATABASE_CORRUPT',
        'The database is damaged; it was moved aside. Restore a backup with: restore --snapshot <id>.',
      );
    return await job(core);
  } finally {
    await core.close();
  }
}

/** A request's answer, or its refusal as the CrmError the exit codes are chosen by. */
async function answer(reply: Promise<Result<unknown>>): Promise<unknown> {
  const result = await reply;
  if (!result.ok) throw new CrmError(result.error.code, result.error.message);
  return result.data;
}

export interface CommandOptions {
  dataDir: string;
  snapshot?: string | undefined;
  file?: string | undefined;
  to?: string | undefined;
  /** export: contacts, companies or deals (a list export); without it, export writes a backup file. */
  kind?: string | undefined;
  delimiter?: string | undefined;
  /** verify --file, export and restore --file: a file whose first line is the backup password. */
  passwordFile?: string | undefined;
  import?: ImportCommandOptions;
}

export async function runCommand(command: string, options: CommandOptions, io: CliIo): Promise<number> {
  const dataDir = resolve(options.dataDir);
  if (!existsSync(dataDir)) throw new UsageError(`There is no data folder at ${dataDir}.`);
  const password =
    options.passwordFile === undefined
      ? undefined
      : readPasswordFile(options.passwordFile, (message) => new UsageError(message));
  switch (command) {
    case 'list': {
      const snapshots = await listSnapshots(backupsFolder(dataDir));
      if (snapshots.length === 0) io.out(`No backups in ${backupsFolder(dataDir)}.`);
      for (const snapshot of snapshots) io.out(describe(snapshot));
      return exitCodes.ok;
    }
    case 'verify': {
      if (options.file) {
        if (options.snapshot) throw new UsageError('verify takes --snapshot <id> or --file <backup file>, not both.');
        const file = resolve(options.file);
        if (!existsSync(file)) throw new UsageError(`There is no file at ${file}.`);
        const { encrypted, manifest, problems } = await checkBackupFile(file, keyForPassword(password));
        const counts = Object.entries(manifest.counts)
          .map(([table, count]) => `${table} ${count}`)
          .join(', ');
        io.out(
          problems.length === 0
            ? `${file}  ok  made ${manifest.createdAt}${encrypted ? '  encrypted' : ''}  [${counts}]`
            : `${file}  FAILED: ${problems.join('; ')}`,
        );
        return problems.length === 0 ? exitCodes.ok : exitCodes.badBackup;
      }
      const folder = backupsFolder(dataDir);
      const ids = options.snapshot ? [options.snapshot] : (await listSnapshots(folder)).map((snapshot) => snapshot.id);
      let bad = 0;
      const jobs = jobRunner(io.logger);
      try {
        for (const id of ids) {
          const problems = await verifySnapshot(folder, id, jobs);
          io.out(problems.length === 0 ? `${id}  ok` : `${id}  FAILED: ${problems.join('; ')}`);
          if (problems.length > 0) bad++;
        }
      } finally {
        await jobs.close();
      }
      io.out(`${ids.length - bad} of ${ids.length} backups verified.`);
      return bad === 0 ? exitCodes.ok : exitCodes.badBackup;
    }
    case 'backup':
      return withCore(dataDir, io, {}, async (core) => {
        io.out(describe(await core.backups.snapshot('command line')));
        return exitCodes.ok;
      });
    case 'export': {
      if (options.kind !== undefined) {
        if (!options.to) throw new UsageError('export --kind needs --to <file.csv|file.xlsx|file.vcf>.');
        const plan = listExportPlan({ kind: options.kind, to: options.to, delimiter: options.delimiter });
        if (typeof plan === 'string') throw new UsageError(plan);
        const to = options.to;
        return withCore(dataDir, io, { saveTo: resolve(to) }, async (core) => {
          const result = (await answer(core.dispatch('export.list', listExportRequest(plan)))) as ExportResult;
          io.out(exportedLine(plan, result, to));
          return exitCodes.ok;
        });
      }
      if (options.delimiter !== undefined) throw new UsageError('--delimiter is for exporting a list (with --kind).');
      if (!options.to) throw new UsageError('export needs --to <file.zip>.');
      const destination = resolve(options.to);
      return withCore(dataDir, io, { saveTo: destination }, async (core) => {
        const encryption = (await answer(core.dispatch('backupEncryption.status', {}))) as EncryptionStatus;
        if (encryption.on && password === undefined)
          throw new CrmError(
            'PASSWORD_REQUIRED',
            `Backups of this data are encrypted with a backup password. ${passwordFileHint}`,
          );
        if (encryption.on) await answer(core.dispatch('backupEncryption.unlock', { password, remember: false }));
        await answer(core.dispatch('backups.export', {}));
        io.out(
          `Backup written and verified${encryption.on ? ', encrypted with the backup password' : ''}: ${destination}`,
        );
        return exitCodes.ok;
      });
    }
    case 'restore': {
      if (Boolean(options.snapshot) === Boolean(options.file))
        throw new UsageError('restore needs exactly one of --snapshot <id> or --file <backup.zip>.');
      return withCore(dataDir, io, { restoreFrom: options.file && resolve(options.file) }, async (core) => {
        if (options.snapshot) await answer(core.dispatch('backups.restore', { id: options.snapshot }));
        else {
          // An encrypted file answers with a token for its password, as it does to the window.
          const chosen = (await answer(core.dispatch('backups.restoreFromFile', {}))) as z.infer<
            typeof RestoreFromFileResult
          >;
          if (chosen.passwordFor) {
            if (password === undefined)
              throw new CrmError('PASSWORD_REQUIRED', `This backup file is encrypted. ${passwordFileHint}`);
            await answer(core.dispatch('backupEncryption.restoreFile', { token: chosen.passwordFor.token, password }));
          }
        }
        io.out(`Restored. The data from before is in the backup taken just before (${backupsFolder(dataDir)}).`);
        return exitCodes.ok;
      });
    }
    case 'import': {
      if (!options.file) throw new UsageError('import needs --file <file>.');
      const file = resolve(options.file);
      if (!existsSync(file)) throw new UsageError(`There is no file at ${file}.`);
      return withCore(dataDir, io, { importFrom: file }, async (core) => {
        const imported = await importCommand(core, options.import ?? {}, io.out, (message) => new UsageError(message));
        return imported ? exitCodes.ok : exitCodes.nothingImported;
      });
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return exitCodes.usage;
  if (!(error instanceof CrmError)) return exitCodes.failed;
  switch (error.code) {
    case 'ALREADY_OPEN':
      return exitCodes.alreadyOpen;
    case 'BACKUP_INVALID':
    case 'SCHEMA_TOO_NEW':
    case 'NOT_FOUND':
    case 'DATABASE_CORRUPT':
      return exitCodes.badBackup;
    case 'DISK_FULL':
    case 'STORAGE':
      return exitCodes.cannotWrite;
    case 'FILE_REFUSED':
      return exitCodes.nothingImported;
    case 'PASSWORD_REQUIRED':
      return exitCodes.passwordNeeded;
    default:
      return exitCodes.failed;
  }
}
