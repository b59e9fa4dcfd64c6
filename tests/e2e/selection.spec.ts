import type { Locator, Page } from '@playwright/test';
import { companiesRepo } from '../../electron/core/companies/repo';
import { dealsRepo } from '../../electron/core/deals/repo';
import { call, count } from '../support/crm';
import { seedContacts } from '../support/seed-contacts';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const gridOf = (page: Page, name: 'Contacts' | 'Companies' | 'Deals') => page.getByRole('grid', { name });
/** The list row at a position (0-based); aria-rowindex counts the header as row 1. */
const rowAt = (grid: Locator, index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
const tickAt = (grid: Locator, index: number) => rowAt(grid, index).getByRole('checkbox');
const headTick = (grid: Locator) => grid.getByRole('columnheader').getByRole('checkbox');
const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Change the selected rows' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();

/**
 * Ticks row `from`, goes to the end of the list with End, and Shift-clicks the last row's tick
 * (or, by keyboard, Space then End then Shift+Space, before the last page has even loaded).
 */
async function tickToTheEnd(
  grid: Locator,
  from: number,
  total: number,
  how: 'pointer' | 'keyboard' = 'pointer',
): Promise<void> {
  const keyboard = grid.page().keyboard;
  if (how === 'pointer') await tickAt(grid, from).click();
  else {
    await rowAt(grid, from).focus();
    await keyboard.press('Space');
    await expect(tickAt(grid, from)).toBeChecked();
  }
  await keyboard.press('End');
  await expect(rowAt(grid, total - 1)).toBeFocused();
  if (how === 'pointer') await tickAt(grid, total - 1).click({ modifiers: ['Shift'] });
  else await keyboard.press('Shift+Space');
}

/** Opens the contact list on `howMany` seeded contacts, once it says how many. */
async function contactList(app: RolodeskApp, howMany: number): Promise<Locator> {
  seedContacts(app.core, howMany);
  await app.page.reload();
  await expect(app.page.getByText(`${howMany.toLocaleString('en-US')} contacts`, { exact: true })).toBeVisible();
  return gridOf(app.page, 'Contacts');
}

/** Delete… in the bulk bar, confirmed for `what` ("1,000 contacts"), and the toast that says it was done. */
async function deleteSelected(page: Page, what: string): Promise<void> {
  await bulkBar(page).getByRole('button', { name: 'Delete…' }).click();
  await page
    .getByRole('dialog', { name: 'Move to the trash' })
    .getByRole('button', { name: `Move ${what} to the trash` })
    .click();
  await expect(page.getByRole('status')).toContainText(`${what} moved to the trash`);
}

/** Change field… in the bulk bar, applied to `what` ("999 contacts"), and the toast that says it was done. */
async function changeSelected(page: Page, field: string, value: string, what: string): Promise<void> {
  await bulkBar(page).getByRole('button', { name: 'Change field…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change a field' });
  await dialog.getByLabel('Field').selectOption({ label: field });
  await dialog.getByLabel('New value').fill(value);
  await dialog.getByRole('button', { name: `Apply to ${what}` }).click();
  await expect(page.getByRole('status')).toContainText(`${what} updated`);
}

/** `howMany` companies and deals written in one transaction through the core's own repositories. */
function seedCompaniesAndDeals(app: RolodeskApp, howMany: number): void {
  const db = app.core.db;
  const companies = companiesRepo(db);
  const deals = dealsRepo(db);
  const stages = deals.stages.list();
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < howMany; i++) {
      const number = String(i).padStart(4, '0');
      companies.create(
        {
          name: `Company ${number}`,
          website: '',
          phone: '',
          address: '',
          industry: i % 3 === 0 ? '' : 'Retail',
          notes: '',
        },
        now,
      );
      deals.create(
        {
          title: `Deal ${number}`,
          companyId: null,
          contactId: null,
          valueMinor: i * 100,
          currency: 'EUR',
          stageId: stages[i % stages.length]!.id,
          expectedCloseDate: null,
          owner: '',
          probability: null,
          notes: '',
        },
        now,
      );
    }
  })();
}

