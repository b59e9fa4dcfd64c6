import type { Page } from '@playwright/test';
import { call, count } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const viewChoice = (page: Page) => page.getByRole('combobox', { name: 'View' });

test.describe('saved views', () => {
  test('save the search and sort as a view, come back to it in one click, update it, delete it', async ({ app }) => {
    const page = app.page;
    for (const [name, company] of [
      ['Anna Berg', 'Northwind'],
      ['Bruno Costa', 'Contoso'],
      ['Nadia Silva', 'Northwind'],
      ['Oscar Jensen', 'Litware'],
    ] as const) {
      await call(app.core, 'contacts.create', { name, company });
    }
    await page.reload();
    await expect(viewChoice(page)).toHaveValue('');
    await expect(viewChoice(page).locator('option:checked')).toHaveText('All contacts');

    await search(page).fill('northwind');
    await expect(page.getByText('2 matches')).toBeVisible();
    await contactGrid(page).getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
    await expect(contactGrid(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');

    await page.getByRole('button', { name: 'Save view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this view' });
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByLabel('Name').fill('Northwind people');
    await app.screenshot('save-view');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await expect(page.getByRole('status')).toContainText('View “Northwind people” saved');
    expect(count(app.core, "SELECT count(*) FROM saved_views WHERE name = 'Northwind people'")).toBe(1);

    // Back to everything, then the view puts search and sort back.
    await viewChoice(page).selectOption({ label: 'All contacts' });
    await expect(search(page)).toHaveValue('');
    await expect(page.getByText('4 contacts')).toBeVisible();
    await viewChoice(page).selectOption({ label: 'Northwind people' });
    await expect(search(page)).toHaveValue('northwind');
    await expect(page.getByText('2 matches')).toBeVisible();
    await expect(contactGrid(page).locator('[role="row"][aria-rowindex="2"]')).toContainText('Nadia Silva');

    // A name already taken is refused in words.
    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByRole('dialog', { name: 'Save this view' }).getByLabel('Name').fill('Northwind people');
    await page.getByRole('dialog', { name: 'Save this view' }).getByRole('button', { name: 'Save view' }).click();
    await expect(page.getByRole('dialog', { name: 'Save this view' })).toContainText('There is already a view called “Northwind people”.');
    await page.getByRole('dialog', { name: 'Save this view' }).getByRole('button', { name: 'Cancel' }).click();

    // Changing the list offers to save the change into the view; it survives a restart.
    await search(page).fill('nadia');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status')).toContainText('View “Northwind people” saved');
    await app.relaunch();
    await viewChoice(page).selectOption({ label: 'Northwind people' });
    await expect(search(page)).toHaveValue('nadia');
    await expect(page.getByText('1 match')).toBeVisible();
    await app.screenshot('saved-view');

    await page.getByRole('button', { name: 'Delete view' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete view' }).click();
    await expect(page.getByRole('status')).toContainText('View “Northwind people” deleted');
    await expect(page.getByText('4 contacts')).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM saved_views')).toBe(0);
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(4);
  });
});
