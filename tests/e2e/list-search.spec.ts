import type { Locator, Page } from '@playwright/test';
import { contactsRepo } from '../../electron/core/contacts/repo';
import { dealsRepo } from '../../electron/core/deals/repo';
import { call, count } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Change the selected rows' });
const headTick = (grid: Locator) => grid.getByRole('columnheader').getByRole('checkbox');
/** The list row at a position (0-based); aria-rowindex counts the header as row 1. */
const rowAt = (grid: Locator, index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);

const firstNames = [
  'Ada',
  'Björn',
  'Chloé',
  'Dag',
  'Elin',
  'Frej',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kai',
  'Lova',
  'Mats',
  'Nils',
  'Olle',
  'Pia',
  'Rut',
  'Sven',
  'Tove',
  'Ulf',
];
const lindNames = ['Lindqvist', 'Lindberg', 'Lindgren', 'Lindholm'];
const otherNames = ['Berg', 'Holm', 'Ek'];

/** 1,150 people named Lind-something among 1,400, written through the core's repository in one transaction. */
function seedLinds(app: RolodeskApp): void {
  const contacts = contactsRepo(app.core.db);
  const now = new Date().toISOString();
  app.core.db.transaction(() => {
    for (let i = 0; i < 1_400; i++) {
      const last = i < 1_150 ? lindNames[i % lindNames.length]! : otherNames[i % otherNames.length]!;
      contacts.create(
        {
          name: `${firstNames[Math.floor(i / 4) % firstNames.length]} ${last} ${i}`,
          email: '',
          phone: '',
          company: '',
          notes: '',
        },
        now,
      );
    }
  })();
}

