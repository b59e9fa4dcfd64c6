import { readdirSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useJobRunner } from '../../../tests/support/jobs';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { CrmError } from '../errors';
import { memoryLogger } from '../logger';
import { stageRestore, type RestoreSource } from './stage-restore';
import { stringMatching } from '../../../tests/support/matchers';

describe('staging a restore', () => {
  const tempDir = useTempDirs();
  const jobs = useJobRunner();

  it('refuses a backup larger than the free disk space before a byte is written', async () => {
    const root = tempDir();
    const { bavail, bsize } = await statfs(root);
    let read = false;
    const tooBig: RestoreSource = {
      manifest: { schemaVersion: 1, database: { file: 'crm.db', size: bavail * bsize + 1 }, attachments: [] },
      databaseSha256: 'a'.repeat(64),
      checksumProvesChecks: false,
      database: () => {
        read = true;
        return Promise.reject(new Error('the database was read'));
      },
      file: () => Promise.resolve(undefined),
    };
    const refused = await stageRestore(root, tooBig, jobs(), memoryLogger(), () => {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CrmError);
    expect(refused).toMatchObject({
      code: 'DISK_FULL',
      message: stringMatching(
        /^There is not enough free disk space to restore this backup: it needs about [\d,]+ MB, and [\d,]+ MB are free\./,
      ),
    });
    expect(read).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});
