import { mkdirSync, readdirSync, utimesSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import { systemClock } from '../clock';
import { memoryLogger } from '../logger';
import { blobStore } from './blob-store';
import { sweepAttachments } from './sweep';

describe('the start-up sweep of the attachments folder', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('removes temp files and day-old files no row names; keeps younger ones and every file in use', async () => {
    const dataDir = tempDir();
    const first = await openCore(dataDir);
    const kept = await upload(first, await createContact(first), 'notes.txt', samples.text);
    if (!kept.ok) throw new Error(kept.error.message);
    await first.close();

    const attachments = join(dataDir, 'attachments');
    const old = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
    writeFileSync(join(attachments, '.tmp-crashed-add'), 'half a file');
    mkdirSync(join(attachments, 'cd'), { recursive: true });
    writeFileSync(join(attachments, 'cd', '.tmp-another'), 'half');
    const orphanOld = join(attachments, 'cd', 'cd'.repeat(32));
    const orphanNew = join(attachments, 'cd', `cd${'0'.repeat(62)}`);
    writeFileSync(orphanOld, 'renamed into place, then the app died before its row');
    utimesSync(orphanOld, old, old);
    writeFileSync(orphanNew, 'an add of a few seconds ago');
    writeFileSync(join(attachments, 'README.txt'), 'not ours to touch');

    const again = await openCore(dataDir);
    expect(existsSync(join(attachments, '.tmp-crashed-add'))).toBe(false);
    expect(existsSync(join(attachments, 'cd', '.tmp-another'))).toBe(false);
    expect(existsSync(orphanOld)).toBe(false);
    expect(existsSync(orphanNew)).toBe(true);
    expect(existsSync(join(attachments, 'README.txt'))).toBe(true);
    expect(existsSync(join(attachments, kept.data.sha256.slice(0, 2), kept.data.sha256))).toBe(true);
    const removed = again.logs
      .filter((record) => record.message === 'sweep removed a file')
      .map((record) => record.context?.reason);
    expect(removed.sort()).toEqual(['left by an interrupted add', 'left by an interrupted add', 'no row names it']);
  });

  it('deletes blob rows nothing uses and their files', async () => {
    const dataDir = tempDir();
    const first = await openCore(dataDir);
    const added = await upload(first, await createContact(first), 'notes.txt', samples.text);
    if (!added.ok) throw new Error(added.error.message);
    first.db.prepare('DELETE FROM attachments').run(); // as a crash between the two steps of a removal would leave it
    await first.close();

    const again = await openCore(dataDir);
    expect(again.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    expect(readdirSync(join(dataDir, 'attachments', added.data.sha256.slice(0, 2)))).toEqual([]);
  });

  it('reports loudly, and keeps the row, when a file in use is missing', async () => {
    const dataDir = tempDir();
    const first = await openCore(dataDir);
    const added = await upload(first, await createContact(first), 'notes.txt', samples.text);
    if (!added.ok) throw new Error(added.error.message);
    await first.close();
    rmSync(join(dataDir, 'attachments', added.data.sha256.slice(0, 2), added.data.sha256));

    const again = await openCore(dataDir);
    const error = again.logs.find((record) => record.level === 'error' && /missing/.test(record.message));
    expect(error?.context).toEqual({ missing: [added.data.sha256] });
    expect(again.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
  });

  it('run after the check that follows a crash, keeps temp files written since opening (an upload in flight)', async () => {
    const core = await openCore(tempDir());
    const attachments = core.paths.attachments;
    const openedAt = Date.now() - 60_000;
    const leftover = join(attachments, '.tmp-left-by-the-crash');
    const inFlight = join(attachments, '.tmp-upload-in-flight');
    writeFileSync(leftover, 'half a file');
    const before = (openedAt - 60_000) / 1000;
    utimesSync(leftover, before, before);
    writeFileSync(inFlight, 'the first chunk');
    const report = await sweepAttachments(core.db, blobStore(attachments), systemClock, memoryLogger(), {
      keepTempsFrom: openedAt,
    });
    expect(report.tempFiles).toBe(1);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
  });
});
