import type { Page } from '@playwright/test';
import { call, count } from '../support/crm';
import { expect, test } from './app';

test.use({ welcome: 'as on a new folder', locale: 'en-US' });

const welcome = (page: Page) => page.getByRole('dialog', { name: 'Welcome to Rolodesk' });
const choice = (page: Page, label: string) => welcome(page).getByRole('button', { name: new RegExp(`^${label}`) });
const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'You are exploring with sample data' });

async function open(page: Page, section: 'Contacts' | 'Deals' | 'Today' | 'Settings'): Promise<void> {
  await page.getByRole('complementary').getByRole('button', { name: section, exact: true }).click();
  await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible();
}

test.describe('Welcome', () => {
  test('a new folder welcomes with four labelled choices, reachable by keyboard; at 1280 and 760 wide', async ({
    app,
    page,
  }) => {
    await expect(welcome(page)).toBeVisible();
    await expect(welcome(page)).toContainText('Rolodesk keeps your contacts, companies, deals and to-dos in one place');
    // Focus starts on the first choice; Tab walks the four in order.
    const labels = ['Import contacts', 'Explore with sample data', 'Restore a backup', 'Start empty'];
    await expect(choice(page, labels[0]!)).toBeFocused();
    for (const label of labels.slice(1)) {
      await page.keyboard.press('Tab');
      await expect(choice(page, label)).toBeFocused();
    }
    await app.screenshot('welcome');
    await page.setViewportSize({ width: 760, height: 800 });
    await expect(choice(page, 'Start empty')).toBeInViewport();
    await app.screenshot('welcome-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Enter on the focused "Start empty": the welcome goes, the empty Contacts list is there, and nothing was added.
    await page.keyboard.press('Enter');
    await expect(welcome(page)).toBeHidden();
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts')).toBe(0);
    await app.relaunch();
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
    await expect(welcome(page)).toBeHidden();
  });

  test('closing it with Escape counts as answered: it is not shown again', async ({ app, page }) => {
    await expect(welcome(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(welcome(page)).toBeHidden();
    await app.relaunch();
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
    await expect(welcome(page)).toBeHidden();
  });

  test('Import contacts opens the import wizard for contacts', async ({ app }) => {
    const { page } = app;
    await choice(page, 'Import contacts').click();
    await expect(welcome(page)).toBeHidden();
    await expect(page.getByRole('dialog', { name: 'Import contacts' })).toBeVisible();
  });

  test('Restore a backup opens the list of backups to restore from', async ({ app }) => {
    const { page } = app;
    await choice(page, 'Restore a backup').click();
    await expect(welcome(page)).toBeHidden();
    await expect(page.getByRole('dialog', { name: 'Restore from a backup' })).toBeVisible();
  });

  test('a folder that already has records shows no welcome', async ({ app, page }) => {
    // Someone upgrading: records, but the welcome was never answered in this folder.
    await call(app.core, 'contacts.create', { name: 'Anna Berg' });
    await app.relaunch();
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
    await expect(
      page
        .getByRole('button', { name: /Anna Berg/ })
        .or(page.getByText('Anna Berg'))
        .first(),
    ).toBeVisible();
    await expect(welcome(page)).toBeHidden();
    expect(count(app.core, "SELECT count(*) FROM settings WHERE key = 'welcome.seen'")).toBe(0);
  });

  test('Explore with sample data: badged in Contacts, Deals and Today; removing it keeps a real contact made meanwhile', async ({
    app,
    page,
  }) => {
    await choice(page, 'Explore with sample data').click();
    await expect(welcome(page)).toBeHidden();
    await expect(banner(page)).toBeVisible();

    const contacts = page.getByRole('main', { name: 'Contacts' });
    await expect(
      contacts.getByRole('row').filter({ hasText: 'Agnieszka Wiśniewska' }).getByText('Sample', { exact: true }),
    ).toBeVisible();
    await app.screenshot('sample-data-contacts');
    // Accented names are found as typed without the accents.
    await contacts.getByPlaceholder('Search name, email, company…').fill('zoe muller');
    const zoe = contacts.getByRole('row').filter({ hasText: 'Zoë Müller' });
    await expect(zoe).toBeVisible();
    await expect(zoe.getByText('Sample', { exact: true })).toBeVisible();
    await contacts.getByPlaceholder('Search name, email, company…').fill('');
    await page.setViewportSize({ width: 760, height: 800 });
    await app.screenshot('sample-data-contacts-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // A real contact, made meanwhile and linked to a sample company: not badged, and it stays.
    const companyId = (await call(app.core, 'sampleData.status', {})).ids.company[0]!;
    await call(app.core, 'contacts.create', { name: 'Ruth Real', email: 'ruth@real.example', companyId });
    const ruth = contacts.getByRole('row').filter({ hasText: 'Ruth Real' });
    await expect(ruth).toBeVisible();
    await expect(ruth.getByText('Sample', { exact: true })).toHaveCount(0);

    await open(page, 'Deals');
    const deals = page.getByRole('main', { name: 'Deals' });
    await expect(deals.getByText('Website rebrand')).toBeVisible();
    await expect(
      deals.locator('[data-deal-id]').filter({ hasText: 'Website rebrand' }).getByText('Sample', { exact: true }),
    ).toBeVisible();
    await app.screenshot('sample-data-deals');

    await open(page, 'Today');
    const today = page.getByRole('main', { name: 'Today' });
    const task = today.getByRole('listitem').filter({ hasText: 'Send Zoë the revised timeline' });
    await expect(task).toBeVisible();
    await expect(task.getByText('Sample', { exact: true })).toBeVisible();
    await app.screenshot('sample-data-today');

    await banner(page).getByRole('button', { name: 'Remove sample data' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove sample data?' });
    await expect(confirm).toContainText('25 contacts, 6 companies, 8 deals');
    await app.screenshot('sample-data-remove-confirm');
    await confirm.getByRole('button', { name: 'Remove Sample Data' }).click();
    await expect(confirm).toBeHidden();
    await expect(banner(page)).toBeHidden();
    await expect(today.getByText('Send Zoë the revised timeline')).toBeHidden();

    await open(page, 'Contacts');
    await expect(contacts.getByRole('row').filter({ hasText: 'Ruth Real' })).toBeVisible();
    await expect(contacts.getByText('Zoë Müller')).toBeHidden();
    expect(app.core.db.prepare('SELECT name FROM contacts').pluck().all()).toEqual(['Ruth Real']);
    expect(count(app.core, 'SELECT count(*) FROM trash')).toBe(0);

    await app.relaunch();
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
    await expect(welcome(page)).toBeHidden();
  });

  test('Settings › Sample data adds it and removes it again', async ({ app, page }) => {
    await choice(page, 'Start empty').click();
    await open(page, 'Settings');
    await page.getByRole('tab', { name: 'Sample data' }).click();
    const card = page.getByRole('region', { name: 'Sample data' });
    await card.getByRole('button', { name: 'Add sample data' }).click();
    await expect(card).toContainText('25 contacts, 6 companies, 8 deals and 11 activities');
    await expect(banner(page)).toBeVisible();
    await app.screenshot('sample-data-settings');
    await card.getByRole('button', { name: 'Remove sample data' }).click();
    await page
      .getByRole('dialog', { name: 'Remove sample data?' })
      .getByRole('button', { name: 'Remove Sample Data' })
      .click();
    await expect(card.getByRole('button', { name: 'Add sample data' })).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts')).toBe(0);
  });
});
