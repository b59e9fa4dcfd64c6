import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileName, type Attachment } from '../../../shared/schemas/attachment';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import type { Core } from '../core';
import { stringMatching } from '../../../tests/support/matchers';

/*
 * A restored or recovered database is a file that came from outside: its
 * names and types are what whoever made it wrote there. Each row below is
 * UPDATEd the way a crafted backup would carry it.
 */

const windowsDevice = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

function expectDesktopSafe(name: string): void {
  expect(FileName.safeParse(name).success, name).toBe(true);
  expect(name, name).not.toMatch(windowsDevice);
  expect(name, name).not.toMatch(/[<>:"|?*]|[. ]$/);
  expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(200);
}

/** Writes a row as a crafted database would, past the CHECK constraints a real upload meets. */
function craft(core: Core, sql: string, ...values: unknown[]): void {
  core.db.pragma('ignore_check_constraints = ON');
  try {
    core.db.prepare(sql).run(...values);
  } finally {
    core.db.pragma('ignore_check_constraints = OFF');
  }
}

async function added(core: Core, contactId: number, name: string, bytes: Buffer): Promise<Attachment> {
  const result = await upload(core, contactId, name, bytes);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

const craftedNames: Array<[string, string]> = [
  ['a path going up', '../../evil.txt'],
  ['a Windows path going up', '..\\x'],
  ['an absolute path', '/etc/passwd'],
  ['a Windows absolute path', 'C:\\Windows\\evil.txt'],
  ['the parent folder', '..'],
  ['the same folder', '.'],
  ['nothing', ''],
  ['only spaces', '   '],
  ['a Windows device name', 'CON'],
  ['a Windows device name with an extension', 'aux.txt'],
  ['300 characters', `${'x'.repeat(296)}.txt`],
  ['control characters', 'report\u0007\u001b[31m\n.txt'],
  ['a NUL byte', 'notes\u0000.txt'],
];

describe('names and types read from the database are checked again before they name a file', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function coreWithTextFile() {
    const desktop = recordingDesktop();
    const suggested: string[] = [];
    const choose = desktop.chooseSaveLocation.bind(desktop);
    desktop.chooseSaveLocation = async (name) => {
      suggested.push(name);
      return choose(name);
    };
    const core = await openCore(tempDir(), { desktop });
    const contactId = await createContact(core);
    // A file opened the ordinary way shows where the scratch folder is.
    const good = await added(core, contactId, 'good.txt', samples.text);
    await core.dispatch('attachments.open', { id: good.id });
    const scratch = dirname(dirname(desktop.opened[0]!));
    const attachment = await added(core, contactId, 'notes.txt', samples.text);
    return { core, desktop, suggested, scratch, attachment };
  }

  it.each(craftedNames)(
    'Open with %s: a safe name, inside its own folder in the scratch folder',
    async (_label, craftedName) => {
      const { core, desktop, scratch, attachment } = await coreWithTextFile();
      const outside = readdirSync(dirname(scratch));
      craft(core, 'UPDATE attachments SET file_name = ? WHERE id = ?', craftedName, attachment.id);

      const result = await core.dispatch('attachments.open', { id: attachment.id });

      expect(result).toEqual({ ok: true, data: { opened: true } });
      const opened = desktop.opened[1]!;
      expect(dirname(dirname(opened))).toBe(scratch);
      expectDesktopSafe(basename(opened));
      expect(basename(opened)).toMatch(/\.txt$/);
      expect(readFileSync(opened).equals(samples.text)).toBe(true);
      expect(readdirSync(dirname(scratch))).toEqual(outside);
      expect(existsSync('/evil.txt')).toBe(false);
    },
  );

  it.each(craftedNames)('Save a copy with %s: the name suggested is a safe one', async (_label, craftedName) => {
    const { core, desktop, suggested, attachment } = await coreWithTextFile();
    craft(core, 'UPDATE attachments SET file_name = ? WHERE id = ?', craftedName, attachment.id);
    desktop.saveLocation = join(tempDir(), 'chosen.txt');

    expect(await core.dispatch('attachments.saveCopy', { id: attachment.id })).toEqual({
      ok: true,
      data: { saved: true },
    });

    expect(suggested).toHaveLength(1);
    expectDesktopSafe(suggested[0]!);
    expect(readFileSync(desktop.saveLocation).equals(samples.text)).toBe(true);
  });

  it('a crafted name keeps what it can: an ordinary name is left as it was', async () => {
    const { core, desktop, attachment } = await coreWithTextFile();
    craft(core, 'UPDATE attachments SET file_name = ? WHERE id = ?', 'Quote for Anna (final).txt', attachment.id);
    await core.dispatch('attachments.open', { id: attachment.id });
    expect(basename(desktop.opened[1]!)).toBe('Quote for Anna (final).txt');
  });

  it.each([
    ['255 characters, as an upload may be named', 'x'.repeat(255)],
    ['250 accented letters (500 bytes on disk)', 'é'.repeat(250)],
  ])('a long name an upload accepts (%s) still opens, shortened to fit the disk', async (_label, longName) => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const attachment = await added(core, await createContact(core), longName, samples.text);

    expect(await core.dispatch('attachments.open', { id: attachment.id })).toEqual({
      ok: true,
      data: { opened: true },
    });

    const name = basename(desktop.opened[0]!);
    expectDesktopSafe(name);
    expect(name).toMatch(new RegExp(`^${longName.slice(0, 20)}.*\\.txt$`));
  });

  describe('a type Rolodesk does not know', () => {
    const craftedTypes = [
      ['a web page', 'text/html'],
      ['a program', 'application/x-msdownload'],
      ['a header break', 'text/plain\r\nSet-Cookie: x=1'],
      ['nothing', ''],
    ];

    it.each(craftedTypes)(
      '%s is refused in words by Open and Save a copy, and nothing is written',
      async (_label, mimeType) => {
        const { core, desktop, suggested, scratch, attachment } = await coreWithTextFile();
        const inScratch = readdirSync(scratch);
        craft(core, 'UPDATE blobs SET mime_type = ? WHERE sha256 = ?', mimeType, attachment.sha256);
        desktop.saveLocation = join(tempDir(), 'chosen.txt');

        const opened = await core.dispatch('attachments.open', { id: attachment.id });
        const saved = await core.dispatch('attachments.saveCopy', { id: attachment.id });

        const refusal = {
          ok: false,
          error: {
            code: 'FILE_REFUSED',
            message: stringMatching(/does not recognise the type recorded for “notes\.txt”/),
          },
        };
        expect(opened).toMatchObject(refusal);
        expect(saved).toMatchObject(refusal);
        expect(desktop.opened).toHaveLength(1);
        expect(readdirSync(scratch)).toEqual(inScratch);
        expect(suggested).toEqual([]);
        expect(existsSync(desktop.saveLocation)).toBe(false);
      },
    );

    it.each(craftedTypes)('%s is not served to the window', async (_label, mimeType) => {
      const { core, attachment } = await coreWithTextFile();
      craft(core, 'UPDATE blobs SET mime_type = ? WHERE sha256 = ?', mimeType, attachment.sha256);
      expect(core.fileLocation(`/files/${attachment.sha256}`)).toEqual({ found: false });
      expect(core.fileResponse(`/files/${attachment.sha256}`).status).toBe(404);
    });

    it('a known type is still served as it was', async () => {
      const { core, attachment } = await coreWithTextFile();
      const response = core.fileResponse(`/files/${attachment.sha256}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain');
      await response.body?.cancel();
    });
  });
});
