import type { Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupKeys } from '../../electron/core/backups/encryption/backup-keys';
import { memoryLogger } from '../../electron/core/logger';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

// scrypt's floor, through the one place its cost can be lowered.
const cheap = { N: 2 ** 14, r: 8, p: 1 };

async function openBackups(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
}

test('the backup folder line says Encrypted when a chosen folder gets sealed snapshots, and the folder holds no client in clear', async ({
  app,
  scratch,
}) => {
  const page = app.page;
  const created = await app.core.dispatch('contacts.create', {
    name: 'Zelda Quistgaard',
    email: 'zelda.quistgaard@example.org',
  });
  if (!created.ok) throw new Error(created.error.message);
  // Encryption on, the password remembered on this computer (what Settings › Backups does).
  await backupKeys(app.dataDir, app.desktop, memoryLogger(), cheap).turnOn('correct horse battery', true);

  await openBackups(page);
  const status = page.getByRole('region', { name: 'Backup status' });
  await expect(status.getByText('Encrypted', { exact: true })).toHaveCount(0);
  app.desktop.folder = scratch;
  await status.getByRole('button', { name: 'Change folder…' }).click();
  // The first snapshot there is copied, checked and sealed before the folder changes.
  await expect(status).toContainText(join(scratch, 'Rolodesk Backups'), { timeout: 30_000 });
  await expect(status.getByText('Encrypted', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: /Backup history/ }).getByRole('listitem')).toContainText('Verified');

  const files = readdirSync(scratch, { recursive: true, encoding: 'utf8' })
    .map((name) => join(scratch, name))
    .filter((path) => statSync(path).isFile());
  expect(files.filter((path) => readFileSync(path).includes('zelda.quistgaard@example.org'))).toEqual([]);

  await page.mouse.move(0, 0);
  await app.screenshot('backups-encrypted-folder');
  await page.setViewportSize({ width: 600, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
    0,
  );
  await app.screenshot('backups-encrypted-folder-narrow');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A change after that snapshot; then the key is closed, as after a restart without a remembered password.
  const later = await app.core.dispatch('contacts.create', { name: 'Carla Dias', email: 'carla@example.org' });
  if (!later.ok) throw new Error(later.error.message);
  await app.core.dispatch('backupEncryption.forget', {});

  // Restoring the sealed snapshot asks for its password in the dialog, says a wrong one there, restores with the right one.
  await page
    .getByRole('list', { name: /Backup history/ })
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: /^Restore the backup of/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore backup' }).click();
  const asking = page.getByRole('dialog', { name: 'This backup is encrypted' });
  await expect(asking).toContainText('Type the backup password to restore the backup of');
  await asking.getByLabel('Backup password').fill('not the password');
  await asking.getByRole('button', { name: 'Restore backup' }).click();
  await expect(asking).toContainText('That password does not open this backup', { timeout: 30_000 });
  await expect(asking.getByLabel('Backup password')).toBeFocused();
  await app.screenshot('backups-encrypted-snapshot-password');
  expect(app.core.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(2);
  await asking.getByLabel('Backup password').fill('correct horse battery');
  await asking.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Backup restored', {
    timeout: 60_000,
  });
  expect(app.core.db.prepare('SELECT name FROM contacts').pluck().all()).toEqual(['Zelda Quistgaard']);

  // Closed again: a backup to the folder waits, and the Encryption card is where the password is typed to go on.
  await app.core.dispatch('backupEncryption.forget', {});
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backups to this folder are encrypted').first()).toBeVisible({ timeout: 30_000 });
  const card = page.getByRole('region', { name: 'Encryption' });
  await card.getByRole('button', { name: 'Type the password…' }).click();
  const typing = page.getByRole('dialog', { name: 'Type your backup password' });
  await typing.getByLabel('Backup password').fill('correct horse battery');
  await app.screenshot('backups-encryption-type-password');
  await typing.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'The backup password is open for this session',
    { timeout: 30_000 },
  );
  await expect(card.getByRole('button', { name: 'Type the password…' })).toHaveCount(0);
  // The failure banner's own Back up now goes on, and the banner goes once the backup is verified.
  const failed = page.getByRole('alert', { name: 'The last backup failed' });
  const before = (await app.core.dispatch('backups.list', {})) as { ok: true; data: { snapshots: unknown[] } };
  await failed.getByRole('button', { name: 'Back up now' }).click();
  await expect
    .poll(
      async () =>
        ((await app.core.dispatch('backups.list', {})) as { ok: true; data: { snapshots: unknown[] } }).data.snapshots
          .length,
      { timeout: 30_000 },
    )
    .toBe(before.data.snapshots.length + 1);
  await expect(failed).toHaveCount(0, { timeout: 30_000 });
});
