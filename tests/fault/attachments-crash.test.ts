import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChildren } from '../support/child';
import { useCores } from '../support/core';
import { useTempDirs } from '../support/temp-dir';

// Kill points: after this many lines of output (chunks and finished files), then this many ms more.
const killPoints: Array<[lines: number, extraMs: number]> = [
  [1, 0],
  [4, 2],
  [5, 0],
  [6, 5],
  [9, 1],
  [10, 0],
  [12, 8],
  [15, 3],
];

describe('SIGKILL while adding large files', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const startChild = useChildren();

  it('never leaves a row that points to a missing or partial file, kill after kill', async () => {
    const dataDir = tempDir();
    let filesKept = 0;
    for (const [lines, extraMs] of killPoints) {
      const child = startChild('add-files-forever.ts', [dataDir]);
      await child.waitForLine(/^ready$/);
      let seen = 0;
      await new Promise<void>((resolve) => {
        child.process.stdout.on('data', (chunk: Buffer) => {
          seen += chunk
            .toString()
            .split('\n')
            .filter((line) => /^(chunk|added)/.test(line)).length;
          if (seen >= lines) resolve();
        });
      });
      await new Promise((resolve) => setTimeout(resolve, extraMs));
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');

      const core = await openCore(dataDir);
      // After a crash the start-up sweep runs once the quick check has passed.
      await core.writesAccepted();
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
      const blobs = core.db.prepare('SELECT sha256, size FROM blobs').all() as Array<{ sha256: string; size: number }>;
      for (const blob of blobs) {
        const bytes = readFileSync(join(dataDir, 'attachments', blob.sha256.slice(0, 2), blob.sha256));
        expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(blob);
      }
      const attachmentRows = core.db.prepare('SELECT count(*) FROM attachments').pluck().get() as number;
      expect(attachmentRows).toBe(blobs.length); // random bytes: every file is different
      // The sweep on open removed what the killed add left half done.
      const leftovers = readdirSync(join(dataDir, 'attachments'), { recursive: true }).filter((name) =>
        String(name).includes('.tmp-'),
      );
      expect(leftovers).toEqual([]);
      filesKept = blobs.length;
      await core.close();
    }
    // Some adds completed between the kills, so the checks above looked at real files.
    expect(filesKept).toBeGreaterThan(0);
  }, 120_000);
});
