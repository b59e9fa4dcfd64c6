import fc from 'fast-check';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  archiveReaderHolds,
  hostileArchives,
  hostileSnapshotFolders,
  snapshotReaderHolds,
  validArchive,
} from '../../../tests/support/backup-fuzz';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { hashPieces } from '../hashing-copy';
import { archiveSource } from './archive';

// The short run; `npx tsx tests/fuzz/backup-readers.fuzz.ts --runs N` is the long one.
describe('fuzzing the readers of backup files from outside (short run)', () => {
  const tempDir = useTempDirs();

  it('the archive every mutation starts from opens, and every entry reads in full', async () => {
    const path = join(tempDir(), 'valid.zip');
    writeFileSync(path, await validArchive());
    const source = await archiveSource(path);
    try {
      expect((await hashPieces(await source.database())).size).toBe(source.manifest.database.size);
      for (const file of source.manifest.attachments)
        expect(await hashPieces((await source.file(file.sha256))!)).toEqual(file);
    } finally {
      source.close();
    }
  });

  it('a generated or damaged archive opens and reads, or is refused in words (BACKUP_INVALID); never a crash or a hang', async () => {
    const valid = await validArchive();
    const path = join(tempDir(), 'fuzzed.zip');
    await fc.assert(
      fc.asyncProperty(hostileArchives(valid), async (make) => archiveReaderHolds(path, await make())),
      { numRuns: 150 },
    );
  }, 120_000);

  it('a snapshot folder with any manifest and records is listed without throwing, and never as verified when unreadable', async () => {
    const backupsDir = tempDir();
    await fc.assert(
      fc.asyncProperty(hostileSnapshotFolders, async (folder) => snapshotReaderHolds(backupsDir, folder)),
      { numRuns: 150 },
    );
  }, 60_000);
});
