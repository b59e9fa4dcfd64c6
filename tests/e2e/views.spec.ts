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
    await expect(contactGrid(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

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
    await expect(page.getByRole('dialog', { name: 'Save this view' })).toContainText(
      'There is already a view called “Northwind people”.',
    );
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

  test('deleting a tag a view filters by names the view first; the view then says what is missing and shows nobody until its filter is changed', async ({
    app,
  }) => {
    const page = app.page;
    const vip = await call(app.core, 'tags.create', { name: 'VIP', color: 'red' });
    const hot = await call(app.core, 'tags.create', { name: 'Hot', color: 'orange' });
    await call(app.core, 'contacts.create', { name: 'Anna Berg', tagIds: [vip.id] });
    await call(app.core, 'contacts.create', { name: 'Bruno Costa', tagIds: [hot.id] });
    await call(app.core, 'contacts.create', { name: 'Chloé Dubois' });
    await page.reload();

    // Filtered by VIP and Hot, saved as a view.
    await page.getByRole('button', { name: 'Tags', exact: true }).click();
    await page.getByRole('checkbox', { name: /VIP/ }).check();
    await page.getByRole('checkbox', { name: /Hot/ }).check();
    await page.keyboard.press('Escape');
    await expect(page.getByText('2 matches')).toBeVisible();
    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByRole('dialog', { name: 'Save this view' }).getByLabel('Name').fill('VIP clients');
    await page.getByRole('dialog', { name: 'Save this view' }).getByRole('button', { name: 'Save view' }).click();
    await expect(page.getByRole('status')).toContainText('View “VIP clients” saved');

    // The delete (asked in main's native dialog) says it breaks a view before anything happens.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByRole('list', { name: 'Tags' }).getByRole('button', { name: 'Delete VIP' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({
      message: 'Delete the tag “VIP”?',
      detail: expect.stringContaining('1 saved view filters by it; it will show nothing for it.'),
    });
    await expect(page.getByRole('status')).toContainText('Tag “VIP” deleted');

    // The view kept its filter: it says what is missing, and shows nobody rather than the Hot ones alone.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    await viewChoice(page).selectOption({ label: 'VIP clients' });
    const banner = page.getByRole('status').filter({ hasText: 'needs a new filter' });
    await expect(banner).toContainText('This view filters by the tag “VIP”, which was deleted.');
    await expect(page.getByText('No contacts match these filters')).toBeVisible();
    await expect(contactGrid(page).getByRole('row', { name: /Bruno Costa/ })).toHaveCount(0);
    await app.screenshot('view-with-deleted-tag');
    await page.setViewportSize({ width: 600, height: 800 });
    await expect(banner).toBeVisible();
    await app.screenshot('view-with-deleted-tag-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The deleted tag is still listed in the filter, ticked: unticking it is the edit; Save changes makes the view whole again.
    await page.getByRole('button', { name: /^Tags/ }).click();
    await expect(page.getByRole('checkbox', { name: 'A tag that was deleted' })).toBeChecked();
    // Unticked, it leaves the list: nothing names it any more.
    await page.getByRole('checkbox', { name: 'A tag that was deleted' }).click();
    await expect(page.getByRole('checkbox', { name: 'A tag that was deleted' })).toHaveCount(0);
    // The ticked box left with its row, taking the focus out of the panel: the Tags button closes it.
    await page.getByRole('button', { name: /^Tags/ }).click();
    await expect(banner).toHaveCount(0);
    await expect(contactGrid(page).getByRole('row', { name: /Bruno Costa/ })).toBeVisible();
    await expect(page.getByText('1 match')).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status')).toContainText('View “VIP clients” saved');
    const [view] = (await call(app.core, 'views.list', { kind: 'contact' })).views;
    expect(view).toMatchObject({ name: 'VIP clients', query: { tagIds: [hot.id] }, problems: [] });
  });

  test('deleting a custom field a company view filters by names the view; the view says the field is gone and shows nothing until its condition is removed', async ({
    app,
  }) => {
    const page = app.page;
    const size = await call(app.core, 'customFields.create', {
      kind: 'company',
      label: 'Size',
      type: 'choice',
      choices: ['Small', 'Large'],
    });
    await call(app.core, 'companies.create', { name: 'Acme Ltd', custom: { [size.id]: 'Large' } });
    await call(app.core, 'companies.create', { name: 'Globex', custom: { [size.id]: 'Small' } });
    await call(app.core, 'views.create', {
      kind: 'company',
      name: 'Large companies',
      query: { custom: [{ fieldId: size.id, op: 'eq', value: 'Large' }] },
    });

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Custom fields' }).click();
    await page.getByRole('tab', { name: 'Companies' }).click();
    await page.getByRole('button', { name: 'Delete Size' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({
      message: 'Delete the field “Size”?',
      detail: expect.stringContaining('1 saved view filters by it; it will show nothing for it.'),
    });
    await expect(page.getByRole('status')).toContainText('Field “Size” deleted');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click();
    const grid = page.getByRole('grid', { name: 'Companies' });
    await expect(grid.getByRole('row', { name: /Globex/ })).toBeVisible();
    await viewChoice(page).selectOption({ label: 'Large companies' });
    const banner = page.getByRole('status').filter({ hasText: 'needs a new filter' });
    await expect(banner).toContainText('This view filters by the field “Size”, which was deleted.');
    await expect(page.getByText('No companies match these filters')).toBeVisible();

    await page.getByRole('button', { name: /^Fields/ }).click();
    await page.getByRole('button', { name: 'Remove A deleted field' }).click();
    await page.keyboard.press('Escape');
    await expect(banner).toHaveCount(0);
    await expect(grid.getByRole('row', { name: /Globex/ })).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status')).toContainText('View “Large companies” saved');
    expect((await call(app.core, 'views.list', { kind: 'company' })).views[0]!.problems).toEqual([]);
  });

  test('deleting a stage a deal view filters by names the view in the stage editor', async ({ app }) => {
    const page = app.page;
    const demo = await call(app.core, 'stages.create', { name: 'Demo booked' });
    await call(app.core, 'views.create', { kind: 'deal', name: 'Demos this month', query: { stageIds: [demo.id] } });
    await call(app.core, 'views.create', { kind: 'deal', name: 'Early pipeline', query: { stageIds: [demo.id] } });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Deals' }).click();
    await page.getByRole('button', { name: 'Edit stages' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit stages' });
    await editor.getByRole('button', { name: 'Delete Demo booked' }).click();
    const question = editor.getByRole('group', { name: 'Delete Demo booked' });
    await expect(question).toContainText(
      'The saved views “Demos this month” and “Early pipeline” (deals) filter by this stage: after the delete they show nothing until their filters are changed.',
    );
    await app.screenshot('delete-stage-names-views');
    await question.getByRole('button', { name: 'Delete stage' }).click();
    await expect(editor.getByRole('button', { name: 'Delete Demo booked' })).toHaveCount(0);
    expect((await call(app.core, 'views.list', { kind: 'deal' })).views.map((view) => view.problems.length)).toEqual([
      1, 1,
    ]);
  });
});
