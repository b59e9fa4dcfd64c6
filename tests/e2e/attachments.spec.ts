import type { Locator, Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samples } from '../support/sample-files';
import { expect, test as appTest, type RolodeskApp } from './app';
import { beforeCalls } from './before-calls';
import { recordAnswers, recordShown } from './page-watch';

// Sizes and dates are written in the user's locale; pin it so the words are predictable.
appTest.use({ locale: 'en-US' });

/** Real files on disk, as a user picks them, in a folder removed after the test. */
const test = appTest.extend<{ files: (name: string, bytes: Buffer) => string }>({
  files: async ({ scratch }, use) => {
    await use((name, bytes) => {
      const path = join(scratch, name);
      writeFileSync(path, bytes);
      return path;
    });
  },
});

const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const section = (page: Page) => panel(page).getByRole('region', { name: 'Attachments' });
const fileList = (page: Page) => section(page).getByRole('list');
const itemOf = (page: Page, fileName: string) => fileList(page).getByRole('listitem').filter({ hasText: fileName });

/** Creates a contact in the core and opens its record, as a user clicking its row. */
async function openNewContact(app: RolodeskApp, name: string): Promise<number> {
  const reply = await app.core.dispatch('contacts.create', {
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@northwind.example`,
    company: 'Northwind Traders',
  });
  if (!reply.ok) throw new Error(reply.error.message);
  await app.page.reload();
  await app.page
    .getByRole('grid', { name: 'Contacts' })
    .getByRole('row', { name: new RegExp(name) })
    .click();
  await expect(panel(app.page).getByRole('heading', { level: 2 })).toHaveText(name);
  return (reply.data as { id: number }).id;
}

/** Add files… → the system's file chooser → these files. */
async function addThroughChooser(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await section(page).getByRole('button', { name: 'Add files', exact: true }).click();
  const picked = await chooser;
  expect(picked.isMultiple()).toBe(true);
  await picked.setFiles(paths);
}

/** Waits until each file is listed as stored (it has its own Remove button), not merely uploading. */
async function expectListed(page: Page, fileNames: string[]): Promise<void> {
  for (const name of fileNames)
    await expect(section(page).getByRole('button', { name: `Remove ${name}`, exact: true })).toBeVisible();
  await expect(section(page).getByRole('progressbar')).toHaveCount(0);
}

/** File names of the attachment rows in the database. */
function storedNames(app: RolodeskApp): string[] {
  return app.core.db.prepare('SELECT file_name FROM attachments ORDER BY id').pluck().all() as string[];
}

/** Half-written uploads left in the attachments folder. */
function leftoverTemps(app: RolodeskApp): string[] {
  return readdirSync(join(app.dataDir, 'attachments')).filter((name) => name.startsWith('.tmp-'));
}

function storedPath(app: RolodeskApp, sha256: string): string {
  return join(app.dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Where Chromium's PDF viewer is with its document ("loading", "success", "failed"); undefined before it starts. */
function pdfViewerState(page: Page): Promise<string | undefined> {
  const viewerFrame = page.frames().find((frame) => frame.url().startsWith('chrome-extension://'));
  if (!viewerFrame) return Promise.resolve(undefined);
  // The viewer's own state: the page it draws is out of reach of the DOM (a plugin), so it is the nearest sign.
  return viewerFrame
    .evaluate(() => (window as unknown as { viewer?: { loadState_?: string } }).viewer?.loadState_)
    .catch(() => undefined);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "67 bytes", "14.2 KB", "8 MB": what the list shows, in en-US. */
function sizeText(bytes: number): string {
  const amount = (value: number) =>
    value < 10 ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value) : String(Math.round(value));
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${amount(bytes / 1024)} KB`;
  return `${amount(bytes / 1024 / 1024)} MB`;
}

/** A picture drawn by Chromium itself (a business card), encoded as PNG: real bytes, pleasant to look at in screenshots. */
async function drawnCard(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d')!;
      const background = g.createLinearGradient(0, 0, width, height);
      background.addColorStop(0, '#5b53d6');
      background.addColorStop(1, '#1a9c9c');
      g.fillStyle = background;
      g.fillRect(0, 0, width, height);
      g.fillStyle = 'rgba(255, 255, 255, 0.14)';
      g.beginPath();
      g.arc(width * 0.85, height * 0.2, height * 0.45, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#ffffff';
      g.font = `700 ${Math.round(height / 9)}px sans-serif`;
      g.fillText('Northwind Traders', width * 0.08, height * 0.42);
      g.font = `${Math.round(height / 16)}px sans-serif`;
      g.fillText('Anna Berg · Head of Purchasing', width * 0.08, height * 0.58);
      g.fillText('anna.berg@northwind.example', width * 0.08, height * 0.7);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { width, height },
  );
  return Buffer.from(base64, 'base64');
}

/** A one-page PDF with a line of text (PDFium rebuilds the missing cross-reference table, as viewers do). */
function onePagePdf(text: string): Buffer {
  const content = `BT /F1 28 Tf 48 200 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 420 297] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj',
      '4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      `5 0 obj << /Length ${content.length} >> stream`,
      content,
      'endstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  );
}

/** Drags files from "the desktop" onto an element and drops them; says whether the page claimed dragover and drop. */
async function dropFiles(
  target: Locator,
  files: Array<{ name: string; type: string; bytes: Buffer }>,
  beforeDrop?: () => Promise<void>,
) {
  const page = target.page();
  const dataTransfer = await page.evaluateHandle(
    (list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    },
    files.map((file) => ({ name: file.name, type: file.type, base64: file.bytes.toString('base64') })),
  );
  const fire = (type: string) =>
    target.evaluate(
      (element, [eventType, transfer]) => {
        const event = new DragEvent(eventType, {
          dataTransfer: transfer,
          bubbles: true,
          cancelable: true,
        });
        element.dispatchEvent(event);
        return event.defaultPrevented;
      },
      [type, dataTransfer] as const,
    );
  await fire('dragenter');
  const overClaimed = await fire('dragover');
  await beforeDrop?.();
  const dropClaimed = await fire('drop');
  return { overClaimed, dropClaimed };
}

test.describe('attachments on a contact', () => {
  test('two files added through Add files are listed with their names and sizes, and preview in the app', async ({
    app,
    files,
  }) => {
    const page = app.page;
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await openNewContact(app, 'Anna Berg');
    await expect(section(page)).toContainText('No files yet');

    const card = await drawnCard(page, 640, 360);
    const quote = onePagePdf('Quote 1042');
    await addThroughChooser(page, [files('business-card.png', card), files('quote-1042.pdf', quote)]);

    await expect(itemOf(page, 'business-card.png')).toContainText(sizeText(card.length));
    await expect(itemOf(page, 'business-card.png')).toContainText('PNG image');
    await expect(itemOf(page, 'quote-1042.pdf')).toContainText(`${quote.length} bytes`);
    await expect(itemOf(page, 'quote-1042.pdf')).toContainText('PDF document');
    await expect(fileList(page).getByRole('listitem')).toHaveCount(2);
    await expect(section(page).getByRole('heading', { name: /Attachments/ })).toContainText('2');
    expect(storedNames(app).sort()).toEqual(['business-card.png', 'quote-1042.pdf']);
    // Every button says which file it acts on.
    for (const name of ['Preview', 'Open', 'Save a copy of', 'Remove']) {
      await expect(section(page).getByRole('button', { name: `${name} business-card.png` })).toBeVisible();
    }
    await section(page).scrollIntoViewIfNeeded();
    await app.screenshot('attachments-panel');

    await section(page).getByRole('button', { name: 'Preview business-card.png' }).click();
    const preview = page.getByRole('dialog', { name: 'business-card.png' });
    await expect(preview).toBeVisible();
    const image = preview.getByRole('img', { name: 'business-card.png' });
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
      .toBe(640);
    await expect(preview.getByRole('button', { name: 'Close' })).toBeFocused();
    await app.screenshot('attachments-preview-image');
    await preview.getByRole('button', { name: 'Close' }).click();
    await expect(preview).toBeHidden();

    await section(page).getByRole('button', { name: 'Preview quote-1042.pdf' }).click();
    const pdfPreview = page.getByRole('dialog', { name: 'quote-1042.pdf' });
    const frame = pdfPreview.locator('iframe[title="Preview of quote-1042.pdf"]');
    await expect(frame).toBeVisible();
    await expect(frame).toHaveAttribute('src', /^files\/[0-9a-f]{64}(#.*)?$/);
    // Chromium's PDF viewer runs in an extension frame of its own inside ours, and draws once it has loaded the file.
    await expect.poll(() => pdfViewerState(page)).toBe('success');
    await app.screenshot('attachments-preview-pdf');
    await page.keyboard.press('Escape');
    await expect(pdfPreview).toBeHidden();
    // The record stays open: Escape closed only the preview.
    await expect(panel(page)).toBeVisible();
    expect(problems.filter((text) => /Content Security Policy|Refused/.test(text))).toEqual([]);
  });

  test('a program named invoice.pdf is refused with what it really is, and nothing is stored', async ({
    app,
    files,
  }) => {
    const page = app.page;
    await openNewContact(app, 'Anna Berg');
    await addThroughChooser(page, [files('invoice.pdf', samples.elf)]);

    const refused = itemOf(page, 'invoice.pdf');
    await expect(refused.getByRole('alert')).toContainText('really a Linux program (ELF)');
    await expect(refused.getByRole('button', { name: /Remove|Open|Preview/ })).toHaveCount(0);
    await app.screenshot('attachments-refused');
    expect(storedNames(app)).toEqual([]);
    expect(app.core.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    expect(leftoverTemps(app)).toEqual([]);

    await refused.getByRole('button', { name: 'Dismiss the message about invoice.pdf' }).click();
    await expect(section(page).getByRole('alert')).toHaveCount(0);
    await expect(section(page)).toContainText('No files yet');
  });

  test('a text file dragged onto the record panel is attached to that contact', async ({ app }) => {
    const page = app.page;
    const id = await openNewContact(app, 'Anna Berg');
    const notes = samples.text;

    const claimed = await dropFiles(
      panel(page),
      [{ name: 'call-notes.txt', type: 'text/plain', bytes: notes }],
      async () => {
        await expect(panel(page).getByText('Drop files to attach them to Anna Berg')).toBeVisible();
        await app.screenshot('attachments-drop-highlight');
      },
    );

    expect(claimed).toEqual({ overClaimed: true, dropClaimed: true });
    await expect(panel(page).getByText('Drop files to attach them to Anna Berg')).toBeHidden();
    await expect(itemOf(page, 'call-notes.txt')).toContainText(`${notes.length} bytes`);
    await expect(itemOf(page, 'call-notes.txt')).toContainText('Plain text file');
    // Not previewable in the app: it opens in the system's program instead.
    await expect(section(page).getByRole('button', { name: 'Preview call-notes.txt' })).toHaveCount(0);
    expect(app.core.db.prepare('SELECT contact_id, file_name FROM attachments').all()).toEqual([
      { contact_id: id, file_name: 'call-notes.txt' },
    ]);
  });

  test('Open hands the system a copy of the file; Save a copy… writes it where the user chose, or nowhere if they cancel', async ({
    app,
    files,
  }) => {
    const page = app.page;
    await openNewContact(app, 'Anna Berg');
    await addThroughChooser(page, [files('quote.pdf', samples.pdf)]);
    await expect(itemOf(page, 'quote.pdf')).toBeVisible();

    await section(page).getByRole('button', { name: 'Open quote.pdf' }).click();
    await expect(page.getByRole('status')).toContainText('Opened in your default app');
    expect(app.desktop.opened).toHaveLength(1);
    expect(readFileSync(app.desktop.opened[0]!)).toEqual(samples.pdf);

    const saveDir = mkdtempSync(join(tmpdir(), 'rolodesk-saved-'));
    try {
      const destination = join(saveDir, 'Quote for Anna.pdf');
      app.desktop.saveLocation = destination;
      await section(page).getByRole('button', { name: 'Save a copy of quote.pdf' }).click();
      await expect(page.getByRole('status')).toContainText('Saved a copy');
      await expect.poll(() => existsSync(destination)).toBe(true);
      expect(readFileSync(destination)).toEqual(samples.pdf);

      // Cancelling the Save dialog: no file, no message.
      app.desktop.saveLocation = undefined;
      const answered = await recordAnswers(page);
      const toastsShown = await recordShown(page, '[role="status"][aria-label="Notifications"] .toast > span');
      await section(page).getByRole('button', { name: 'Save a copy of quote.pdf' }).click();
      await expect.poll(answered).toContain('attachments.saveCopy');
      // A later message: once Open's shows, whatever the cancelled save caused has been drawn too.
      await section(page).getByRole('button', { name: 'Open quote.pdf' }).click();
      await expect.poll(toastsShown).toContain('Opened in your default app');
      expect(await toastsShown()).toEqual(['Opened in your default app']);
      await expect(section(page).getByRole('alert')).toHaveCount(0);
      expect(readdirSync(saveDir)).toEqual(['Quote for Anna.pdf']);
    } finally {
      rmSync(saveDir, { recursive: true, force: true });
    }
  });

  test('Remove is asked in Rolodesk’s own dialog, then the file is gone from the list, the database and the disk, also after relaunching', async ({
    app,
    files,
  }) => {
    const page = app.page;
    await openNewContact(app, 'Anna Berg');
    // The same bytes under two names: one stored file, two rows.
    await addThroughChooser(page, [
      files('quote.pdf', samples.pdf),
      files('quote (copy).pdf', samples.pdf),
      files('notes.txt', samples.text),
    ]);
    await expectListed(page, ['quote.pdf', 'quote (copy).pdf', 'notes.txt']);
    const pdfSha = app.core.db
      .prepare("SELECT sha256 FROM attachments WHERE file_name = 'quote.pdf'")
      .pluck()
      .get() as string;
    const textSha = app.core.db
      .prepare("SELECT sha256 FROM attachments WHERE file_name = 'notes.txt'")
      .pluck()
      .get() as string;

    // Files have no trash: the native dialog asks (the page does not ask again), and "no" keeps the file, quietly.
    app.desktop.confirmAnswer = false;
    await section(page).getByRole('button', { name: 'Remove notes.txt' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({
      message: 'Remove the file “notes.txt”?',
      detail: expect.stringContaining('do not go to the trash'),
    });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(section(page).getByRole('alert')).toHaveCount(0);
    await expect(itemOf(page, 'notes.txt')).toBeVisible();
    expect(storedNames(app)).toEqual(['quote.pdf', 'quote (copy).pdf', 'notes.txt']);
    expect(existsSync(storedPath(app, textSha))).toBe(true);

    app.desktop.confirmAnswer = true;
    await section(page).getByRole('button', { name: 'Remove notes.txt' }).click();
    await expect(itemOf(page, 'notes.txt')).toHaveCount(0);
    await expect(page.getByRole('status')).toContainText('File removed');
    await expect(section(page).getByRole('button', { name: 'Add files', exact: true })).toBeFocused();
    expect(storedNames(app)).toEqual(['quote.pdf', 'quote (copy).pdf']);
    await expect.poll(() => existsSync(storedPath(app, textSha))).toBe(false);

    // Another row still uses the PDF's bytes, so removing one keeps the file.
    await section(page).getByRole('button', { name: 'Remove quote (copy).pdf' }).click();
    await expect(itemOf(page, 'quote (copy).pdf')).toHaveCount(0);
    expect(existsSync(storedPath(app, pdfSha))).toBe(true);

    await app.relaunch();
    await page
      .getByRole('grid', { name: 'Contacts' })
      .getByRole('row', { name: /Anna Berg/ })
      .click();
    await expect(itemOf(page, 'quote.pdf')).toBeVisible();
    await expect(fileList(page).getByRole('listitem')).toHaveCount(1);
    expect(storedNames(app)).toEqual(['quote.pdf']);

    await section(page).getByRole('button', { name: 'Remove quote.pdf' }).click();
    await expect(section(page)).toContainText('No files yet');
    await expect.poll(() => existsSync(storedPath(app, pdfSha))).toBe(false);
    expect(app.core.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
  });

  test('a large file shows its progress while it uploads; Cancel stops another one and leaves nothing behind', async ({
    app,
    files,
  }) => {
    const page = app.page;
    await openNewContact(app, 'Anna Berg');
    const line = 'Quarterly review with Northwind Traders: volumes, prices, delivery dates.\n';
    const big = Buffer.from(line.repeat(Math.ceil((8 * 1024 * 1024) / line.length)).slice(0, 8 * 1024 * 1024));
    // Each 1 MB chunk takes a moment, as on a slow disk, so the progress can be watched.
    const called = beforeCalls(app, 'attachments.chunk', () => pause(250));

    await addThroughChooser(page, [files('annual-report.txt', big)]);
    const progress = section(page).getByRole('progressbar', { name: 'Uploading annual-report.txt' });
    await expect(progress).toBeVisible();
    await expect
      .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { intervals: [50] })
      .toBeGreaterThan(0);
    const midway = Number(await progress.getAttribute('aria-valuenow'));
    expect(midway).toBeLessThan(100);
    await app.screenshot('attachments-uploading');
    // The progress text ("5 MB of 8 MB") names the size too: the upload is done when its bar is gone.
    await expect(progress).toHaveCount(0, { timeout: 20_000 });
    await expect(itemOf(page, 'annual-report.txt')).toContainText('8 MB');
    expect(storedNames(app)).toEqual(['annual-report.txt']);

    await addThroughChooser(page, [files('second-report.txt', big)]);
    const second = section(page).getByRole('progressbar', { name: 'Uploading second-report.txt' });
    await expect
      .poll(async () => Number(await second.getAttribute('aria-valuenow')), { intervals: [50] })
      .toBeGreaterThan(0);
    await section(page).getByRole('button', { name: 'Cancel upload of second-report.txt' }).click();
    await expect(second).toHaveCount(0);
    await expect.poll(() => called.includes('attachments.cancel')).toBe(true);
    await expect.poll(() => leftoverTemps(app)).toEqual([]);
    // Uploads go one after another: once a later file is stored, the cancelled one's turn is over for good.
    await addThroughChooser(page, [files('minutes.txt', Buffer.from(line))]);
    await expectListed(page, ['minutes.txt']);
    const sinceCancel = called.slice(called.indexOf('attachments.cancel'));
    expect(sinceCancel.slice(0, sinceCancel.indexOf('attachments.start'))).not.toContain('attachments.finish');
    expect(called.filter((name) => name === 'attachments.finish')).toHaveLength(2);
    expect(storedNames(app)).toEqual(['annual-report.txt', 'minutes.txt']);
    await expect(fileList(page).getByRole('listitem')).toHaveCount(2);
  });

  test('with the limit set to 1 MB in Settings, a 2 MB file is refused and says so', async ({ app, files }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    const limit = page.getByLabel('Largest file to attach (MB)');
    await expect(limit).toHaveValue('25');

    await limit.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(limit).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Enter a whole number of megabytes from 1 to 200.')).toBeVisible();
    expect((await app.core.dispatch('settings.attachments.get', {})) as unknown).toMatchObject({
      ok: true,
      data: { maxFileMegabytes: 25 },
    });

    await limit.fill('1');
    await expect(limit).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toContainText('Settings saved');
    await app.screenshot('settings');
    expect((await app.core.dispatch('settings.attachments.get', {})) as unknown).toMatchObject({
      ok: true,
      data: { maxFileMegabytes: 1 },
    });

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    await openNewContact(app, 'Anna Berg');
    await addThroughChooser(page, [files('scan.txt', Buffer.alloc(2 * 1024 * 1024, 'scan '))]);
    await expect(itemOf(page, 'scan.txt').getByRole('alert')).toContainText('at most 1 MB');
    expect(storedNames(app)).toEqual([]);

    // The setting is kept.
    await app.relaunch();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByLabel('Largest file to attach (MB)')).toHaveValue('1');
  });

  test('a file deleted after it was picked says it could not be read, and the started upload is cancelled', async ({
    app,
    files,
  }) => {
    const page = app.page;
    await openNewContact(app, 'Anna Berg');
    const path = files('contract.pdf', samples.pdf);
    // The moment the app starts the upload, before it reads a byte, the file disappears (a sync tool moved it, say).
    const called = beforeCalls(app, 'attachments.start', () => unlinkSync(path));

    await addThroughChooser(page, [path]);

    await expect(itemOf(page, 'contract.pdf').getByRole('alert')).toHaveText(
      '“contract.pdf” could not be read — it may have been moved or deleted.',
    );
    expect(called).toContain('attachments.cancel');
    expect(called).not.toContain('attachments.finish');
    expect(leftoverTemps(app)).toEqual([]);
    expect(storedNames(app)).toEqual([]);
  });

  test('in a narrow window (600px) the record panel scrolls and its file rows wrap inside it', async ({
    app,
    files,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: 600, height: 800 });
    await openNewContact(app, 'Anna Berg');
    await addThroughChooser(page, [
      files('Northwind Traders – framework agreement 2025, signed by both parties.pdf', samples.pdf),
      files('business-card.png', await drawnCard(page, 640, 360)),
      files('notes.txt', samples.text),
    ]);
    await expectListed(page, ['business-card.png', 'notes.txt']);

    const remove = section(page).getByRole('button', { name: /^Remove Northwind/ });
    await remove.scrollIntoViewIfNeeded();
    await expect(remove).toBeInViewport();
    const panelBox = (await panel(page).boundingBox())!;
    for (const item of await fileList(page).getByRole('listitem').all()) {
      const box = (await item.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(panelBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await app.screenshot('attachments-narrow');
  });
});
