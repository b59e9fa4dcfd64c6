import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { manifestFileName, maxManifestBytes, readManifest } from './manifest';
import { readSnapshot } from './snapshot-list';

describe('a snapshot folder’s manifest is read as untrusted', () => {
  const tempDir = useTempDirs();

  it('one far larger than any manifest is refused before it is read, and the snapshot is listed as damaged', async () => {
    const backups = tempDir();
    const id = 'snapshot-20261201-090000-000';
    mkdirSync(join(backups, id));
    const path = join(backups, id, manifestFileName);
    writeFileSync(path, '');
    // Sparse: a gigabyte on paper, nothing on the disk.
    truncateSync(path, 1024 * 1024 * 1024);
    await expect(readManifest(join(backups, id))).rejects.toThrow(/far too large/);
    expect(await readSnapshot(backups, id)).toMatchObject({
      id,
      verified: false,
      problems: ['its manifest is damaged'],
    });
    expect(maxManifestBytes).toBeLessThan(1024 * 1024 * 1024);
  });
});
