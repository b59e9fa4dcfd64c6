import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedManifestFor, declareSize, sha256Of, writeStoredZip, writeZip, zeros } from '../support/archives';
import { useChildren } from '../support/child';
import { useTempDirs } from '../support/temp-dir';
import { stringMatching } from '../support/matchers';

const megabyte = 1024 * 1024;
const bombBytes = 256 * megabyte;
// Building a bomb and starting a core in a child take a while on a busy machine.
const slow = 180_000;

interface ChildAnswer {
  result: { ok: boolean; error?: { code: string; message: string } };
  peakBeforeMb: number;
  peakMb: number;
  /** The data folder's names and sizes before and after the restore. */
  filesBefore: string[];
  filesAfter: string[];
}

const fakeSha = (index: number) => createHash('sha256').update(String(index)).digest('hex');
const fileEntry = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256}`;

describe('archive bombs: refused in words before anything is unpacked, with memory flat', () => {
  const tempDir = useTempDirs();
  const child = useChildren();

  /** Restores `archive` in a child process that first opens a fresh data folder; its answer and peak memory. */
  async function restoreInChild(archive: string): Promise<ChildAnswer> {
    const dataDir = tempDir();
    const restorer = child('../support/restore-archive-child.ts', [dataDir, archive]);
    const line = await restorer.waitForLine(/^\{|^error/, 120_000);
    if (line.startsWith('error')) throw new Error(line);
    await restorer.exited;
    return JSON.parse(line) as ChildAnswer;
  }

  function expectRefusal(answer: ChildAnswer, message: RegExp): void {
    expect(answer.result).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INVALID', message: stringMatching(message) },
    });
    expect(answer.result.error!.message).toMatch(/Nothing was changed\.$/);
    expect(answer.filesAfter).toEqual(answer.filesBefore);
    // Unpacking 256 MB whole, or holding every entry of a huge directory, would break this.
    expect(answer.peakMb - answer.peakBeforeMb).toBeLessThan(64);
  }

  it(
    'a database entry of 256 MB of zeros deflated to a few hundred KB',
    async () => {
      const archive = join(tempDir(), 'zeros.zip');
      const sha256 = await sha256Of(zeros(bombBytes));
      await writeZip(archive, [
        { name: 'manifest.json', content: Buffer.from(checkedManifestFor({ size: bombBytes, sha256 })) },
        { name: 'crm.db', content: zeros(bombBytes) },
      ]);
      expectRefusal(
        await restoreInChild(archive),
        /crm\.db would unpack to 256\.0 MB from \d+ KB, far more than any backup compresses/,
      );
    },
    slow,
  );

  it(
    'a database entry that states 1 KB and inflates to 256 MB',
    async () => {
      const honest = join(tempDir(), 'honest.zip');
      const stated = 1024;
      await writeZip(honest, [
        { name: 'manifest.json', content: Buffer.from(checkedManifestFor({ size: stated, sha256: 'a'.repeat(64) })) },
        { name: 'crm.db', content: zeros(bombBytes) },
      ]);
      const lying = join(tempDir(), 'lying.zip');
      writeFileSync(lying, declareSize(readFileSync(honest), 'crm.db', stated));
      // Its stated ratio is honest: only unpacking finds the lie, and stops at the stated size.
      expectRefusal(await restoreInChild(lying), /damaged or cut short/);
    },
    slow,
  );

  it(
    'many entries each under a megabyte that add up to far more than the archive',
    async () => {
      const archive = join(tempDir(), 'many-zeros.zip');
      const files = Array.from({ length: 300 }, (_, index) => ({ sha256: fakeSha(index), size: megabyte }));
      await writeZip(archive, [
        {
          name: 'manifest.json',
          content: Buffer.from(checkedManifestFor({ size: 4096, sha256: 'a'.repeat(64) }, files)),
        },
        { name: 'crm.db', content: Buffer.alloc(4096) },
        ...files.map(({ sha256 }) => ({ name: fileEntry(sha256), content: zeros(megabyte) })),
      ]);
      expectRefusal(
        await restoreInChild(archive),
        /takes the archive past [\d.]+ MB unpacked, more than 100 times its own size/,
      );
    },
    slow,
  );

  it(
    '100,000 tiny entries its manifest does not list, read one at a time',
    async () => {
      const archive = join(tempDir(), 'many-entries.zip');
      const entries = function* () {
        yield {
          name: 'manifest.json',
          content: Buffer.from(checkedManifestFor({ size: 4096, sha256: 'a'.repeat(64) })),
        };
        yield { name: 'crm.db', content: Buffer.alloc(4096) };
        for (let index = 0; index < 100_000; index++)
          yield { name: fileEntry(fakeSha(index)), content: Buffer.from('x') };
      };
      await writeStoredZip(archive, entries());
      expectRefusal(await restoreInChild(archive), /is not listed in its manifest with that size/);
    },
    slow,
  );
});
