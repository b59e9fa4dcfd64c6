import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { storageError } from '../attachments/blob-store';
import { latestSchemaVersion } from '../db/migrations';
import { removeWithRetry, syncFolder } from '../durable-files';
import { CrmError } from '../errors';
import { inParallel } from '../in-parallel';
import type { JobRunner } from '../jobs/runner';
import type { Logger } from '../logger';
import type { Manifest } from './manifest';
import { stagingPrefix } from './restore-journal';
import { copyCheckedFile, syncFolders } from './shared-files';
import { checkDatabaseFile } from './verify';

/** A file's bytes: a path on disk, or what an archive entry yields. */
export type Bytes = string | AsyncIterable<Uint8Array>;

/** A backup to restore from (a snapshot folder or an archive) and the checksums its bytes must have. */
export interface RestoreSource {
  manifest: Pick<Manifest, 'schemaVersion' | 'database' | 'attachments'>;
  /** The checksum the database was verified with. */
  databaseSha256: string;
  /**
   * Whether bytes with that checksum are known to pass SQLite's checks: true for a snapshot of ours
   * (its verification checked those very bytes), false for a file from elsewhere, whose manifest
   * proves nothing, so the staged copy is checked again.
   */
  checksumProvesChecks: boolean;
  database: () => Promise<Bytes>;
  /** An attachment's bytes; undefined when the backup lacks it. */
  file: (sha256: string) => Promise<Bytes | undefined>;
}

const filesAtOnce = 8;
const isSqliteError = (error: unknown) =>
  typeof (error as { code?: unknown } | null)?.code === 'string' &&
  (error as { code: string }).code.startsWith('SQLITE_');
const short = (sha256: string) => `${sha256.slice(0, 12)}…`;
const cannotRestore = (problem: string) =>
  new CrmError('BACKUP_INVALID', `This backup cannot be restored: ${problem}. Nothing was changed.`);

/** Room for the staged copy and what a migration adds to it: a backup that could not fit is refused before a byte is written. */
async function refuseWhenDiskTooSmall(root: string, bytes: number): Promise<void> {
  const { bavail, bsize } = await statfs(root);
  const free = bavail * bsize;
  const needed = bytes * 1.1 + 16 * 1024 * 1024;
  if (needed > free) {
    const inMb = (count: number) => `${Math.ceil(count / 1024 / 1024).toLocaleString('en')} MB`;
    throw new CrmError(
      'DISK_FULL',
      `There is not enough free disk space to restore this backup: it needs about ${inMb(needed)}, and ${inMb(free)} are free. Free some space and try again; nothing was changed.`,
    );
  }
}

/**
 * Builds the data to restore next to the live data (same disk, so the swap is
 * renames), verifying it as it goes: the database and every attachment are
 * hashed against their checksums while they are copied (one pass over the
 * bytes), then SQLite's checks run on the staged database itself unless its
 * checksum proves they passed; it is migrated only when it is older (checks
 * and migration in jobs: they read the whole file). Returns the staging
 * folder's name; on any failure nothing is left behind and the live data was
 * never touched.
 */
export async function stageRestore(
  root: string,
  source: RestoreSource,
  jobs: JobRunner,
  logger: Logger,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const name = `${stagingPrefix}${randomUUID()}`;
  const staging = join(root, name);
  const { manifest } = source;
  const total = manifest.database.size + manifest.attachments.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  const copied = (bytes: number) => onProgress((0.8 * (done += bytes)) / Math.max(total, 1));
  await refuseWhenDiskTooSmall(root, total);
  try {
    await mkdir(join(staging, 'attachments'), { recursive: true });
    const databasePath = join(staging, 'crm.db');
    if (!(await copyCheckedFile(await source.database(), databasePath, source.databaseSha256)))
      throw cannotRestore('the database file does not match its checksum (it was changed or damaged)');
    copied(manifest.database.size);
    const attachmentPath = (sha256: string) => join(staging, 'attachments', sha256.slice(0, 2), sha256);
    await inParallel(manifest.attachments, filesAtOnce, async ({ sha256, size }) => {
      const bytes = await source.file(sha256);
      if (bytes === undefined || (typeof bytes === 'string' && !existsSync(bytes)))
        throw cannotRestore(`attachment ${short(sha256)} is missing`);
      if (!(await copyCheckedFile(bytes, attachmentPath(sha256), sha256)))
        throw cannotRestore(`attachment ${short(sha256)} does not match its checksum`);
      copied(size);
    });
    syncFolders(manifest.attachments.map((file) => attachmentPath(file.sha256)));
    const problems = source.checksumProvesChecks
      ? []
      : await checkDatabaseFile(databasePath, manifest.schemaVersion, jobs);
    if (problems.length > 0) throw cannotRestore(problems[0]!);
    onProgress(0.9);
    if (manifest.schemaVersion < latestSchemaVersion) await jobs.run('prepareStagedDatabase', { file: databasePath });
    const repairs = await jobs.run('repairRestoredAttachments', {
      file: databasePath,
      attachments: join(staging, 'attachments'),
    });
    if (repairs.renamed.length > 0 || repairs.retyped.length > 0) {
      // Ids and fingerprints only: the names themselves may be anything.
      logger.warn('restored attachments broke the upload rules: renamed, or typed again from their bytes', {
        renamedIds: repairs.renamed,
        retyped: repairs.retyped,
      });
    }
    syncFolder(staging);
    onProgress(1);
    return name;
  } catch (error) {
    await removeWithRetry(staging).catch(() =>
      logger.warn('could not remove a restore staging folder; the next start will', { staging }),
    );
    if (error instanceof CrmError && error.code === 'DATABASE_CORRUPT') {
      throw new CrmError('BACKUP_INVALID', 'The backup’s database is damaged, so nothing was restored.');
    }
    if (error instanceof CrmError) throw error;
    // SQLite refusing the staged file (a trigger or view it will not run, say) is a finding about the backup.
    if (isSqliteError(error))
      throw cannotRestore(`its database could not be prepared (${(error as Error).message.slice(0, 200)})`);
    throw storageError(error, 'prepare the restore', 'the data folder');
  }
}
