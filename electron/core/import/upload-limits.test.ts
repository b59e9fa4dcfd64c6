import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Core } from '../core';
import { importTempFolder } from './handlers';
import { importUploadLimits } from './upload-files';
import { stringMatching } from '../../../tests/support/matchers';

const gigabyte = 1024 * 1024 * 1024;

function droppedCopies(core: Core): string[] {
  return readdirSync(importTempFolder(core.paths.database)).filter((name) => name.startsWith('upload-'));
}

const start = (core: Core, fileName: string, size: number) => core.dispatch('import.uploadStart', { fileName, size });
const idOf = (started: Awaited<ReturnType<typeof start>>) => (started as { data: { uploadId: string } }).data.uploadId;
const csv = Buffer.from('Name,Email\nAnna,anna@example.com\nBen,ben@example.com\n');

describe('files dropped for import at once', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it(`at most ${importUploadLimits.sessions} are received at once; more are refused in words and leave nothing behind`, async () => {
    const core = await openCore(tempDir());

    const started = await Promise.all(Array.from({ length: 10 }, (_, i) => start(core, `list ${i}.csv`, 1000)));

    expect(started.filter((result) => result.ok)).toHaveLength(importUploadLimits.sessions);
    const refused = started.filter((result) => !result.ok);
    expect(refused).toHaveLength(10 - importUploadLimits.sessions);
    for (const result of refused) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'FILE_REFUSED',
          message: stringMatching(
            /^Rolodesk is still receiving other dropped files, so “list \d\.csv” was not taken\. Wait for them to finish, then drop it again\.$/,
          ),
        },
      });
    }
    expect(droppedCopies(core)).toHaveLength(importUploadLimits.sessions);

    // Once one is done (here: cancelled), there is room for the next.
    await core.dispatch('import.uploadCancel', { uploadId: idOf(started.find((result) => result.ok)!) });
    expect((await start(core, 'one more.csv', 1000)).ok).toBe(true);
  });

  it(`files declaring more than ${importUploadLimits.bytesInFlight / gigabyte} GB in all are not taken on at once; one alone may be that large`, async () => {
    const core = await openCore(tempDir());

    const started = await Promise.all([0, 1, 2].map((i) => start(core, `export ${i}.csv`, 1.5 * gigabyte)));

    expect(started.filter((result) => result.ok)).toHaveLength(2);
    expect(started.find((result) => !result.ok)).toMatchObject({
      ok: false,
      error: {
        code: 'FILE_REFUSED',
        message: stringMatching(
          /^Rolodesk is still receiving 3\.0 GB of other dropped files, so “export \d\.csv” was not taken\. Wait for them to finish, then drop it again\.$/,
        ),
      },
    });
    expect(droppedCopies(core)).toHaveLength(2);
    // A small file still fits beside them.
    expect((await start(core, 'notes.csv', 1000)).ok).toBe(true);
  });

  it('a file larger than can be received at all is pointed to “Choose a file…”, which reads it where it is', async () => {
    const core = await openCore(tempDir());
    const tooLarge = importUploadLimits.bytesInFlight + 1;

    expect(await start(core, 'everything.csv', tooLarge)).toMatchObject({
      ok: false,
      error: {
        code: 'FILE_REFUSED',
        message:
          '“everything.csv” is larger than the 4 GB a dropped file may be. Use “Choose a file…” instead: Rolodesk then reads the file where it is.',
      },
    });
    expect(droppedCopies(core)).toEqual([]);
  });

  it('two parts sent for the same place at once: one is refused, and the copy holds exactly the file', async () => {
    const core = await openCore(tempDir());
    const half = 20;
    const uploadId = idOf(await start(core, 'people.csv', csv.length));

    const first = csv.subarray(0, half).toString('base64');
    const sentTogether = await Promise.all(
      [0, 1].map(() => core.dispatch('import.uploadChunk', { uploadId, offset: 0, data: first })),
    );

    expect(sentTogether.filter((result) => result.ok)).toEqual([{ ok: true, data: { received: half } }]);
    expect(sentTogether.find((result) => !result.ok)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: stringMatching(/^Part of “people\.csv” arrived while the part before it was still being saved/),
      },
    });
    expect(
      await core.dispatch('import.uploadChunk', {
        uploadId,
        offset: half,
        data: csv.subarray(half).toString('base64'),
      }),
    ).toEqual({ ok: true, data: { received: csv.length } });
    const opened = await core.dispatch('import.open', { kind: 'contact', source: { type: 'upload', uploadId } });
    expect(opened.ok).toBe(true);
    const [copy] = droppedCopies(core);
    expect(copy).toMatch(/\.csv$/);
    expect(readFileSync(join(importTempFolder(core.paths.database), copy!)).equals(csv)).toBe(true);
  });

  it('the same race, again and again: never a copy that is not the file, and none left behind', async () => {
    const core = await openCore(tempDir());
    const part = csv.toString('base64');
    for (let round = 0; round < 5; round++) {
      const uploadId = idOf(await start(core, 'people.csv', csv.length * 2));
      await Promise.all([0, 1].map(() => core.dispatch('import.uploadChunk', { uploadId, offset: 0, data: part })));
      const opened = await core.dispatch('import.open', { kind: 'contact', source: { type: 'upload', uploadId } });
      expect(opened).toMatchObject({
        ok: false,
        error: {
          code: 'FILE_REFUSED',
          message: 'Only part of “people.csv” arrived, so it cannot be imported. Please drop it again.',
        },
      });
    }
    expect(droppedCopies(core)).toEqual([]);
  });
});

describe('closing the data', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('drops the files still being received, and their copies', async () => {
    const core = await openCore(tempDir());
    await start(core, 'people.csv', 1000);
    expect(droppedCopies(core)).toHaveLength(1);
    await core.close();
    expect(droppedCopies(core)).toEqual([]);
  });
});
