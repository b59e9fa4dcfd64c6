import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { storageError } from '../attachments/blob-store';
import { removeWithRetry, syncFolder } from '../durable-files';
import { CrmError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import type { Logger } from '../logger';
import { stagingPrefix } from './restore-journal';
import { copyCheckedFile } from './shared-files';
import type { SnapshotContents } from './verify';

/**
 * Builds the data to restore next to the live data (same disk, so the swap is
 * renames): the database and every attachment it names, each checked against
 * the manifest while copied, then the database checked and migrated if it is
 * older (in a job: it reads the whole file). Returns the staging folder's
 * name; on any failure nothing is left behind.
 */
export async function stageRestore(root: string, contents: SnapshotContents, jobs: JobRunner, logger: Logger, onProgress: (fraction: number) => void): Promise<string> {
  const name = `${stagingPrefix}${randomUUID()}`;
  const staging = join(root, name);
  try {
    await mkdir(join(staging, 'attachments'), { recursive: true });
    const databaseProblem = await copyCheckedFile(contents.databasePath, join(staging, 'crm.db'), contents.manifest.database);
    if (databaseProblem) throw new CrmError('BACKUP_INVALID', 'The backup’s database changed while it was being read, so nothing was restored.');
    const files = contents.manifest.attachments;
    for (const [index, file] of files.entries()) {
      const problem = await copyCheckedFile(contents.filePath(file.sha256), join(staging, 'attachments', file.sha256.slice(0, 2), file.sha256), file);
      if (problem) throw new CrmError('BACKUP_INVALID', `The backup is incomplete (${problem.replace('the attachments folder', 'the backup')}), so nothing was restored.`);
      onProgress((index + 1) / Math.max(files.length, 1));
    }
    await jobs.run('prepareStagedDatabase', { file: join(staging, 'crm.db') });
    syncFolder(staging);
    return name;
  } catch (error) {
    await removeWithRetry(staging).catch(() => logger.warn('could not remove a restore staging folder; the next start will', { staging }));
    if (error instanceof CrmError && error.code === 'DATABASE_CORRUPT') {
      throw new CrmError('BACKUP_INVALID', 'The backup’s database is damaged, so nothing was restored.');
    }
    if (error instanceof CrmError) throw error;
    throw storageError(error, 'prepare the restore', 'the data folder');
  }
}
