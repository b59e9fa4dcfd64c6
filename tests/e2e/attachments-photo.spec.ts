import type { Locator, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const rowOf = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });
// Avatars are decorative (the name is written beside them), so they are found by their place, not by a role.
const panelAvatar = (page: Page) => panel(page).locator('header .avatar');
const rowAvatar = (page: Page, name: string) => rowOf(page, name).locator('.avatar');

/** The width and height of the picture an avatar shows, once it has loaded. */
function loadedSize(avatar: Locator) {
  return avatar
    .locator('img')
    .evaluate((image: HTMLImageElement) => (image.complete ? [image.naturalWidth, image.naturalHeight] : [0, 0]));
}

/**
 * A picture as a camera would give it: drawn by Chromium at full size, with
 * fine grain so it compresses like a photo, encoded as PNG or JPEG.
 */
async function cameraPicture(
  page: Page,
  width: number,
  height: number,
  type: 'image/png' | 'image/jpeg',
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d')!;
      const sky = g.createLinearGradient(0, 0, 0, height);
      sky.addColorStop(0, '#f3c89b');
      sky.addColorStop(1, '#6d8fc7');
      g.fillStyle = sky;
      g.fillRect(0, 0, width, height);
      // A face-like shape in the middle, so the square crop visibly keeps the centre.
      g.fillStyle = '#3b2f2a';
      g.beginPath();
      g.arc(width / 2, height * 0.42, Math.min(width, height) * 0.22, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#e9b48f';
      g.beginPath();
      g.arc(width / 2, height * 0.45, Math.min(width, height) * 0.17, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#2f4f7f';
      g.fillRect(width / 2 - Math.min(width, height) * 0.3, height * 0.66, Math.min(width, height) * 0.6, height);
      const pixels = g.getImageData(0, 0, width, height);
      let seed = 7;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const grain = (seed % 17) - 8;
        for (let channel = i; channel < i + 3; channel++) pixels.data[channel] = pixels.data[channel]! + grain;
      }
      g.putImageData(pixels, 0, 0);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.95 })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height, type },
  );
  return Buffer.from(base64, 'base64');
}

/** Add photo / Change photo → the system's file chooser → this file. */
async function choosePhoto(
  page: Page,
  button: 'Add photo' | 'Change photo',
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await panel(page).getByRole('button', { name: button, exact: true }).click();
  const picked = await chooser;
  expect(picked.isMultiple()).toBe(false);
  await picked.setFiles(file);
}

function photoOf(app: RolodeskApp, name: string): string | null {
  return app.core.db.prepare('SELECT photo_sha256 FROM contacts WHERE name = ?').pluck().get(name) as string | null;
}

function blobOf(app: RolodeskApp, sha256: string) {
  return app.core.db.prepare('SELECT mime_type, size FROM blobs WHERE sha256 = ?').get(sha256) as
    { mime_type: string; size: number } | undefined;
}

const storedPath = (app: RolodeskApp, sha256: string) => join(app.dataDir, 'attachments', sha256.slice(0, 2), sha256);

