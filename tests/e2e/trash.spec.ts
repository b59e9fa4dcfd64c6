import type { Page } from '@playwright/test';
import { call, count, smallCrm } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const deletedItems = (page: Page) => page.getByRole('list', { name: 'Deleted items' });
const entry = (page: Page, label: string) => deletedItems(page).getByRole('listitem', { name: label, exact: true });

async function openTrash(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Trash', level: 1 })).toBeVisible();
}

test.describe('the trash', () => {
  test('an empty trash says so and explains the 30 days', async ({ app }) => {
    const page = app.page;
    await openTrash(page);
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
    await expect(page.getByText(/They stay 30 days/)).toBeVisible();
    await app.screenshot('trash-empty');
  });

  test('deletes of every kind are listed newest first with what went with them; restore brings back the links; delete forever removes them for good', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await call(app.core, 'contacts.delete', { id: crm.carl.id });
    await call(app.core, 'deals.delete', { id: crm.pilot.id });
    await call(app.core, 'activities.delete', { id: crm.call1.id });
    // Acme's people go with it (Bob's note too, as it belonged to no one else).
    await call(app.core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    // Globex's people stay, taken off the company; a restore puts them back on it. Carl is in the trash, so add Dana.
    const dana = await call(app.core, 'contacts.create', { name: 'Dana White', companyId: crm.globex.id });
    await call(app.core, 'companies.delete', { id: crm.globex.id, contacts: 'detach' });
    expect(await call(app.core, 'contacts.get', { id: dana.id })).toMatchObject({ companyId: null });

    await openTrash(page);
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(5);
    const names = await deletedItems(page).locator('.trash-item__name').allInnerTexts();
    expect(names).toEqual(['Globex', 'Acme Ltd', 'Intro call', 'Globex pilot', 'Carl Grey']);
    await expect(entry(page, 'Acme Ltd')).toContainText('with 2 contacts and 1 activity');
    await expect(entry(page, 'Acme Ltd')).toContainText(/Deleted today at/);
    await expect(entry(page, 'Acme Ltd')).toContainText(/Kept until \w+ \d+, \d{4}/);
    await expect(entry(page, 'Globex pilot')).toContainText('Deal');
    await expect(page.getByText('5 items · each kept 30 days')).toBeVisible();
    await app.screenshot('trash');

    // The filter by kind.
    const show = page.getByRole('group', { name: 'Show' });
    await show.getByRole('button', { name: 'Companies' }).click();
    await expect(show.getByRole('button', { name: 'Companies' })).toHaveAttribute('aria-pressed', 'true');
    await expect(deletedItems(page).locator('.trash-item__name')).toHaveText(['Globex', 'Acme Ltd']);
    await show.getByRole('button', { name: 'Activities' }).click();
    await expect(deletedItems(page).locator('.trash-item__name')).toHaveText(['Intro call']);
    await show.getByRole('button', { name: 'All' }).click();
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(5);

    // Restore: Dana is back in Globex, and the toast opens the company.
    await entry(page, 'Globex').getByRole('button', { name: 'Restore Globex' }).click();
    await expect(entry(page, 'Globex')).toHaveCount(0);
    // Focus stays in the list, on the row that took its place.
    await expect(entry(page, 'Acme Ltd').getByRole('button', { name: 'Restore Acme Ltd' })).toBeFocused();
    expect(await call(app.core, 'contacts.get', { id: dana.id })).toMatchObject({ companyId: crm.globex.id });
    await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('complementary', { name: 'Company details' }).getByRole('heading', { level: 2 })).toHaveText('Globex');
    await expect(page.getByRole('complementary', { name: 'Company details' }).getByText('Dana White')).toBeVisible();

    // Restore by keyboard: Acme with its people and Bob's note.
    await openTrash(page);
    await entry(page, 'Acme Ltd').getByRole('button', { name: 'Restore Acme Ltd' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Restored “Acme Ltd”')).toBeVisible();
    expect(await call(app.core, 'contacts.get', { id: crm.anna.id })).toMatchObject({ companyId: crm.acme.id });
    expect(await call(app.core, 'activities.get', { id: crm.note.id })).toMatchObject({ contact: { id: crm.bob.id } });

    // An activity restored opens with its contact.
    await entry(page, 'Intro call').getByRole('button', { name: 'Restore Intro call' }).click();
    await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Open' }).last().click();
    await expect(page.getByRole('complementary', { name: 'Contact details' }).getByRole('heading', { level: 2 })).toHaveText('Anna Berg');

    // Delete forever asks first; Cancel keeps it.
    await openTrash(page);
    await entry(page, 'Carl Grey').getByRole('button', { name: 'Delete Carl Grey forever' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Carl Grey” forever?' });
    await expect(confirm).toContainText('will be gone for good');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(entry(page, 'Carl Grey')).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.carl.id)).toBe(1);

    await entry(page, 'Carl Grey').getByRole('button', { name: 'Delete Carl Grey forever' }).click();
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toBeHidden();
    await expect(entry(page, 'Carl Grey')).toHaveCount(0);
    await expect(page.getByText('Deleted “Carl Grey” for good')).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.carl.id)).toBe(0);
    expect(count(app.core, 'SELECT count(*) FROM trash')).toBe(1);

    // The database agrees after a restart.
    await app.relaunch();
    await openTrash(page);
    expect(await deletedItems(page).locator('.trash-item__name').allInnerTexts()).toEqual(['Globex pilot']);
  });

  test('a long trash shows a page at a time, and fits a narrow window', async ({ app }) => {
    const page = app.page;
    for (let i = 1; i <= 55; i++) {
      const contact = await call(app.core, 'contacts.create', { name: `Former client ${i}`, email: `client${i}@example.com` });
      await call(app.core, 'contacts.delete', { id: contact.id });
    }
    await openTrash(page);
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(50);
    await page.getByRole('button', { name: 'Show more (5 more items)' }).click();
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(55);
    await expect(entry(page, 'Former client 5').getByRole('button', { name: 'Restore Former client 5' })).toBeFocused();
    await expect(deletedItems(page).getByRole('listitem').last()).toHaveAccessibleName('Former client 1');
    await expect(page.getByRole('button', { name: /Show more/ })).toHaveCount(0);

    await page.setViewportSize({ width: 600, height: 800 });
    await page.getByRole('heading', { name: 'Trash', level: 1 }).scrollIntoViewIfNeeded();
    await expect(entry(page, 'Former client 55').getByRole('button', { name: 'Restore Former client 55' })).toBeVisible();
    await app.screenshot('trash-narrow');
  });

  test('an entry restored elsewhere meanwhile: a calm message, and the list catches up', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const trashed = await call(app.core, 'contacts.delete', { id: crm.bob.id });
    await openTrash(page);
    await expect(entry(page, 'Bob Stone')).toBeVisible();
    await call(app.core, 'trash.restore', { trashId: trashed.trashId });
    await entry(page, 'Bob Stone').getByRole('button', { name: 'Restore Bob Stone' }).click();
    await expect(page.getByText('This is no longer in the trash: it was restored or deleted for good.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  });
});