/** 1,120 renewals among 1,300 deals, spread over the stages. */
function seedRenewals(app: RolodeskApp): void {
  const deals = dealsRepo(app.core.db);
  const stages = deals.stages.list();
  const now = new Date().toISOString();
  app.core.db.transaction(() => {
    for (let i = 0; i < 1_300; i++) {
      const title = i < 1_120 ? `Renewal ${String(i).padStart(4, '0')}` : `Pilot ${i}`;
      deals.create(
        {
          title,
          companyId: null,
          contactId: null,
          valueMinor: 100 * i,
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

/** Presses End on the grid until its last row is the list's last match, its count exact by then; returns the focused row. */
async function scrollToTheEnd(page: Page, grid: Locator, matches: number): Promise<Locator> {
  await rowAt(grid, 0).click();
  const exact = page.getByText(`${matches.toLocaleString('en-US')} matches`, { exact: true });
  // Each End reaches the row after the count so far, whose page counts further. The grid's own row count decides,
  // not the words above it: a select-all may have counted the matches before the grid loaded that far.
  const gridCountsAll = async () => (await grid.getAttribute('aria-rowcount')) === String(matches + 1);
  for (let tries = 0; tries < 5 && !(await gridCountsAll()); tries++) {
    await page.keyboard.press('End');
    await expect(grid).toHaveAttribute('aria-busy', 'false');
  }
  await expect(exact).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', String(matches + 1));
  await page.keyboard.press('End');
  const last = rowAt(grid, matches - 1);
  await expect(last).toBeFocused();
  await expect(grid).toHaveAttribute('aria-rowcount', String(matches + 1));
  return last;
}

test.describe('a list’s search box over more than 1,000 matches', () => {
  test('Contacts: the count says “1,000+ matches”, scrolling reaches the last match, and select-all acts on the true number', async ({
    app,
  }) => {
    const page = app.page;
    seedLinds(app);
    await page.reload();
    await expect(page.getByText('1,400 contacts', { exact: true })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Contacts' });

    await search(page).fill('lind');
    await expect(page.getByText('1,000+ matches', { exact: true })).toBeVisible();
    // The count is not known yet: the grid says so rather than naming a wrong number of rows.
    await expect(grid).toHaveAttribute('aria-rowcount', '-1');
    await expect(rowAt(grid, 0)).toContainText('Ada Lindberg');
    await app.screenshot('list-search-capped');
    await page.setViewportSize({ width: 600, height: 800 });
    await expect(page.getByText('1,000+ matches', { exact: true })).toBeVisible();
    await app.screenshot('list-search-capped-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Select all: the true number is counted first, then said and acted on.
    await expect(headTick(grid)).toHaveAccessibleName('Select all 1,000+ matching contacts');
    await headTick(grid).click();
    await expect(bulkBar(page)).toContainText('All 1,150 matching contacts selected');
    await app.screenshot('list-search-select-all');
    await bulkBar(page).getByRole('button', { name: 'Add tag…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a tag' });
    await dialog.getByLabel('Tag').fill('Linds');
    await dialog.getByRole('button', { name: 'Apply to 1,150 contacts' }).click();
    await expect(page.getByRole('status')).toContainText('1,150 contacts updated');
    expect(
      count(
        app.core,
        "SELECT count(*) FROM contact_tags JOIN tags ON tags.id = contact_tags.tag_id WHERE tags.name = 'Linds'",
      ),
    ).toBe(1_150);

    // Scrolling past the first 1,000 reaches every match, in phone-book order, to the last one.
    const ordered = [];
    for (let offset = 0; offset < 1_150; offset += 500)
      ordered.push(...(await call(app.core, 'contacts.list', { search: 'lind', offset, limit: 500 })).rows);
    expect(ordered).toHaveLength(1_150);
    const last = await scrollToTheEnd(page, grid, 1_150);
    await expect(last).toContainText(ordered.at(-1)!.name);
    await app.screenshot('list-search-last-match');
  });

  test('Deals: the list’s search says “1,000+ matches” too, reaches its last renewal, and select-all changes all 1,120', async ({
    app,
  }) => {
    const page = app.page;
    seedRenewals(app);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Deals' }).click();
    // The board shows the first 50 cards of each stage; the others are in the list.
    const lead = page.getByRole('group', { name: 'Pipeline' }).getByRole('region', { name: /^Lead/ });
    await expect(lead.getByRole('listitem').filter({ has: page.getByRole('button') })).toHaveCount(50);
    await expect(lead).toContainText('167 more deals in the list.');
    await app.screenshot('deal-board-first-cards');
    await page.getByRole('button', { name: 'List', pressed: false }).click();
    const grid = page.getByRole('grid', { name: 'Deals' });
    await expect(page.getByText('1,300 deals', { exact: true })).toBeVisible();

    await search(page).fill('renewal');
    await expect(page.getByText('1,000+ matches', { exact: true })).toBeVisible();
    await app.screenshot('deal-list-search-capped');

    await headTick(grid).click();
    await expect(bulkBar(page)).toContainText('All 1,120 matching deals selected');
    await bulkBar(page).getByRole('button', { name: 'Add tag…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a tag' });
    await dialog.getByLabel('Tag').fill('Renewals');
    await dialog.getByRole('button', { name: 'Apply to 1,120 deals' }).click();
    await expect(page.getByRole('status')).toContainText('1,120 deals updated');
    expect(
      count(
        app.core,
        "SELECT count(*) FROM deal_tags JOIN tags ON tags.id = deal_tags.tag_id WHERE tags.name = 'Renewals'",
      ),
    ).toBe(1_120);

    // In board order (the list's own): the last renewal of the last stage.
    const ordered = [];
    for (let offset = 0; offset < 1_120; offset += 500)
      ordered.push(
        ...(
          await call(app.core, 'deals.list', { search: 'renewal', sort: 'stage', direction: 'asc', offset, limit: 500 })
        ).rows,
      );
    const last = await scrollToTheEnd(page, grid, 1_120);
    await expect(last).toContainText(ordered.at(-1)!.title);
  });
});
