import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useCores } from '../support/core';
import { isRoot, makeUnwritable, mountSmallDisk } from '../support/fault-fs';
import { samples } from '../support/sample-files';
import { useTempDirs } from '../support/temp-dir';
import { createContact, upload } from '../support/upload';
import { stringMatching } from '../support/matchers';

describe('attachments when the disk says no', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const undo: Array<() => void> = [];
  afterEach(() => {
    for (const step of undo.splice(0).reverse()) step();
  });

  // Mounting a tmpfs needs root; CI runs as root, so there this test always runs.
  it.skipIf(!isRoot)('a full disk: a clear error, no row, no half-written file, and the data still works', async () => {
    const dataDir = join(tempDir(), 'small-disk');
    const unmount = mountSmallDisk(dataDir, 4);
    const core = await openCore(dataDir);
    undo.push(unmount, () => void core.close());
    const contactId = await createContact(core);

    const tooBig = Buffer.concat([samples.pdf, Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const result = await upload(core, contactId, 'scan.pdf', tooBig);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: stringMatching(/disk is full/) },
    });
    expect(core.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    expect(readdirSync(join(dataDir, 'attachments'), { recursive: true })).toEqual([]);

    const small = await upload(core, contactId, 'notes.txt', samples.text);
    expect(small.ok).toBe(true);
  });

  it.skipIf(!isRoot)(
    'a full disk while saving a contact: DISK_FULL, and every saved contact is still there',
    async () => {
      const dataDir = join(tempDir(), 'small-disk');
      const unmount = mountSmallDisk(dataDir, 4);
      const core = await openCore(dataDir);
      undo.push(unmount);
      for (let i = 0; i < 20; i++) await core.dispatch('contacts.create', { name: `Saved ${i}` });
      writeFileSync(join(dataDir, 'filler'), Buffer.alloc(0));
      // Fill what is left of the disk.
      try {
        writeFileSync(join(dataDir, 'filler'), Buffer.alloc(8 * 1024 * 1024, 1));
      } catch {
        // ENOSPC once the disk is full: that is the point.
      }
      let failure: unknown;
      for (let i = 0; i < 2_000 && failure === undefined; i++) {
        const result = await core.dispatch('contacts.create', { name: `Overflow ${i}`, notes: 'x'.repeat(9_000) });
        if (!result.ok) failure = result.error;
      }
      expect(failure).toMatchObject({ code: 'DISK_FULL', message: stringMatching(/disk is full/) });
      await core.close();
      const reopened = await openCore(dataDir);
      const names = reopened.db.prepare("SELECT name FROM contacts WHERE name LIKE 'Saved %'").pluck().all();
      expect(names).toHaveLength(20);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      await reopened.close();
    },
  );

  it('a folder Rolodesk may not write to: a clear error and nothing changed', async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);
    undo.push(makeUnwritable(core.paths.attachments));
    const result = await upload(core, contactId, 'notes.txt', samples.text);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', message: stringMatching(/not allowed to write/) },
    });
    expect(core.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
  });
});
