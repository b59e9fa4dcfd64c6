import type { Page } from '@playwright/test';
import { call, count, danglingKeys } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Change the selected rows' });
const tick = (page: Page, name: string) => contactGrid(page).getByRole('checkbox', { name: `Select ${name}` });
const names = ['Anna Berg', 'Bruno Costa', 'Chloé Dubois', 'Dmitri Ivanov', 'Emma Fischer'];

test.describe('bulk changes', () => {
  test('tick rows (click, Shift-click, Space), change a field for all of them, and Undo puts every value back', async ({
    app,
  }) => {
    const page = app.page;
    const ids: number[] = [];
    for (const name of names) ids.push((await call(app.core, 'contacts.create', { name, company: 'Contoso' })).id);
    await page.reload();
    await expect(contactGrid(page).getByRole('row', { name: /Emma Fischer/ })).toBeVisible();
    await expect(bulkBar(page)).toHaveCount(0);

    await tick(page, 'Anna Berg').click();
    await tick(page, 'Chloé Dubois').click({ modifiers: ['Shift'] });
    await expect(bulkBar(page)).toContainText('3 contacts selected');
    // Space on a focused row ticks it too; Enter still opens it.
    await contactGrid(page)
      .getByRole('row', { name: /Emma Fischer/ })
      .focus();
    await page.keyboard.press('Space');
    await expect(tick(page, 'Emma Fischer')).toBeChecked();
    await expect(bulkBar(page)).toContainText('4 contacts selected');
    await app.screenshot('bulk-selected');

    await bulkBar(page).getByRole('button', { name: 'Change field…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change a field' });
    await dialog.getByLabel('Field').selectOption({ label: 'Company name' });
    await dialog.getByLabel('New value').fill('Northwind Traders');
    await app.screenshot('bulk-change-field');
    await dialog.getByRole('button', { name: 'Apply to 4 contacts' }).click();
    await expect(page.getByRole('status')).toContainText('4 contacts updated');
    await expect(bulkBar(page)).toHaveCount(0);
    expect(count(app.core, "SELECT count(*) FROM contacts WHERE company = 'Northwind Traders'")).toBe(4);
    await expect(contactGrid(page).getByRole('row', { name: /Anna Berg/ })).toContainText('Northwind Traders');

    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status')).toContainText('Undone');
    expect(count(app.core, "SELECT count(*) FROM contacts WHERE company = 'Contoso'")).toBe(5);
    await expect(contactGrid(page).getByRole('row', { name: /Anna Berg/ })).toContainText('Contoso');
  });

  test('add a tag (made on the spot) and remove it again; a wrong number is refused and changes nothing', async ({
    app,
  }) => {
    const page = app.page;
    for (const name of names) await call(app.core, 'contacts.create', { name });
    const score = await call(app.core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    await page.reload();

    await contactGrid(page).getByRole('checkbox', { name: 'Select all 5 contacts' }).check();
    await expect(bulkBar(page)).toContainText('All 5 contacts selected');

    await bulkBar(page).getByRole('button', { name: 'Add tag…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a tag' });
    await dialog.getByRole('button', { name: 'Apply to 5 contacts' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Type or choose a tag.');
    await dialog.getByLabel('Tag').fill('Newsletter');
    await dialog.getByRole('button', { name: 'Apply to 5 contacts' }).click();
    await expect(page.getByRole('status')).toContainText('5 contacts updated');
    expect(
      count(
        app.core,
        "SELECT count(*) FROM contact_tags JOIN tags ON tags.id = contact_tags.tag_id WHERE tags.name = 'Newsletter'",
      ),
    ).toBe(5);

    await contactGrid(page).getByRole('checkbox', { name: 'Select all 5 contacts' }).check();
    await bulkBar(page).getByRole('button', { name: 'Change field…' }).click();
    dialog = page.getByRole('dialog', { name: 'Change a field' });
    await dialog.getByLabel('Field').selectOption({ label: 'Score' });
    await dialog.getByLabel('New value').fill('lots');
    await dialog.getByRole('button', { name: 'Apply to 5 contacts' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Score must be a number.');
    expect(count(app.core, 'SELECT count(*) FROM contact_custom_values WHERE field_id = ?', score.id)).toBe(0);
    await dialog.getByLabel('New value').fill('42');
    await dialog.getByRole('button', { name: 'Apply to 5 contacts' }).click();
    await expect(page.getByRole('status')).toContainText('5 contacts updated');
    expect(count(app.core, 'SELECT count(*) FROM contact_custom_values WHERE field_id = ?', score.id)).toBe(5);

    await tick(page, 'Bruno Costa').click();
    await bulkBar(page).getByRole('button', { name: 'Remove tag…' }).click();
    dialog = page.getByRole('dialog', { name: 'Remove a tag' });
    await dialog.getByLabel('Tag').fill('No such tag');
    await dialog.getByRole('button', { name: 'Apply to 1 contact' }).click();
    await expect(dialog.getByRole('alert')).toContainText('No tag is called “No such tag”.');
    await dialog.getByLabel('Tag').fill('newsletter');
    await dialog.getByRole('button', { name: 'Apply to 1 contact' }).click();
    await expect(page.getByRole('status')).toContainText('1 contact updated');
    expect(
      count(
        app.core,
        "SELECT count(*) FROM contact_tags JOIN tags ON tags.id = contact_tags.tag_id WHERE tags.name = 'Newsletter'",
      ),
    ).toBe(4);
  });

  test('deleting ticked companies asks about their people, and Undo brings everything back', async ({ app }) => {
    const page = app.page;
    const acme = await call(app.core, 'companies.create', { name: 'Acme Ltd' });
    await call(app.core, 'companies.create', { name: 'Globex' });
    await call(app.core, 'contacts.create', { name: 'Anna Berg', companyId: acme.id });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click();
    const grid = page.getByRole('grid', { name: 'Companies' });
    await grid.getByRole('checkbox', { name: 'Select all 2 companies' }).check();
    await bulkBar(page).getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move to the trash' });
    await dialog.getByLabel('Their people').selectOption('trash');
    await app.screenshot('bulk-delete');
    await dialog.getByRole('button', { name: 'Move 2 companies to the trash' }).click();
    await expect(page.getByRole('status')).toContainText('2 companies moved to the trash');
    await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);

    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(grid.getByRole('row', { name: /Globex/ })).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND company_id = ?', acme.id)).toBe(
      1,
    );
    expect(danglingKeys(app.core)).toEqual([]);
  });
});
