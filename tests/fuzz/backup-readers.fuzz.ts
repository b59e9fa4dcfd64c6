// The long fuzz run over the readers of backup files from outside: the
// archive reader (ZIP directory, manifest, entries) and a snapshot folder's
// manifest and records. The short run is electron/core/backups/archive-fuzz.test.ts.
//   npx tsx tests/fuzz/backup-readers.fuzz.ts [--runs N] [--seed S]
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  archiveReaderHolds,
  hostileArchives,
  hostileSnapshotFolders,
  snapshotReaderHolds,
  validArchive,
} from '../support/backup-fuzz';

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : Number(process.argv[at + 1]);
}

async function main(): Promise<void> {
  const runs = option('runs') ?? 5000;
  const seed = option('seed');
  const dir = mkdtempSync(join(tmpdir(), 'rolodesk-fuzz-backups-'));
  const settings = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };
  try {
    const started = Date.now();
    const valid = await validArchive();
    await fc.assert(
      fc.asyncProperty(hostileArchives(valid), async (make) =>
        archiveReaderHolds(join(dir, 'fuzzed.zip'), await make()),
      ),
      settings,
    );
    console.log(`archive reader: ${runs} files, 0 crashes, 0 hangs (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const listed = Date.now();
    await fc.assert(
      fc.asyncProperty(hostileSnapshotFolders, async (folder) => snapshotReaderHolds(join(dir, 'backups'), folder)),
      settings,
    );
    console.log(
      `snapshot reader: ${runs} folders, 0 crashes, 0 hangs (${((Date.now() - listed) / 1000).toFixed(1)} s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
