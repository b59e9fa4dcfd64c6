import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/schemas/attachment';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { docx, samples, zipWithProgram } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import type { Core } from '../core';
import { objectContaining, stringContaining, stringMatching } from '../../../tests/support/matchers';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function storedFiles(core: Core): string[] {
  return readdirSync(core.paths.attachments, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function rowCount(core: Core): { attachments: number; blobs: number } {
  return {
    attachments: core.db.prepare('SELECT count(*) FROM attachments').pluck().get() as number,
    blobs: core.db.prepare('SELECT count(*) FROM blobs').pluck().get() as number,
  };
}

async function added(core: Core, contactId: number, name: string, bytes: Buffer): Promise<Attachment> {
  const result = await upload(core, contactId, name, bytes);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

describe('attachments', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('stores a file under its sha256, then writes its row, and lists it on the record', async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);
    const attachment = await added(core, contactId, 'notes.txt', samples.text);
    const digest = sha(samples.text);
    expect(attachment).toMatchObject({
      record: { kind: 'contact', id: contactId },
      fileName: 'notes.txt',
      size: samples.text.length,
      mimeType: 'text/plain',
      sha256: digest,
      previewable: false,
    });
    const path = join(core.paths.attachments, digest.slice(0, 2), digest);
    expect(readFileSync(path).equals(samples.text)).toBe(true);
    expect(storedFiles(core)).toEqual([path]);
    const listed = await core.dispatch('attachments.list', { record: { kind: 'contact', id: contactId } });
    expect(listed).toEqual({ ok: true, data: { attachments: [attachment] } });
  });

  it('streams a file of many chunks and keeps it byte for byte', async () => {
    const core = await openCore(tempDir());
    const contactId = await createContact(core);
    const big = Buffer.concat([samples.pdf, Buffer.alloc(3 * 1024 * 1024 + 123, 0x41)]);
    const attachment = await added(core, contactId, 'Contract 2026.pdf', big);
    expect(attachment).toMatchObject({ size: big.length, mimeType: 'application/pdf', previewable: true });
    expect(
      readFileSync(join(core.paths.attachments, attachment.sha256.slice(0, 2), attachment.sha256)).equals(big),
    ).toBe(true);
  });

  it('keeps the same bytes once, and deletes the file only when no row uses it', async () => {
    const core = await openCore(tempDir());
    const anna = await createContact(core, 'Anna');
    const bob = await createContact(core, 'Bob');
    const first = await added(core, anna, 'card.png', samples.png);
    const second = await added(core, bob, 'same-card.png', samples.png);
    expect(storedFiles(core)).toHaveLength(1);
    expect(rowCount(core)).toEqual({ attachments: 2, blobs: 1 });

    await core.dispatch('attachments.remove', { id: first.id });
    expect(storedFiles(core)).toHaveLength(1);
    await core.dispatch('attachments.remove', { id: second.id });
    expect(storedFiles(core)).toEqual([]);
    expect(rowCount(core)).toEqual({ attachments: 0, blobs: 0 });
  });

  it.each([
    ['png', 'photo.png', samples.png, 'image/png'],
    ['jpeg', 'photo.JPG', samples.jpeg, 'image/jpeg'],
    ['gif', 'logo.gif', samples.gif, 'image/gif'],
    ['webp', 'photo.webp', samples.webp, 'image/webp'],
    ['pdf', 'quote.pdf', samples.pdf, 'application/pdf'],
    ['csv', 'leads.csv', samples.csv, 'text/csv'],
    ['vCard', 'anna.vcf', samples.vcard, 'text/vcard'],
    ['email', 'thread.eml', samples.eml, 'message/rfc822'],
    ['text without an extension', 'README', samples.text, 'text/plain'],
  ])('accepts %s, typed by its bytes', async (_kind, name, bytes, mimeType) => {
    const core = await openCore(tempDir());
    expect(await added(core, await createContact(core), name, bytes)).toMatchObject({ mimeType });
  });

  it('accepts a Word document (an Office file inside a ZIP container)', async () => {
    const core = await openCore(tempDir());
    const attachment = await added(core, await createContact(core), 'proposal.docx', await docx());
    expect(attachment.typeLabel).toBe('a Word document');
  });

  describe('refuses, with a message naming what the file really is, and stores nothing', () => {
    const refusals: Array<[string, string, () => Buffer | Promise<Buffer>, RegExp]> = [
      [
        'a Linux program named like a PDF',
        'invoice.pdf',
        () => samples.elf,
        /“invoice\.pdf” is really a Linux program \(ELF\)/,
      ],
      [
        'a Windows program named like a PNG',
        'photo.png',
        () => samples.exe,
        /“photo\.png” is really a Windows program \(EXE\)/,
      ],
      [
        'a PDF named like a PNG',
        'photo.png',
        () => samples.pdf,
        /named like a PNG image, but it is really a PDF document/,
      ],
      ['a script named like text', 'notes.txt', () => samples.script, /really a script/],
      ['a web page named like text', 'notes.txt', () => samples.html, /web page/],
      ['a ZIP archive carrying a program', 'documents.docx', zipWithProgram, /really a ZIP archive/],
      ['bytes of no known type', 'data.pdf', () => samples.binaryJunk, /type Rolodesk does not recognise/],
    ];
    it.each(refusals)('%s', async (_label, name, bytes, message) => {
      const core = await openCore(tempDir());
      const result = await upload(core, await createContact(core), name, await bytes());
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(message) },
      });
      expect(storedFiles(core)).toEqual([]);
      expect(rowCount(core)).toEqual({ attachments: 0, blobs: 0 });
    });

    it.each([
      'setup.exe',
      'run.bat',
      'install.ps1',
      'macro.js',
      'image.dmg',
      'disk.iso',
      'archive.zip',
      'page.html',
      'logo.svg',
    ])('%s by its name, before a byte is sent', async (name) => {
      const core = await openCore(tempDir());
      const result = await core.dispatch('attachments.start', {
        record: { kind: 'contact', id: await createContact(core) },
        fileName: name,
        size: 10,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringContaining(name) },
      });
      expect(storedFiles(core)).toEqual([]);
    });
  });

  describe('bad names, sizes and uploads get a clear error and change nothing', () => {
    it.each([
      ['a path going up', '../../etc/passwd'],
      ['a Windows path going up', '..\\..\\win.ini'],
      ['an absolute path', '/etc/passwd'],
      ['a Windows absolute path', 'C:\\Windows\\win.ini'],
      ['a NUL byte', 'report\u0000.pdf.exe'],
      ['the parent folder', '..'],
      ['10,000 characters', 'x'.repeat(10_000)],
    ])('a file name with %s', async (_label, fileName) => {
      const core = await openCore(tempDir());
      const result = await core.dispatch('attachments.start', {
        record: { kind: 'contact', id: await createContact(core) },
        fileName,
        size: 10,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: { fields: [objectContaining({ field: 'fileName' })] } },
      });
      expect(storedFiles(core)).toEqual([]);
    });

    it('a zero-byte file', async () => {
      const core = await openCore(tempDir());
      const result = await upload(core, await createContact(core), 'empty.txt', Buffer.alloc(0));
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(/empty \(0 bytes\)/) },
      });
    });

    it('a file over the size limit, which is a setting (default 25 MB)', async () => {
      const core = await openCore(tempDir());
      const contactId = await createContact(core);
      expect(await core.dispatch('settings.attachments.get', {})).toEqual({ ok: true, data: { maxFileMegabytes: 25 } });
      const tooBig = await core.dispatch('attachments.start', {
        record: { kind: 'contact', id: contactId },
        fileName: 'scan.pdf',
        size: 25 * 1024 * 1024 + 1,
      });
      expect(tooBig).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(/at most 25 MB/) },
      });
      await core.dispatch('settings.attachments.update', { maxFileMegabytes: 1 });
      const overNewLimit = await upload(
        core,
        contactId,
        'scan.pdf',
        Buffer.concat([samples.pdf, Buffer.alloc(1024 * 1024)]),
      );
      expect(overNewLimit).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(/at most 1 MB/) },
      });
      expect(storedFiles(core)).toEqual([]);
    });

    it('a file that arrives shorter or longer than it said', async () => {
      const core = await openCore(tempDir());
      const contactId = await createContact(core);
      const shorter = await upload(core, contactId, 'notes.txt', samples.text, samples.text.length + 10);
      expect(shorter).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(/Only part/) },
      });
      const longer = await upload(core, contactId, 'notes.txt', samples.text, samples.text.length - 10);
      expect(longer).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED', message: stringMatching(/grew/) },
      });
      expect(storedFiles(core)).toEqual([]);
      expect(rowCount(core)).toEqual({ attachments: 0, blobs: 0 });
    });

    it('a cancelled upload leaves no temp file, and the upload is gone afterwards', async () => {
      const core = await openCore(tempDir());
      const started = await core.dispatch('attachments.start', {
        record: { kind: 'contact', id: await createContact(core) },
        fileName: 'notes.txt',
        size: 100,
      });
      const { uploadId } = (started as { data: { uploadId: string } }).data;
      await core.dispatch('attachments.chunk', { uploadId, offset: 0, data: Buffer.from('hello').toString('base64') });
      expect(storedFiles(core)).toHaveLength(1);
      expect(await core.dispatch('attachments.cancel', { uploadId })).toEqual({ ok: true, data: { cancelled: true } });
      expect(storedFiles(core)).toEqual([]);
      expect(await core.dispatch('attachments.finish', { uploadId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it('a record that does not exist', async () => {
      const core = await openCore(tempDir());
      const result = await upload(core, 4242, 'notes.txt', samples.text);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(storedFiles(core)).toEqual([]);
    });
  });

  describe('serving files to the renderer', () => {
    it('answers only a well-formed fingerprint the database knows', async () => {
      const core = await openCore(tempDir());
      const attachment = await added(core, await createContact(core), 'photo.png', samples.png);
      const ok = core.fileResponse(`/files/${attachment.sha256}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('image/png');
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await ok.arrayBuffer()).equals(samples.png)).toBe(true);

      // A file on disk that the database does not know is still not served.
      mkdirSync(join(core.paths.attachments, 'aa'));
      writeFileSync(join(core.paths.attachments, 'aa', 'a'.repeat(64)), 'not in the database');
      for (const path of [
        '/files/../../crm.db',
        '/files/..%2F..%2Fcrm.db',
        `/files/${attachment.sha256.toUpperCase()}`,
        `/files/${attachment.sha256.slice(0, 63)}`,
        `/files/${attachment.sha256}/x`,
        `/files/${'a'.repeat(64)}`,
        `/files/${'0'.repeat(64)}`,
        '/files/',
        '/crm.db',
      ]) {
        expect({ path, status: core.fileResponse(path).status }).toEqual({ path, status: 404 });
      }
    });
  });

  describe('opening and saving a copy', () => {
    it('hands the system a checked copy named for what the file is', async () => {
      const desktop = recordingDesktop();
      const core = await openCore(tempDir(), { desktop });
      const attachment = await added(core, await createContact(core), 'Quote for Anna', samples.pdf);
      expect(await core.dispatch('attachments.open', { id: attachment.id })).toEqual({
        ok: true,
        data: { opened: true },
      });
      expect(desktop.opened).toHaveLength(1);
      expect(desktop.opened[0]).toMatch(/Quote for Anna\.pdf$/);
      expect(readFileSync(desktop.opened[0]!).equals(samples.pdf)).toBe(true);
    });

    it('refuses to open a stored file whose bytes changed on disk', async () => {
      const desktop = recordingDesktop();
      const core = await openCore(tempDir(), { desktop });
      const attachment = await added(core, await createContact(core), 'notes.txt', samples.text);
      const path = join(core.paths.attachments, attachment.sha256.slice(0, 2), attachment.sha256);
      writeFileSync(path, Buffer.from(samples.text.toString().replace('Anna', 'Evil')));
      expect(await core.dispatch('attachments.open', { id: attachment.id })).toMatchObject({
        ok: false,
        error: { code: 'STORAGE', message: stringMatching(/damaged/) },
      });
      expect(desktop.opened).toEqual([]);
    });

    it('saves a copy where the user chooses, and nothing when they cancel', async () => {
      const desktop = recordingDesktop();
      const core = await openCore(tempDir(), { desktop });
      const attachment = await added(core, await createContact(core), 'card.vcf', samples.vcard);
      expect(await core.dispatch('attachments.saveCopy', { id: attachment.id })).toEqual({
        ok: true,
        data: { saved: false },
      });
      desktop.saveLocation = join(tempDir(), 'Anna.vcf');
      expect(await core.dispatch('attachments.saveCopy', { id: attachment.id })).toEqual({
        ok: true,
        data: { saved: true },
      });
      expect(readFileSync(desktop.saveLocation).equals(samples.vcard)).toBe(true);
    });
  });

  describe('contact photo', () => {
    async function uploadPhoto(core: Core, contactId: number, name: string, bytes: Buffer) {
      const started = await core.dispatch('attachments.start', {
        record: { kind: 'contact', id: contactId },
        fileName: name,
        size: bytes.length,
      });
      const { uploadId } = (started as { data: { uploadId: string } }).data;
      await core.dispatch('attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
      return core.dispatch('contacts.setPhoto', { id: contactId, uploadId });
    }

    it('sets, replaces and removes a photo, deleting files no one uses', async () => {
      const core = await openCore(tempDir());
      const contactId = await createContact(core);
      const first = await uploadPhoto(core, contactId, 'anna.png', samples.png);
      expect(first).toMatchObject({ ok: true, data: { photo: sha(samples.png) } });
      const listed = await core.dispatch('contacts.list', {});
      expect(listed).toMatchObject({ ok: true, data: { rows: [{ photo: sha(samples.png) }] } });
      await uploadPhoto(core, contactId, 'anna.jpg', samples.jpeg);
      expect(storedFiles(core).map((path) => path.slice(-64))).toEqual([sha(samples.jpeg)]);
      expect(await core.dispatch('contacts.removePhoto', { id: contactId })).toMatchObject({
        ok: true,
        data: { photo: null },
      });
      expect(storedFiles(core)).toEqual([]);
    });

    it('must be an image', async () => {
      const core = await openCore(tempDir());
      const contactId = await createContact(core);
      expect(await uploadPhoto(core, contactId, 'anna.pdf', samples.pdf)).toMatchObject({
        ok: false,
        error: { code: 'FILE_REFUSED' },
      });
      expect(storedFiles(core)).toEqual([]);
    });
  });

  it('deleting a contact keeps its files while it is in the trash; deleting it for good deletes the files only it used', async () => {
    const core = await openCore(tempDir());
    const anna = await createContact(core, 'Anna');
    const bob = await createContact(core, 'Bob');
    await added(core, anna, 'shared.pdf', samples.pdf);
    await added(core, bob, 'shared.pdf', samples.pdf);
    await added(core, anna, 'own.txt', samples.text);
    const deleted = await core.dispatch('contacts.delete', { id: anna });
    if (!deleted.ok) throw new Error(deleted.error.message);
    expect(storedFiles(core)).toHaveLength(2);
    expect(rowCount(core)).toEqual({ attachments: 3, blobs: 2 });
    await core.dispatch('trash.deleteForever', { trashId: (deleted.data as { trashId: number }).trashId });
    expect(storedFiles(core).map((path) => path.slice(-64))).toEqual([sha(samples.pdf)]);
    expect(rowCount(core)).toEqual({ attachments: 1, blobs: 1 });
    expect(existsSync(join(core.paths.attachments, sha(samples.text).slice(0, 2), sha(samples.text)))).toBe(false);
  });
});

describe('upload chunks', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('refuses a chunk that is not base64, naming the field, and keeps the upload going', async () => {
    const core = await openCore(tempDir());
    const started = await core.dispatch('attachments.start', {
      record: { kind: 'contact', id: await createContact(core) },
      fileName: 'notes.txt',
      size: 5,
    });
    const { uploadId } = (started as { data: { uploadId: string } }).data;
    const garbled = await core.dispatch('attachments.chunk', { uploadId, offset: 0, data: 'aGVs!bG8=' });
    expect(garbled).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ field: 'data' }] } },
    });
    expect(await core.dispatch('attachments.chunk', { uploadId, offset: 0, data: 'aGVsbG8=' })).toEqual({
      ok: true,
      data: { received: 5 },
    });
    expect(await core.dispatch('attachments.finish', { uploadId })).toMatchObject({ ok: true, data: { size: 5 } });
  });
});
