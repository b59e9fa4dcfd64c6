import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { migrations } from '../../electron/core/db/migrations';
import { migrationWords } from '../../electron/core/updates/migration-words';
import { call } from '../support/crm';
import { createDatabaseAt } from '../support/old-database';
import { expect, test } from './app';

async function openUpdateSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Updates' }).click();
  return page.getByRole('checkbox', { name: 'Check for updates automatically' });
}

test.describe('automatic updates', () => {
  test('turning off "Check for updates automatically" is kept across a relaunch', async ({ app }) => {
    const { page } = app;
    const checkbox = await openUpdateSettings(page);
    await expect(checkbox).toBeChecked();
    await checkbox.uncheck();
    await expect(page.getByText('Settings saved')).toBeVisible();
    await expect(
      page.getByText('Rolodesk looks only when you choose Check for Updates… in the Help menu.'),
    ).toBeVisible();
    await app.screenshot('updates-settings-off');
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('updates-settings-off-700');
    await page.setViewportSize({ width: 1280, height: 800 });

    await app.relaunch();
    await expect(await openUpdateSettings(page)).not.toBeChecked();
  });

  test('a downloaded update is offered quietly; "Restart to update" backs up first, then restarts', async ({ app }) => {
    const { page } = app;
    await app.emit('updates.ready', { version: '0.2.0' });
    const notice = page.getByRole('status').filter({ hasText: 'Rolodesk 0.2.0 is ready' });
    await expect(notice).toBeVisible();
    await app.screenshot('updates-ready-1280');
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('updates-ready-700');
    await page.setViewportSize({ width: 1280, height: 800 });

    await notice.getByRole('button', { name: 'Restart to update' }).click();
    await expect.poll(() => app.desktop.restartsToUpdate).toBe(1);
    const snapshots = await app.core.backups.list();
    expect(snapshots.filter((snapshot) => snapshot.reason === 'before update')).toEqual([
      expect.objectContaining({ verified: true }),
    ]);
  });
  test('typing not saved yet is asked about before restarting; Keep editing restarts nothing', async ({ app }) => {
    const { page } = app;
    await call(app.core, 'contacts.create', { name: 'Anna Berg' });
    await page.reload();
    await page
      .getByRole('grid', { name: 'Contacts' })
      .getByRole('row', { name: /Anna Berg/ })
      .click();
    const panel = page.getByRole('complementary', { name: 'Contact details' });
    await panel.getByLabel('Notes').fill('Typed, not saved');
    await app.emit('updates.ready', { version: '0.2.0' });
    await page.getByRole('button', { name: 'Restart to update' }).click();
    const question = page.getByRole('dialog', { name: 'Save your changes to “Anna Berg”?' });
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expect(panel.getByLabel('Notes')).toHaveValue('Typed, not saved');
    expect(app.desktop.restartsToUpdate).toBe(0);
    expect(await app.core.backups.list()).toEqual([]);
  });
});

test.describe('the first start after an update that changed how the data is stored', () => {
  // A data folder as an older Rolodesk left it: two migrations behind.
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter, which must be an object pattern; this one needs none.
    dataDir: async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'rolodesk-e2e-older-'));
      createDatabaseAt(join(dir, 'crm.db'), migrations, migrations.length - 2).close();
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  });

  test('says once what changed and where the snapshot from before is', async ({ app }) => {
    const { page } = app;
    const notice = page.getByRole('status').filter({ hasText: 'Rolodesk was updated to' });
    await expect(notice).toBeVisible();
    const last = migrations.at(-1)!.version;
    await expect(notice).toContainText(
      `Your data was brought up to date: ${migrationWords[last - 1]}; and ${migrationWords[last]}.`,
    );
    await expect(notice).toContainText('A snapshot from before the update is in Backups.');
    await app.screenshot('updated-notice-1280');
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('updated-notice-700');
    await page.setViewportSize({ width: 1280, height: 800 });

    await notice.getByRole('button', { name: 'Show backups' }).click();
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();

    await app.relaunch();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Rolodesk was updated to')).toHaveCount(0);
  });
});
