import type { Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type RolodeskApp } from './app';

// Times are written in the user's locale; pin it so the words are predictable.
test.use({ locale: 'en-US' });

/** Flips bytes across the middle of a file, as a failing disk or a bad sector would (as in the core's recovery test). */
function damage(file: string): void {
  const bytes = readFileSync(file);
  for (let at = 4096; at < bytes.length - 100; at += 1024) bytes.writeUInt8(bytes.readUInt8(at) ^ 0xa5, at);
  writeFileSync(file, bytes);
}

/** Enough clients that the database spans many pages, so the damage hits its tables. */
async function createClients(app: RolodeskApp, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const reply = await app.core.dispatch('contacts.create', {
      name: `Client ${String(i).padStart(3, '0')}`,
      company: 'Northwind Traders',
    });
    if (!reply.ok) throw new Error(reply.error.message);
  }
}

/** Quits, damages crm.db on disk, starts again: what a user meets after a bad sector. */
async function relaunchDamaged(app: RolodeskApp): Promise<void> {
  await app.quit();
  damage(join(app.dataDir, 'crm.db'));
  await app.launch();
}

const recoveryScreen = (page: Page) => page.getByRole('main', { name: 'Let’s get your data back' });
const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });
const damagedFolders = (app: RolodeskApp) => readdirSync(app.dataDir).filter((name) => name.startsWith('damaged-'));

test.describe('recovery from a damaged database', () => {
  test('the recovery screen explains, copies the error details, and the newest backup brings the contacts back', async ({
    app,
  }) => {
    const page = app.page;
    await createClients(app, 300);
    const snapshot = await app.core.dispatch('backups.create', {});
    expect(snapshot.ok).toBe(true);
    await relaunchDamaged(app);

    const screen = recoveryScreen(page);
    await expect(screen).toBeVisible();
    await expect(screen).toContainText('Rolodesk found a problem with its database file. Your backups are safe.');
    const [movedTo] = damagedFolders(app);
    await expect(screen).toContainText(
      `The damaged file was kept in ${join(app.dataDir, movedTo!)}, so nothing has been deleted.`,
    );
    // The whole window: no sections to wander into, where nothing could load.
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    const newest = screen.getByRole('region', { name: 'Newest verified backup' });
    await expect(newest).toContainText('300 contacts');
    await expect(newest).toContainText('Verified');
    // There is a good backup, so starting empty is not offered; nothing here deletes data.
    await expect(screen.getByRole('button', { name: 'Start with empty data' })).toHaveCount(0);
    await expect(screen.getByRole('button', { name: /delete/i })).toHaveCount(0);

    await screen.getByRole('button', { name: 'Copy error details' }).click();
    await expect(toasts(page)).toContainText('Copied');
    expect(app.desktop.copied[0]).toContain('damaged');
    await screen.getByRole('button', { name: 'Open backups folder' }).click();
    await expect.poll(() => app.desktop.opened).toEqual([join(app.dataDir, 'backups')]);
    await app.screenshot('recovery-screen');

    await newest.getByRole('button', { name: 'Restore the newest backup' }).click();
    await expect(toasts(page)).toContainText('Backup restored');
    // The window starts afresh on the restored data, on the Dashboard as any start with data does.
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
    await expect(page.getByText('300 contacts')).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: /Client 000/ })).toBeVisible();
    await expect(recoveryScreen(page)).toHaveCount(0);
    // The damaged file is still where the screen said it was.
    expect(existsSync(join(app.dataDir, movedTo!, 'crm.db'))).toBe(true);
  });

  test('with no backup, Start with empty data asks first, keeps the damaged file, and opens an empty Rolodesk', async ({
    app,
  }) => {
    const page = app.page;
    await createClients(app, 300);
    await relaunchDamaged(app);

    const screen = recoveryScreen(page);
    await expect(screen.getByRole('region', { name: 'No verified backup was found' })).toBeVisible();
    // Nothing promises a backup that is not there: not the screen, not a message.
    await expect(page.getByText(/backups are safe|restore the newest/i)).toHaveCount(0);
    await expect(screen.getByRole('button', { name: 'Choose a backup file…' })).toBeVisible();
    await app.screenshot('recovery-no-backup');

    await screen.getByRole('button', { name: 'Start with empty data' }).click();
    const confirm = page.getByRole('dialog', { name: 'Start with empty data?' });
    await expect(confirm).toContainText('The damaged file stays where it is');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(screen).toBeVisible();

    await screen.getByRole('button', { name: 'Start with empty data' }).click();
    await page
      .getByRole('dialog', { name: 'Start with empty data?' })
      .getByRole('button', { name: 'Start with empty data' })
      .click();
    await expect(page.getByText('No contacts yet')).toBeVisible();
    await expect(recoveryScreen(page)).toHaveCount(0);
    expect(damagedFolders(app)).toHaveLength(1);
  });

  test('a backup file can be chosen from the recovery screen; cancelling the file dialog leaves the screen as it was', async ({
    app,
  }) => {
    const page = app.page;
    await createClients(app, 300);
    await relaunchDamaged(app);
    const screen = recoveryScreen(page);
    app.desktop.backupFile = undefined;
    await screen.getByRole('button', { name: 'Choose a backup file…' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(screen).toBeVisible();
  });

  test('damage found while Rolodesk runs brings up the recovery screen at once', async ({ app }) => {
    const page = app.page;
    await createClients(app, 3);
    await app.core.dispatch('backups.create', {});
    await page.reload();
    await expect(page.getByText('3 contacts')).toBeVisible();
    await app.emit('data.damaged', {});
    await expect(recoveryScreen(page)).toBeVisible();
    await recoveryScreen(page).getByRole('button', { name: 'Restore the newest backup' }).click();
    await expect(page.getByText('3 contacts')).toBeVisible();
  });
});
