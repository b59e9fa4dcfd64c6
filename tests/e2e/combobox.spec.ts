import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { call, smallCrm } from '../support/crm';
import { expect, test } from './app';

/** The WAI-ARIA combobox every picker is built on: the same keys, names and announcements everywhere. */

const literally = (text: string | null) => new RegExp(`^${(text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const selectedOption = (scope: Locator | Page) => scope.locator('[role="option"][aria-selected="true"]');

/** The input points at the highlighted option, which is the one with aria-selected. */
async function expectHighlighted(input: Locator, scope: Locator | Page, name: RegExp): Promise<void> {
  await expect(selectedOption(scope)).toHaveText(name);
  const optionId = await selectedOption(scope).getAttribute('id');
  baseExpect(optionId).toBeTruthy();
  await expect(input).toHaveAttribute('aria-activedescendant', optionId!);
}

async function openNewDeal(page: Page): Promise<Locator> {
  await sections(page).getByRole('button', { name: 'Deals' }).click();
  await page.getByRole('button', { name: 'New deal' }).click();
  return page.getByRole('complementary', { name: 'Deal details' });
}

test.describe('the combobox', () => {
  test('a deal’s company: arrows, Home and End, Enter, Escape, the mouse, and what it says', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    const panel = await openNewDeal(page);
    const company = panel.getByRole('combobox', { name: 'Company' });
    const companies = panel.getByRole('listbox', { name: 'Company' });

    // Focus opens the list of companies, the first highlighted.
    await company.focus();
    await expect(company).toHaveAttribute('aria-expanded', 'true');
    await expect(company).toHaveAttribute('aria-autocomplete', 'list');
    await expect(company).toHaveAttribute('aria-controls', (await companies.getAttribute('id'))!);
    await expect(companies.getByRole('option')).toHaveText([/Acme Ltd/, /Globex/]);
    await expectHighlighted(company, companies, /Acme Ltd/);
    await app.screenshot('combobox-deal-company');

    await page.keyboard.press('End');
    await expectHighlighted(company, companies, /Globex/);
    await page.keyboard.press('Home');
    await expectHighlighted(company, companies, /Acme Ltd/);
    // Up from the first goes round to the last.
    await page.keyboard.press('ArrowUp');
    await expectHighlighted(company, companies, /Globex/);
    await page.keyboard.press('ArrowDown');
    await expectHighlighted(company, companies, /Acme Ltd/);

    // Escape closes only the list; the panel stays.
    await page.keyboard.press('Escape');
    await expect(company).toHaveAttribute('aria-expanded', 'false');
    await expect(company).not.toHaveAttribute('aria-activedescendant');
    await expect(panel).toBeVisible();
    await expect(company).toBeFocused();

    // Down opens it again; Enter takes the highlighted one.
    await page.keyboard.press('ArrowDown');
    await expect(company).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(company).toHaveValue('Globex');
    await expect(company).toHaveAttribute('aria-expanded', 'false');

    // Nothing found is said in the status line, which a screen reader announces.
    await company.fill('zzz');
    const said = panel.getByText('No match for “zzz”');
    await expect(said).toBeVisible();
    await expect(said).toHaveAttribute('aria-live', 'polite');
    await expect(companies).toBeHidden();
    await app.screenshot('combobox-no-match');

    // Tab leaves the field (and closes the list); the typed text goes back to the choice.
    await page.keyboard.press('Tab');
    await expect(company).not.toBeFocused();
    await expect(company).toHaveValue('Globex');
    await expect(company).toHaveAttribute('aria-expanded', 'false');

    // The mouse: a click on a person chooses them.
    const contact = panel.getByRole('combobox', { name: 'Contact' });
    await contact.click();
    await panel
      .getByRole('listbox', { name: 'Contact' })
      .getByRole('option', { name: /Carl Grey/ })
      .click();
    await expect(contact).toHaveValue('Carl Grey');
    await expect(contact).toBeFocused();
  });

  test('a task’s “For”: the first Escape closes the suggestions, the second the dialog', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await sections(page).getByRole('button', { name: 'Today' }).click();
    await page.getByRole('main', { name: 'Today' }).getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    const forRecord = dialog.getByRole('combobox', { name: 'For' });
    await forRecord.fill('a');
    await expect(dialog.getByRole('option').first()).toBeVisible();
    await expectHighlighted(forRecord, dialog, /./);
    await app.screenshot('combobox-task-for');

    await page.keyboard.press('Escape');
    await expect(forRecord).toHaveAttribute('aria-expanded', 'false');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('tags: the list opens on a click, End and Enter add the last tag, Escape empties the typed name', async ({
    app,
  }) => {
    const page = app.page;
    const { anna } = await smallCrm(app.core);
    for (const name of ['Customer', 'Key account', 'Supplier'])
      await call(app.core, 'tags.create', { name, color: 'blue' });
    await page.reload();
    await sections(page).getByRole('button', { name: 'Contacts' }).click();
    await page.getByRole('row', { name: /Anna Berg/ }).click();
    const panel = page.getByRole('complementary', { name: 'Contact details' });
    const tags = panel.getByRole('combobox', { name: 'Tags' });
    const choices = panel.getByRole('listbox', { name: 'Tags' });

    await tags.click();
    await expect(choices.getByRole('option')).toHaveText(['Customer', 'Key account', 'Supplier']);
    await app.screenshot('combobox-tags');
    await page.keyboard.press('End');
    await expectHighlighted(tags, choices, /Supplier/);
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('list', { name: 'Tags on this record' })).toContainText('Supplier');
    expect((await call(app.core, 'contacts.get', { id: anna.id })).tagIds).toHaveLength(1);

    await tags.fill('Cus');
    await expect(choices.getByRole('option')).toHaveText(['Customer', 'Create tag “Cus”']);
    await page.keyboard.press('Escape');
    await expect(choices).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(tags).toHaveValue('');
    await expect(panel).toBeVisible();
  });

  test('the palette: Home and End walk its rows; Escape closes it at once', async ({ app }) => {
    const page = app.page;
    await expect(sections(page)).toBeVisible();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    const input = palette.getByRole('combobox');
    await expect(input).toBeFocused();
    const rows = palette.getByRole('option');
    await expect(rows).not.toHaveCount(0);
    await expectHighlighted(input, palette, literally(await rows.first().textContent()));
    await page.keyboard.press('End');
    await expectHighlighted(input, palette, literally(await rows.last().textContent()));
    await page.keyboard.press('Home');
    await expectHighlighted(input, palette, literally(await rows.first().textContent()));
    await app.screenshot('combobox-palette');
    await page.keyboard.press('Escape');
    await expect(palette).toHaveCount(0);
  });

  test('narrow window: the suggestions stay inside the panel', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.setViewportSize({ width: 760, height: 700 });
    await page.reload();
    const panel = await openNewDeal(page);
    await panel.getByRole('combobox', { name: 'Company' }).focus();
    const companies = panel.getByRole('listbox', { name: 'Company' });
    await expect(companies.getByRole('option')).toHaveCount(2);
    const list = (await companies.boundingBox())!;
    const box = (await panel.boundingBox())!;
    baseExpect(list.x).toBeGreaterThanOrEqual(box.x);
    baseExpect(list.x + list.width).toBeLessThanOrEqual(box.x + box.width + 1);
    await app.screenshot('combobox-deal-company-narrow');
  });
});