test.describe('contact photos', () => {
  test('a large photo is squared and shrunk before it is stored, and shows in the list and the record; removing it brings the initials back', async ({
    app,
  }) => {
    const page = app.page;
    for (const person of [
      { name: 'Anna Berg', email: 'anna.berg@northwind.example', company: 'Northwind Traders' },
      { name: 'Bruno Costa', email: 'bruno@contoso.example', company: 'Contoso' },
      { name: 'Chloé Dubois', email: 'chloe.dubois@fabrikam.example', company: 'Fabrikam' },
    ]) {
      expect((await app.core.dispatch('contacts.create', person)).ok).toBe(true);
    }
    await page.reload();
    await rowOf(page, 'Anna Berg').click();
    await expect(panelAvatar(page)).toHaveText('AB');
    await expect(panel(page).getByRole('button', { name: 'Remove photo' })).toHaveCount(0);

    const original = await cameraPicture(page, 1500, 1500, 'image/png');
    expect(original.length).toBeGreaterThan(1024 * 1024);
    await choosePhoto(page, 'Add photo', { name: 'anna-portrait.png', mimeType: 'image/png', buffer: original });

    await expect(page.getByRole('status')).toContainText('Photo added');
    await expect(panel(page).getByRole('button', { name: 'Change photo', exact: true })).toBeVisible();
    await expect.poll(() => loadedSize(panelAvatar(page))).toEqual([512, 512]);
    // The list row follows without a reload.
    await expect.poll(() => loadedSize(rowAvatar(page, 'Anna Berg'))).toEqual([512, 512]);
    await expect(rowAvatar(page, 'Bruno Costa')).toHaveText('BC');

    const sha = photoOf(app, 'Anna Berg');
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const stored = blobOf(app, sha!)!;
    expect(stored.mime_type).toBe('image/jpeg');
    expect(stored.size).toBeLessThan(original.length / 10);
    // A photo is not an attachment: the files list stays empty.
    expect(app.core.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    await app.screenshot('photo-in-panel');

    await panel(page).getByRole('button', { name: 'Close' }).click();
    await expect(panel(page)).toHaveCount(0);
    await app.screenshot('photo-in-list');

    // Still there after quitting and starting again.
    await app.relaunch();
    await expect.poll(() => loadedSize(rowAvatar(page, 'Anna Berg'))).toEqual([512, 512]);

    await rowOf(page, 'Anna Berg').click();
    // A removed photo has no trash: Rolodesk's native dialog asks, and "no" keeps it, quietly.
    app.desktop.confirmAnswer = false;
    await panel(page).getByRole('button', { name: 'Remove photo' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({ message: 'Remove the photo of Anna Berg?' });
    await expect(panel(page).getByRole('alert')).toHaveCount(0);
    await expect(panel(page).getByRole('button', { name: 'Change photo', exact: true })).toBeVisible();
    expect(photoOf(app, 'Anna Berg')).toBe(sha);
    expect(existsSync(storedPath(app, sha!))).toBe(true);

    app.desktop.confirmAnswer = true;
    await panel(page).getByRole('button', { name: 'Remove photo' }).click();
    await expect(page.getByRole('status')).toContainText('Photo removed');
    await expect(panelAvatar(page)).toHaveText('AB');
    await expect(rowAvatar(page, 'Anna Berg')).toHaveText('AB');
    await expect(panel(page).getByRole('button', { name: 'Add photo', exact: true })).toBeVisible();
    expect(photoOf(app, 'Anna Berg')).toBeNull();
    // Nothing else used those bytes, so they are gone from the database and the disk.
    expect(blobOf(app, sha!)).toBeUndefined();
    await expect.poll(() => existsSync(storedPath(app, sha!))).toBe(false);
  });

  test('changing the photo keeps the centre of a wide picture, never enlarges a small one, and lets the old one go', async ({
    app,
  }) => {
    const page = app.page;
    expect((await app.core.dispatch('contacts.create', { name: 'Dmitri Ivanov', company: 'Litware' })).ok).toBe(true);
    await page.reload();
    await rowOf(page, 'Dmitri Ivanov').click();

    await choosePhoto(page, 'Add photo', {
      name: 'first.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraPicture(page, 900, 700, 'image/jpeg'),
    });
    await expect.poll(() => loadedSize(panelAvatar(page))).toEqual([512, 512]);
    const first = photoOf(app, 'Dmitri Ivanov')!;

    await choosePhoto(page, 'Change photo', {
      name: 'small.png',
      mimeType: 'image/png',
      buffer: await cameraPicture(page, 300, 200, 'image/png'),
    });
    await expect(page.getByRole('status')).toContainText('Photo changed');
    await expect.poll(() => loadedSize(panelAvatar(page))).toEqual([200, 200]);
    expect(photoOf(app, 'Dmitri Ivanov')).not.toBe(first);
    expect(blobOf(app, first)).toBeUndefined();
    await expect.poll(() => existsSync(storedPath(app, first))).toBe(false);
  });

  test('a file that is not a picture is refused as a photo, in plain words, and the initials stay', async ({ app }) => {
    const page = app.page;
    expect((await app.core.dispatch('contacts.create', { name: 'Emma Fischer' })).ok).toBe(true);
    await page.reload();
    await rowOf(page, 'Emma Fischer').click();

    await choosePhoto(page, 'Add photo', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Not a picture.\n'),
    });
    await expect(panel(page).getByRole('alert')).toHaveText(
      'A photo must be a PNG, JPEG, GIF or WebP image; “notes.txt” is not one.',
    );

    // Named and typed like a PNG, but the bytes are not a picture at all.
    await choosePhoto(page, 'Add photo', {
      name: 'broken.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a PNG'),
    });
    await expect(panel(page).getByRole('alert')).toContainText('“broken.png” could not be read as a picture');
    await expect(panelAvatar(page)).toHaveText('EF');
    expect(photoOf(app, 'Emma Fischer')).toBeNull();
    expect(app.core.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
  });
});
