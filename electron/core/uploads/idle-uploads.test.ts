import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { blobStore, tempPrefix } from '../attachments/blob-store';
import { uploadLimits, uploads } from '../attachments/uploads';
import { importUploadLimits, importUploads } from '../import/upload-files';
import { memoryLogger, type Logger } from '../logger';
import type { UploadLimits } from './chunked-uploads';
import { objectContaining, stringMatching } from '../../../tests/support/matchers';

interface Receiving {
  start: (fileName: string, size: number) => Promise<string>;
  chunk: (uploadId: string, offset: number, base64: string) => Promise<number>;
  abortAll: () => Promise<void>;
}

/** Both kinds of upload, each built as the app builds it, with its own temp files. */
const kinds: Array<{
  kind: string;
  limits: UploadLimits;
  fileName: string;
  tempPrefix: string;
  open: (folder: string, logger: Logger, now: () => number, limits: UploadLimits) => Receiving;
}> = [
  {
    kind: 'an attachment',
    limits: uploadLimits,
    fileName: 'notes.txt',
    tempPrefix,
    open(folder, logger, now, limits) {
      const running = uploads(blobStore(folder), logger, now, limits);
      return { ...running, start: (fileName, size) => running.start({ kind: 'contact', id: 1 }, fileName, size, 25) };
    },
  },
  {
    kind: 'a file dropped for import',
    limits: importUploadLimits,
    fileName: 'people.csv',
    tempPrefix: 'upload-',
    open: importUploads,
  },
];

describe.each(kinds)('$kind no one feeds any more', ({ limits, fileName, tempPrefix: prefix, open }) => {
  const tempDir = useTempDirs();

  function uploadsOnATimer() {
    const folder = tempDir();
    const clock = fixedClock();
    const logger = memoryLogger();
    const running = open(folder, logger, () => clock.now().getTime(), { ...limits, idleCheckMs: 10 });
    const temps = () => readdirSync(folder).filter((name) => name.startsWith(prefix));
    return { running, clock, logger, temps };
  }

  async function waitFor(done: () => boolean): Promise<void> {
    for (let waited = 0; !done() && waited < 3000; waited += 10) await sleep(10);
  }

  it('is dropped after 10 minutes by its own timer, with no other upload starting, and its temp file is deleted', async () => {
    const { running, clock, logger, temps } = uploadsOnATimer();
    const uploadId = await running.start(fileName, 100);
    await running.chunk(uploadId, 0, Buffer.from('hello').toString('base64'));
    expect(temps()).toHaveLength(1);

    clock.advance(limits.idleMs + 1);
    await waitFor(() => temps().length === 0);

    expect(temps()).toEqual([]);
    await expect(running.chunk(uploadId, 5, Buffer.from('world').toString('base64'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: stringMatching(/no longer/),
    });
    expect(logger.records).toContainEqual(
      objectContaining({ message: 'abandoned upload dropped', context: { uploadId } }),
    );
    await running.abortAll();
  });

  it('one still being fed is kept, however long it takes in all', async () => {
    const { running, clock, temps } = uploadsOnATimer();
    const uploadId = await running.start(fileName, 10);
    for (let offset = 0; offset < 10; offset++) {
      clock.advance(limits.idleMs - 1000);
      await sleep(30);
      expect(await running.chunk(uploadId, offset, Buffer.from('x').toString('base64'))).toBe(offset + 1);
    }
    expect(temps()).toHaveLength(1);
    await running.abortAll();
    expect(temps()).toEqual([]);
  });

  it('its timer never keeps Rolodesk from quitting', async () => {
    const { running } = uploadsOnATimer();
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    await running.start(fileName, 10);
    expect(timers()).toBe(before);
    await running.abortAll();
  });
});
