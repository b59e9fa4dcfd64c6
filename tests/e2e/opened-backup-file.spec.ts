import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samples } from '../support/sample-files';
import { expect, test, type RolodeskApp } from './app';

// Times in the restored banner are written in the user's locale; pin it so the words are predictable.
test.use({ locale: 'en-US' });

const contactRow = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });
const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });
const askDialog = (page: Page, fileName: string) => page.getByRole('dialog', { name: `Restore from “${fileName}”?` });

async function ok(app: RolodeskApp, channel: string, input: unknown): Promise<unknown> {
  const reply = await app.core.dispatch(channel, input);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data;
}

/** Anna Berg exported to a backup file in the test's folder; Bruno Costa added after, so a restore takes him away. */
async function officeExportedThenChanged(app: RolodeskApp, scratch: string): Promise<string> {
  await ok(app, 'contacts.create', {
    name: 'Anna Berg',
    email: 'anna@northwind.example',
    company: 'Northwind Traders',
  });
  const file = join(scratch, 'Office backup.zip');
  app.desktop.saveLocation = file;
  expect(await ok(app, 'backups.export', {})).toEqual({ saved: true });
  await ok(app, 'contacts.create', { name: 'Bruno Costa', email: 'bruno@contoso.example', company: 'Contoso' });
  await app.page.reload();
  await expect(contactRow(app.page, 'Bruno Costa')).toBeVisible();
  return file;
}

test.describe('a backup file opened from outside Rolodesk (double-clicked)', () => {
  test('opens the restore dialog on that file while the window is open, and restores it after the same confirmation', async ({
    app,
    scratch,
  }) => {
    const { page } = app;
    const file = await officeExportedThenChanged(app, scratch);

    // What main does with a path from argv, second-instance or macOS's open-file.
    await app.core.host.openBackupFile(file);
    const ask = askDialog(page, 'Office backup.zip');
    await expect(ask).toBeVisible();
    await expect(ask).toContainText(
      'You opened this backup file. Rolodesk checks it, then saves your current data as a backup and replaces it with the data in the file. You can go back afterwards.',
    );
    await app.screenshot('opened-backup-file-ask');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('opened-backup-file-ask-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await ask.getByRole('button', { name: 'Restore backup' }).click();
    await expect(toasts(page)).toContainText('Backup restored');
    await expect(page.getByRole('status', { name: 'Backup restored' })).toContainText(
      'Your data was restored from the backup file “Office backup.zip”',
    );
    await expect(contactRow(page, 'Anna Berg')).toBeVisible();
    await expect(contactRow(page, 'Bruno Costa')).toHaveCount(0);
    await app.screenshot('opened-backup-file-restored');
  });

  test('a file opened before the window was ready is offered when it opens, once; Cancel changes nothing', async ({
    app,
    scratch,
  }) => {
    const { page } = app;
    const file = await officeExportedThenChanged(app, scratch);

    // macOS sends open-file before the app is ready; Windows names the file when it starts Rolodesk.
    await page.goto('about:blank');
    await app.core.host.openBackupFile(file);
    await page.goto(`${app.origin}/index.html`);
    const ask = askDialog(page, 'Office backup.zip');
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    // The window opened as the app chooses (the Dashboard); the data is untouched.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    await expect(contactRow(page, 'Bruno Costa')).toBeVisible();

    // Asked once: opening the window again does not ask again.
    await page.reload();
    await expect(contactRow(page, 'Bruno Costa')).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('a damaged file is refused in plain words and the data stays as it was', async ({ app, scratch }) => {
    const { page } = app;
    await ok(app, 'contacts.create', { name: 'Anna Berg', email: 'anna@northwind.example' });
    await page.reload();
    const file = join(scratch, 'Not really a backup.rolodesk-backup');
    writeFileSync(file, samples.pdf);

    await app.core.host.openBackupFile(file);
    await askDialog(page, 'Not really a backup.rolodesk-backup')
      .getByRole('button', { name: 'Restore backup' })
      .click();
    const failed = page.getByRole('dialog', { name: 'Nothing was restored' });
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('alert')).toHaveText(/^[A-Z][^\\/]*\.$/);
    await app.screenshot('opened-backup-file-damaged');
    await failed.getByRole('button', { name: 'Close' }).click();
    await expect(contactRow(page, 'Anna Berg')).toBeVisible();
  });
});
