import fc from 'fast-check';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { archiveReaderHolds, hostileArchives, hostileSnapshotFolders, snapshotReaderHolds, validArchive } from '../../../tests/support/backup-fuzz';
import { useTempDirs } from '../../../tests/support/temp-dir';

// The short run; `npx tsx tests/fuzz/backup-readers.fuzz.ts --runs N` is the long one.
describe('fuzzing the readers of backup files from outside (short run)', () => {
  const tempDir = useTempDirs();

  it('a generated or damaged archive opens and reads, or is refused in words (BACKUP_INVALID); never a crash or a hang', async () => {
    const valid = await validArchive();
    const path = join(tempDir(), 'fuzzed.zip');
    await fc.assert(fc.asyncProperty(hostileArchives(valid), async (make) => archiveReaderHolds(path, await make())), { numRuns: 150 });
  }, 120_000);

  it('a snapshot folder with any manifest and records is listed without throwing, and never as verified when unreadable', async () => {
    const backupsDir = tempDir();
    await fc.assert(fc.asyncProperty(hostileSnapshotFolders, async (folder) => snapshotReaderHolds(backupsDir, folder)), { numRuns: 150 });
  }, 60_000);
});
