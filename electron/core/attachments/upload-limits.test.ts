import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/schemas/attachment';
import { useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact } from '../../../tests/support/upload';
import type { Core } from '../core';
import { tempPrefix } from './blob-store';
import { uploadLimits } from './uploads';
import { stringMatching } from '../../../tests/support/matchers';

const megabyte = 1024 * 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function tempFiles(core: Core): string[] {
  return readdirSync(core.paths.attachments).filter((name) => name.startsWith(tempPrefix));
}

async function start(core: Core, contactId: number, fileName: string, size: number) {
  return core.dispatch('attachments.start', { record: { kind: 'contact', id: contactId }, fileName, size });
}

const idOf = (started: Awaited<ReturnType<typeof start>>) => (started as { data: { uploadId: string } }).data.uploadId;

describe('uploads at once', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it(`at most ${uploadLimits.sessions} files are on their way at once; more are refused in words and leave nothing behind`, async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);

    const started = await Promise.all(
      Array.from({ length: 20 }, (_, i) => start(core, contactId, `scan ${i}.pdf`, 1000)),
    );

    expect(started.filter((result) => result.ok)).toHaveLength(uploadLimits.sessions);
    const refused = started.filter((result) => !result.ok);
    expect(refused).toHaveLength(20 - uploadLimits.sessions);
    for (const result of refused) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'FILE_REFUSED',
          message: stringMatching(
            /^Too many files are being added at once, so “scan \d+\.pdf” was not added\. Wait for the others to finish/,
          ),
        },
      });
    }
    expect(tempFiles(core)).toHaveLength(uploadLimits.sessions);

    // Once one is done (here: cancelled), there is room for the next.
    await core.dispatch('attachments.cancel', { uploadId: idOf(started.find((result) => result.ok)!) });
    expect((await start(core, contactId, 'one more.pdf', 1000)).ok).toBe(true);
  });

  it(`files declaring more than ${uploadLimits.bytesInFlight / megabyte} MB in all are not taken on at once`, async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);
    await core.dispatch('settings.attachments.update', { maxFileMegabytes: 200 });

    const started = await Promise.all(
      Array.from({ length: 6 }, (_, i) => start(core, contactId, `video ${i}.pdf`, 200 * megabyte)),
    );

    expect(started.filter((result) => result.ok)).toHaveLength(5);
    expect(started.find((result) => !result.ok)).toMatchObject({
      ok: false,
      error: {
        code: 'FILE_REFUSED',
        message: stringMatching(
          /^Too much is being added at once \(1000 MB is still on its way\), so “video \d\.pdf” was not added/,
        ),
      },
    });
    expect(tempFiles(core)).toHaveLength(5);
    // A small file still fits beside them.
    expect((await start(core, contactId, 'notes.txt', 10 * megabyte)).ok).toBe(true);
  });

  it('two parts sent for the same place at once: one is refused, and what is recorded is exactly what is stored', async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);
    const bytes = Buffer.concat([samples.text, samples.text]);
    const half = samples.text.length;
    const uploadId = idOf(await start(core, contactId, 'notes.txt', bytes.length));

    const first = bytes.subarray(0, half).toString('base64');
    const sentTogether = await Promise.all([
      core.dispatch('attachments.chunk', { uploadId, offset: 0, data: first }),
      core.dispatch('attachments.chunk', { uploadId, offset: 0, data: first }),
    ]);

    expect(sentTogether.filter((result) => result.ok)).toEqual([{ ok: true, data: { received: half } }]);
    expect(sentTogether.find((result) => !result.ok)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: stringMatching(/while the part before it was still being saved/) },
    });
    expect(
      await core.dispatch('attachments.chunk', {
        uploadId,
        offset: half,
        data: bytes.subarray(half).toString('base64'),
      }),
    ).toEqual({ ok: true, data: { received: bytes.length } });
    const finished = await core.dispatch('attachments.finish', { uploadId });
    expect(finished.ok).toBe(true);
    const attachment = (finished as { data: Attachment }).data;
    const stored = readFileSync(join(core.paths.attachments, attachment.sha256.slice(0, 2), attachment.sha256));
    expect(stored.equals(bytes)).toBe(true);
    expect(attachment.size).toBe(stored.length);
    expect(attachment.sha256).toBe(sha(stored));
  });

  it('the same race, again and again: never a file whose recorded size and fingerprint are not its bytes', async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);
    const part = samples.text.toString('base64');
    for (let round = 0; round < 5; round++) {
      const uploadId = idOf(await start(core, contactId, 'notes.txt', samples.text.length * 2));
      await Promise.all([0, 1].map(() => core.dispatch('attachments.chunk', { uploadId, offset: 0, data: part })));
      const finished = await core.dispatch('attachments.finish', { uploadId });
      expect(finished).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(/Only part of “notes\.txt” arrived/) },
      });
    }
    expect(core.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    expect(tempFiles(core)).toEqual([]);
  });
});
