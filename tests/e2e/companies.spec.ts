import type { Page } from '@playwright/test';
import { update } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const companyGrid = (page: Page) => page.getByRole('grid', { name: 'Companies' });
const companyPanel = (page: Page) => page.getByRole('complementary', { name: 'Company details' });

async function openCompanies(page: Page): Promise<void> {
  await sections(page).getByRole('button', { name: 'Companies' }).click();
  await expect(page.getByRole('heading', { name: 'Companies', level: 1 })).toBeVisible();
}

async function createCompany(app: RolodeskApp, draft: Record<string, string>): Promise<number> {
  const result = await app.core.dispatch('companies.create', draft);
  expect(result.ok).toBe(true);
  return (result as { ok: true; data: { id: number } }).data.id;
}

async function createContact(app: RolodeskApp, input: Record<string, unknown>): Promise<number> {
  const result = await app.core.dispatch('contacts.create', input);
  expect(result.ok).toBe(true);
  return (result as { ok: true; data: { id: number } }).data.id;
}

test.describe('Companies', () => {
  test('a company made through the form can be edited and is still there after a restart', async ({ app }) => {
    const page = app.page;
    await openCompanies(page);
    await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();

    await page.getByRole('button', { name: 'New company' }).click();
    const panel = companyPanel(page);
    await expect(panel.getByLabel('Name')).toBeFocused();
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

    await panel.getByLabel('Name').fill('Northwind Traders');
    await panel.getByLabel('Website').fill('not a site');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByLabel('Website')).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByText('That does not look like a web address')).toBeVisible();

    await panel.getByLabel('Website').fill('northwind.example');
    await panel.getByLabel('Phone').fill('+46 8 123 456');
    await panel.getByLabel('Address').fill('1 Harbour Road, Stockholm');
    await panel.getByLabel('Industry').fill('Wholesale');
    await panel.getByLabel('Notes').fill('Met at the trade fair.');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Northwind Traders');
    await expect(companyGrid(page).getByRole('row', { name: /Northwind Traders/ })).toBeVisible();
    await expect(page.getByText('1 company', { exact: true })).toBeVisible();

    await panel.getByLabel('Industry').fill('Food wholesale');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Changes saved')).toBeVisible();
    await expect(panel.getByText('Industry: Wholesale → Food wholesale')).toBeVisible();

    await app.relaunch();
    await openCompanies(page);
    const row = companyGrid(page).getByRole('row', { name: /Northwind Traders/ });
    await expect(row).toContainText('Food wholesale');
    await expect(row).toContainText('northwind.example');
    await row.click();
    await expect(companyPanel(page).getByLabel('Address')).toHaveValue('1 Harbour Road, Stockholm');
    await expect(companyPanel(page).getByLabel('Notes')).toHaveValue('Met at the trade fair.');
  });

  test('search filters the list as you type, and the columns sort', async ({ app }) => {
    const page = app.page;
    for (const [name, industry] of [
      ['Contoso', 'Software'],
      ['Fabrikam', 'Manufacturing'],
      ['Litware', 'Software'],
      ['Adatum', 'Consulting'],
    ]) {
      await createCompany(app, {
        name: name!,
        industry: industry!,
        phone: '+1 555 0100',
        website: `${name!.toLowerCase()}.example`,
      });
    }
    await openCompanies(page);
    await expect(page.getByText('4 companies')).toBeVisible();
    await app.screenshot('companies-list');

    await page.getByRole('searchbox', { name: 'Search' }).fill('fabri');
    await expect(companyGrid(page).getByRole('row', { name: /Fabrikam/ })).toBeVisible();
    await expect(companyGrid(page).getByRole('row', { name: /Contoso/ })).toHaveCount(0);
    await expect(page.getByText('1 match')).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search' }).fill('zzz');
    await expect(page.getByRole('heading', { name: /No companies match/ })).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByText('4 companies')).toBeVisible();

    const firstRow = companyGrid(page).getByRole('row').nth(1);
    await expect(firstRow).toContainText('Adatum');
    await companyGrid(page).getByRole('button', { name: 'Name' }).click();
    await expect(firstRow).toContainText('Litware');
    await companyGrid(page).getByRole('button', { name: 'Industry' }).click();
    await expect(firstRow).toContainText('Consulting');
  });

  test('the panel lists the people; delete asks about them, detach keeps them, Undo restores the company', async ({
    app,
  }) => {
    const page = app.page;
    const companyId = await createCompany(app, { name: 'Wingtip', industry: 'Travel', website: 'wingtip.example' });
    const grace = await createContact(app, { name: 'Grace Kim', email: 'grace.kim@wingtip.example', companyId });
    const priya = await createContact(app, { name: 'Priya Patel', email: 'priya.patel@wingtip.example', companyId });
    await update(app.core, 'companies.update', { id: companyId, phone: '+82 2 555 0134' });

    await openCompanies(page);
    await companyGrid(page)
      .getByRole('row', { name: /Wingtip/ })
      .click();
    const panel = companyPanel(page);
    const people = panel.getByRole('list', { name: 'People at this company' });
    await expect(people.getByRole('listitem')).toHaveCount(2);
    await expect(people).toContainText('Grace Kim');
    await expect(people).toContainText('priya.patel@wingtip.example');
    await expect(panel.getByText('2 people')).toBeVisible();
    await expect(panel.getByText('Phone set to +82 2 555 0134')).toBeVisible();
    await expect(panel.getByText('Company added to Rolodesk')).toBeAttached();
    await people.scrollIntoViewIfNeeded();
    await app.screenshot('company-panel');

    await panel.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Wingtip?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Keep the people (remove the company from them)' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Move the people to the trash too' })).toBeVisible();
    await app.screenshot('company-delete-question');
    await dialog.getByRole('button', { name: 'Keep the people (remove the company from them)' }).click();

    await expect(panel).toHaveCount(0);
    await expect(page.getByText('Moved to the trash')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
    for (const id of [grace, priya]) {
      const contact = await app.core.dispatch('contacts.get', { id });
      expect(contact.ok).toBe(true);
      expect((contact as { ok: true; data: { companyId: number | null } }).data.companyId).toBeNull();
    }

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(companyGrid(page).getByRole('row', { name: /Wingtip/ })).toBeVisible();
    expect((await app.core.dispatch('companies.get', { id: companyId })).ok).toBe(true);
  });

  test('at 600 px the list and panel fit the window', async ({ app }) => {
    const page = app.page;
    for (const name of ['Contoso', 'Fabrikam', 'Litware', 'Proseware', 'Tailspin Toys']) {
      await createCompany(app, {
        name,
        industry: 'Software',
        phone: '+1 555 0100',
        website: `${name.toLowerCase().replace(' ', '')}.example`,
      });
    }
    await page.setViewportSize({ width: 600, height: 800 });
    await openCompanies(page);
    await expect(companyGrid(page).getByRole('row', { name: /Tailspin Toys/ })).toBeVisible();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await app.screenshot('companies-narrow-list');

    await companyGrid(page)
      .getByRole('row', { name: /Contoso/ })
      .click();
    await expect(companyPanel(page).getByRole('button', { name: 'Save', exact: true })).toBeInViewport();
    await page.keyboard.press('Escape');
  });
});