test.describe('selections that tell the truth', () => {
  test('a Shift-click range covers every row between, loaded or not, and Delete trashes exactly those', async ({
    app,
  }) => {
    const page = app.page;
    const grid = await contactList(app, 1000);

    await tickToTheEnd(grid, 0, 1000);
    await expect(bulkBar(page)).toContainText('1,000 contacts selected');
    await expect(tickAt(grid, 998)).toBeChecked();

    await deleteSelected(page, '1,000 contacts');
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
    expect((await call(app.core, 'trash.list', {})).rows.map((entry) => entry.counts.contact)).toEqual([1000]);
  });

  test('the same range on Companies and on the Deals list acts on exactly the rows between', async ({ app }) => {
    const page = app.page;
    seedCompaniesAndDeals(app, 1000);
    await page.reload();

    await section(page, 'Companies');
    const companies = gridOf(page, 'Companies');
    await expect(page.getByText('1,000 companies', { exact: true })).toBeVisible();
    const firstCompany = (await rowAt(companies, 0).locator('.cell--name .cell__text--strong').innerText()).trim();
    await tickToTheEnd(companies, 1, 1000, 'keyboard');
    await expect(bulkBar(page)).toContainText('999 companies selected');
    await deleteSelected(page, '999 companies');
    expect(app.core.db.prepare('SELECT name FROM companies WHERE deleted_at IS NULL').pluck().all()).toEqual([
      firstCompany,
    ]);

    await section(page, 'Deals');
    await page.getByRole('button', { name: 'List', pressed: false }).click();
    const deals = gridOf(page, 'Deals');
    await expect(page.getByText('1,000 deals', { exact: true })).toBeVisible();
    const firstTwo = [
      (await rowAt(deals, 0).locator('.cell--title .cell__text--strong').innerText()).trim(),
      (await rowAt(deals, 1).locator('.cell--title .cell__text--strong').innerText()).trim(),
    ];
    await tickToTheEnd(deals, 2, 1000);
    await expect(bulkBar(page)).toContainText('998 deals selected');
    await changeSelected(page, 'Owner', 'Rhea', '998 deals');
    expect(count(app.core, "SELECT count(*) FROM deals WHERE owner = 'Rhea'")).toBe(998);
    expect(app.core.db.prepare('SELECT title FROM deals WHERE owner IS NULL ORDER BY title').pluck().all()).toEqual(
      [...firstTwo].sort(),
    );
  });

  test('“Select all matching” with a search acts on exactly the matching rows, and says so', async ({ app }) => {
    const page = app.page;
    const grid = await contactList(app, 1000);
    await search(page).fill('berg');
    const matching = await call(app.core, 'contacts.list', { search: 'berg', limit: 500 });
    expect(matching.total).toBeGreaterThan(20);
    const total = matching.total.toLocaleString('en-US');
    await expect(page.getByText(`${total} matches`)).toBeVisible();

    await tickAt(grid, 0).click();
    const selectAll = bulkBar(page).getByRole('button', { name: `Select all ${total} matching contacts` });
    await expect(selectAll).toBeVisible();
    await expect(bulkBar(page)).toContainText('1 contact selected');
    await app.screenshot('selection-select-all-offered');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('selection-select-all-offered-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    await selectAll.click();
    await expect(bulkBar(page)).toContainText(`All ${total} matching contacts selected`);
    await expect(selectAll).toHaveCount(0);
    await app.screenshot('selection-all-matching');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('selection-all-matching-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await deleteSelected(page, `${total} contacts`);
    const trashed = app.core.db
      .prepare('SELECT id FROM contacts WHERE deleted_at IS NOT NULL ORDER BY id')
      .pluck()
      .all();
    expect(trashed).toEqual(matching.rows.map((row) => row.id).sort((a, b) => a - b));
  });

  test('unticking one row after selecting all acts on the 999 left', async ({ app }) => {
    const page = app.page;
    const grid = await contactList(app, 1000);
    await headTick(grid).click();
    await expect(bulkBar(page)).toContainText('All 1,000 contacts selected');
    const unticked = (await rowAt(grid, 3).locator('.cell--name .cell__text--strong').innerText()).trim();
    await tickAt(grid, 3).click();
    await expect(tickAt(grid, 3)).not.toBeChecked();
    await expect(bulkBar(page)).toContainText('999 contacts selected');

    await changeSelected(page, 'Company name', 'Zeta Works', '999 contacts');
    expect(count(app.core, "SELECT count(*) FROM contacts WHERE company = 'Zeta Works'")).toBe(999);
    expect(app.core.db.prepare("SELECT name FROM contacts WHERE company IS NOT 'Zeta Works'").pluck().all()).toEqual([
      unticked,
    ]);
  });

  test('when the list changes between selecting and applying, the change is refused in words and nothing changes', async ({
    app,
  }) => {
    const page = app.page;
    const grid = await contactList(app, 1000);
    await headTick(grid).click();
    await bulkBar(page).getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move to the trash' });
    await expect(dialog).toContainText('The 1,000 contacts go to the trash together');

    // Meanwhile two contacts go (an import's undo, another window of the same data…).
    const [first, second] = (await call(app.core, 'contacts.list', { limit: 2 })).rows;
    await call(app.core, 'contacts.delete', { id: first!.id });
    await call(app.core, 'contacts.delete', { id: second!.id });

    await dialog.getByRole('button', { name: 'Move 1,000 contacts to the trash' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'The list changed since you selected: 998 contacts match now. Check the selection and try again.',
    );
    await expect(dialog.getByRole('button', { name: 'Move 1,000 contacts to the trash' })).toBeDisabled();
    await app.screenshot('selection-refused');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('selection-refused-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(998);
    expect(count(app.core, 'SELECT count(*) FROM trash')).toBe(2);

    // Back at the list, the bar says what a new try would act on.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(bulkBar(page)).toContainText('All 998 contacts selected');
  });

  test('the header tick says what it selects, is half-ticked for some, and a new search, filter or sort starts afresh', async ({
    app,
  }) => {
    const page = app.page;
    const grid = await contactList(app, 1000);
    const head = headTick(grid);
    await expect(head).toHaveAccessibleName('Select all 1,000 contacts');
    await expect(head).not.toBeChecked();

    await tickAt(grid, 1).click();
    await expect(head).toBeChecked({ indeterminate: true });
    await expect(bulkBar(page).getByRole('button', { name: 'Select all 1,000 contacts' })).toBeVisible();
    await head.click();
    await expect(head).toBeChecked();
    await expect(bulkBar(page)).toContainText('All 1,000 contacts selected');
    await tickAt(grid, 5).click();
    await expect(head).toBeChecked({ indeterminate: true });
    await head.click();
    await expect(head).toBeChecked();
    await head.click();
    await expect(head).not.toBeChecked();
    await expect(bulkBar(page)).toHaveCount(0);

    await head.click();
    await search(page).fill('tanaka');
    const tanakas = (await call(app.core, 'contacts.list', { search: 'tanaka' })).total.toLocaleString('en-US');
    await expect(page.getByText(`${tanakas} matches`)).toBeVisible();
    await expect(bulkBar(page)).toHaveCount(0);
    await expect(head).toHaveAccessibleName(`Select all ${tanakas} matching contacts`);
    // Back to the whole list: the select-all made before the search does not come back with it.
    await search(page).fill('');
    await expect(page.getByText('1,000 contacts', { exact: true })).toBeVisible();
    await expect(bulkBar(page)).toHaveCount(0);
    await expect(head).not.toBeChecked();
    await search(page).fill('tanaka');
    await expect(page.getByText(`${tanakas} matches`)).toBeVisible();
    await head.click();
    await expect(bulkBar(page)).toContainText(`All ${tanakas} matching contacts selected`);
    await search(page).fill('');
    await expect(page.getByText('1,000 contacts', { exact: true })).toBeVisible();

    await head.click();
    await expect(bulkBar(page)).toContainText('All 1,000 contacts selected');
    await grid.getByRole('columnheader', { name: 'Email' }).getByRole('button').click();
    await expect(grid.getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(bulkBar(page)).toHaveCount(0);
  });

  test('a ticked record deleted from its panel leaves the selection, which then acts on the others', async ({
    app,
  }) => {
    const page = app.page;
    for (const name of ['Anna Berg', 'Bruno Costa', 'Chloé Dubois', 'Dmitri Ivanov', 'Emma Fischer'])
      await call(app.core, 'contacts.create', { name });
    await page.reload();
    const grid = gridOf(page, 'Contacts');
    await tickAt(grid, 0).click();
    await tickAt(grid, 2).click({ modifiers: ['Shift'] });
    await expect(bulkBar(page)).toContainText('3 contacts selected');
    await grid.getByRole('row', { name: /Bruno Costa/ }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete contact' }).click();
    await expect(grid.getByRole('row', { name: /Bruno Costa/ })).toHaveCount(0);
    await expect(bulkBar(page)).toContainText('2 contacts selected');

    await deleteSelected(page, '2 contacts');
    expect(
      app.core.db.prepare('SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY name').pluck().all(),
    ).toEqual(['Dmitri Ivanov', 'Emma Fischer']);
  });

  test('a range longer than 10,000 rows is refused in words, and “Select all” then acts on all 10,050, past the cap', async ({
    app,
  }) => {
    const page = app.page;
    const grid = await contactList(app, 10_050);
    await tickToTheEnd(grid, 0, 10_050);
    await expect(bulkBar(page).getByRole('alert')).toHaveText(
      'A Shift-click range can hold at most 10,000 rows. To change more, select all of them instead.',
    );
    await expect(bulkBar(page)).toContainText('1 contact selected');
    await app.screenshot('selection-range-too-long');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('selection-range-too-long-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await bulkBar(page).getByRole('button', { name: 'Select all 10,050 contacts' }).click();
    await expect(bulkBar(page)).toContainText('All 10,050 contacts selected');
    await expect(bulkBar(page).getByRole('alert')).toHaveCount(0);
    await deleteSelected(page, '10,050 contacts');
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE deleted_at IS NULL')).toBe(0);
  });

  test('Ctrl+End, Ctrl+Home, End, Home and ⌘↑/⌘↓ move focus to the last or first row of 3,000, and the arrows keep working', async ({
    app,
  }) => {
    const page = app.page;
    const grid = await contactList(app, 3000);
    await rowAt(grid, 0).focus();

    const moves: Array<[key: string, index: number]> = [
      ['Control+End', 2999],
      ['ArrowUp', 2998],
      ['Control+Home', 0],
      ['ArrowDown', 1],
      ['End', 2999],
      ['ArrowUp', 2998],
      ['Home', 0],
      ['Meta+ArrowDown', 2999],
      ['ArrowUp', 2998],
      ['Meta+ArrowUp', 0],
      ['ArrowDown', 1],
    ];
    for (const [key, index] of moves) {
      await page.keyboard.press(key);
      await expect(rowAt(grid, index), `${key} → row ${index}`).toBeFocused();
      await expect(rowAt(grid, index)).toBeInViewport();
      // The row's page loads behind the focus: a name, not a placeholder.
      await expect(rowAt(grid, index).locator('.cell--name .cell__text--strong')).toHaveText(/\S/);
    }
  });

  test('a focused row scrolled away with the wheel keeps the keyboard: the next arrow moves from it', async ({
    app,
  }) => {
    const page = app.page;
    const grid = await contactList(app, 3000);
    await rowAt(grid, 4).focus();
    await grid.hover();
    await page.mouse.wheel(0, 40_000);
    await expect(rowAt(grid, 4)).not.toBeInViewport();
    await expect(rowAt(grid, 4)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rowAt(grid, 5)).toBeFocused();
    await expect(rowAt(grid, 5)).toBeInViewport();
  });
});
