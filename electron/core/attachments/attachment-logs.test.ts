import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/schemas/attachment';
import { fixedClock, useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import { tempPrefix } from './blob-store';
import { arrayContaining, objectContaining } from '../../../tests/support/matchers';

/*
 * Log files get sent with support requests. A file's name ("Anna Smith
 * passport.pdf") or a path under the user's home says who the user and their
 * clients are: attachment log lines carry ids and fingerprints instead.
 */
describe('attachment log lines', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('name uploads by id and files by sha256, never by file name or path', async () => {
    const dataDir = join(tempDir(), 'Users', 'Anna Smith', 'Rolodesk');
    mkdirSync(join(dataDir, 'attachments'), { recursive: true });
    // A temp file an interrupted upload left: the start-up sweep removes it and says so.
    writeFileSync(join(dataDir, 'attachments', `${tempPrefix}left-behind`), 'partial');
    const desktop = recordingDesktop();
    const clock = fixedClock();
    const core = await openCore(dataDir, { desktop, clock });
    const contactId = await createContact(core);

    const added = await upload(core, contactId, 'Anna Smith passport.pdf', samples.pdf);
    const attachment = (added as { data: Attachment }).data;
    await core.dispatch('attachments.open', { id: attachment.id });
    desktop.saveLocation = join(tempDir(), 'Anna Smith', 'passport copy.pdf');
    await core.dispatch('attachments.saveCopy', { id: attachment.id });
    const abandoned = await core.dispatch('attachments.start', {
      record: { kind: 'contact', id: contactId },
      fileName: 'Anna Smith salary.txt',
      size: 10,
    });
    clock.advance(11 * 60 * 1000);
    await upload(core, contactId, 'Anna Smith notes.txt', samples.text);
    await core.dispatch('attachments.remove', { id: attachment.id });

    const lines = core.logs.filter((record) => attachmentMessages.has(record.message));
    expect(lines.map((record) => record.message)).toEqual(arrayContaining([...attachmentMessages]));
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/Anna Smith|passport|salary/);
    expect(lines).toContainEqual(
      objectContaining({
        message: 'file stored',
        context: objectContaining({ sha256: attachment.sha256 }),
      }),
    );
    expect(lines).toContainEqual(
      objectContaining({
        message: 'attachment opened in the system program',
        context: { id: attachment.id, sha256: attachment.sha256 },
      }),
    );
    expect(lines).toContainEqual(
      objectContaining({
        message: 'abandoned upload dropped',
        context: { uploadId: (abandoned as { data: { uploadId: string } }).data.uploadId },
      }),
    );
  });
});

const attachmentMessages = new Set([
  'sweep removed a file',
  'attachments sweep finished',
  'file stored',
  'attachment opened in the system program',
  'attachment saved as a copy',
  'abandoned upload dropped',
  'unused files deleted',
]);
