import type { Page } from '@playwright/test';
import { call } from '../support/crm';
import { seedContacts, seedRow } from '../support/seed-contacts';
import { expect, test, type RolodeskApp } from './app';
import { holdReply, recordShown } from './page-watch';
import { idBase, kindBase } from '../../electron/core/search/documents';

test.use({ locale: 'en-US' });

/** The name the core puts at a position in the default order (name A→Z, as a phone book), straight from SQL. */
function nameAt(app: RolodeskApp, offset: number): string {
  return app.core.db
    .prepare('SELECT name FROM contacts ORDER BY name_sort, name COLLATE BINARY, id LIMIT 1 OFFSET ?')
    .pluck()
    .get(offset) as string;
}

const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
/** The list row at a position (0-based); aria-rowindex counts the header as row 1. */
const rowAt = (page: Page, index: number) => contactGrid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`);
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

/** Names of the rows currently rendered, top to bottom. */
async function visibleNames(page: Page): Promise<string[]> {
  return contactGrid(page).locator('[role="row"][aria-rowindex] .cell--name .cell__text').allInnerTexts();
}

test.describe('the contact list', () => {
  test('search filters as you type, and a slow reply to an older search never replaces a newer one', async ({
    app,
  }) => {
    const page = app.page;
    seedContacts(app.core, 300);
    await page.reload();
    await expect(page.getByText('300 contacts')).toBeVisible();

    const tanakas = Array.from({ length: 300 }, (_, i) => seedRow(i)).filter((row) => row.name.endsWith(' Tanaka'));
    expect(tanakas.length).toBeGreaterThan(5);
    await search(page).pressSequentially('tanak', { delay: 30 });
    await expect(page.getByText(`${tanakas.length} matches`)).toBeVisible();
    const names = await visibleNames(page);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(name).toMatch(/ Tanaka$/);

    // Search matches the start of any word in name, email or company.
    await search(page).fill('tailspin');
    const tailspin = Array.from({ length: 300 }, (_, i) => seedRow(i)).filter(
      (row) => row.company === 'Tailspin Toys',
    ).length;
    await expect(page.getByText(`${tailspin} matches`)).toBeVisible();

    // Hold the reply to the search "kim" in flight, and type a newer search before it arrives.
    const kim = await holdReply(page, 'contacts.list', 'search', 'kim');
    await search(page).fill('kim');
    await expect.poll(kim.asked).toBe(true); // past the debounce: the "kim" request has been sent
    await search(page).fill('berg');
    const bergs = Array.from({ length: 300 }, (_, i) => seedRow(i)).filter((row) => row.name.endsWith(' Berg')).length;
    await expect(page.getByText(`${bergs} matches`)).toBeVisible();
    const shownNames = await recordShown(page, '[role="grid"] [role="row"][aria-rowindex] .cell--name .cell__text');
    await kim.release();
    await expect.poll(kim.answered).toBe(true);
    // A later search that shows on screen: by then whatever the "kim" reply caused has been drawn too.
    await search(page).fill('tanak');
    await expect(page.getByText(`${tanakas.length} matches`)).toBeVisible();
    // The count can be drawn a frame before the rows: wait until the "tanak" rows themselves have been drawn.
    await expect.poll(async () => (await shownNames()).some((name) => name.endsWith(' Tanaka'))).toBe(true);
    const shown = await shownNames();
    for (const name of shown) expect(name).toMatch(/ (Berg|Tanaka)$/);

    await search(page).fill('zzqxv');
    await expect(page.getByText('No contacts match “zzqxv”')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByText('300 contacts')).toBeVisible();
    await expect(search(page)).toHaveValue('');
  });

  test('a search with no letters or digits finds nobody and says why; spaces alone are no search', async ({ app }) => {
    const page = app.page;
    seedContacts(app.core, 30);
    await page.reload();
    await expect(page.getByText('30 contacts')).toBeVisible();
    for (const typed of ['%', '*', '🚀', '""']) {
      await search(page).fill(typed);
      await expect(
        page.getByRole('heading', { name: `“${typed}” has no letters or digits to search for` }),
      ).toBeVisible();
      await expect(contactGrid(page)).toHaveCount(0);
    }
    await app.screenshot('contacts-nothing-to-search-for');
    await search(page).fill('  ');
    await expect(page.getByText('30 contacts')).toBeVisible();
    await search(page).fill('%');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByText('30 contacts')).toBeVisible();
    await expect(search(page)).toHaveValue('');
  });

  test('names sort as in a phone book: Ángel, Åsa and Émile come after Adam, not after Z, in Contacts and Companies', async ({
    app,
  }) => {
    const page = app.page;
    const names = ['Zed', 'Émile', 'Bertil', 'élodie', 'Ödön', 'Åsa', 'Adam', 'ángel', 'Ángel', 'Zoë', 'Dorothy'];
    for (const name of names) {
      await call(app.core, 'contacts.create', { name });
      await call(app.core, 'companies.create', { name });
    }
    const phoneBook = ['Adam', 'Ángel', 'ángel', 'Åsa', 'Bertil', 'Dorothy', 'élodie', 'Émile', 'Ödön', 'Zed', 'Zoë'];
    await page.reload();
    await expect.poll(() => visibleNames(page)).toEqual(phoneBook);
    await app.screenshot('contacts-phone-book-order');
    await contactGrid(page).getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
    await expect.poll(() => visibleNames(page)).toEqual([...phoneBook].reverse());

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click();
    const companyNames = () =>
      page
        .getByRole('grid', { name: 'Companies' })
        .locator('[role="row"][aria-rowindex] .cell--name .cell__text')
        .allInnerTexts();
    await expect.poll(companyNames).toEqual(phoneBook);
  });

  test('avatars show whole characters: emoji, accents, ß, flags and scripts without capitals', async ({ app }) => {
    const page = app.page;
    const people: Array<[name: string, initials: string]> = [
      ['👩‍💻 Dev Person 🚀', 'DP'],
      ['ß straße', 'ßS'],
      ['e\u0301mile Zola', 'E\u0301Z'],
      ['🇸🇪', '🇸🇪'],
      ['👍🏽 👍🏽', '👍🏽'],
      ['山田 太郎', '山太'],
      ['محمد علي', 'مع'],
      ['देवनागरी लिपि', 'देलि'],
      ['“Bob” O’Neill', 'BO'],
    ];
    for (const [name] of people) await call(app.core, 'contacts.create', { name });
    await page.reload();
    for (const [name, initials] of people) {
      await expect(contactGrid(page).getByRole('row').filter({ hasText: name }).locator('.avatar')).toHaveText(
        initials,
      );
    }
    await app.screenshot('contacts-avatars');
    await contactGrid(page).getByRole('row').filter({ hasText: 'Dev Person' }).click();
    await expect(page.getByRole('complementary', { name: 'Contact details' }).locator('.avatar')).toHaveText('DP');
  });

  test('clicking a column header sorts by it, and clicking again reverses the order', async ({ app }) => {
    const page = app.page;
    seedContacts(app.core, 300);
    await page.reload();
    const db = app.core.db;
    const first = (sql: string) => db.prepare(sql).pluck().get() as string;

    const nameHeader = contactGrid(page).getByRole('columnheader', { name: 'Name' });
    const companyHeader = contactGrid(page).getByRole('columnheader', { name: 'Company' });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(rowAt(page, 0)).toContainText(
      first('SELECT name FROM contacts ORDER BY name_sort, name COLLATE BINARY, id LIMIT 1'),
    );

    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rowAt(page, 0)).toContainText(
      first('SELECT name FROM contacts ORDER BY name_sort DESC, name COLLATE BINARY DESC, id DESC LIMIT 1'),
    );
    const descending = await visibleNames(page);
    expect(descending).toEqual([...descending].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));

    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    const ascending = await visibleNames(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    await companyHeader.getByRole('button').click();
    await expect(companyHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(nameHeader).not.toHaveAttribute('aria-sort', /.*/);
    await expect(rowAt(page, 0).locator('.cell--company')).toHaveText('Adatum');
    await companyHeader.getByRole('button').click();
    await expect(companyHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rowAt(page, 0).locator('.cell--company')).toHaveText('Wingtip');

    // "Updated" starts with the most recent edit.
    const updatedHeader = contactGrid(page).getByRole('columnheader', { name: 'Updated' });
    await updatedHeader.getByRole('button').click();
    await expect(updatedHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rowAt(page, 0)).toContainText(
      first('SELECT name FROM contacts ORDER BY updated_at DESC, id DESC LIMIT 1'),
    );
  });

  test('100,000 contacts: only visible rows exist, deep rows load on demand, search finds matches', async ({ app }) => {
    test.setTimeout(120_000);
    const page = app.page;
    const total = 100_000;
    seedContacts(app.core, total);

    // Count the rows the page asks the core for: it must never ask for everything.
    await page.addInitScript(() => {
      const host = window as unknown as {
        __crmInvoke: (channel: string, input: { limit?: number }) => Promise<unknown>;
        __rowsAsked: number;
      };
      const original = host.__crmInvoke.bind(host);
      host.__rowsAsked = 0;
      host.__crmInvoke = (channel, input) => {
        if (channel === 'contacts.list') host.__rowsAsked += input.limit ?? 100;
        return original(channel, input);
      };
    });
    await page.reload();
    const grid = contactGrid(page);
    await expect(page.getByText('100,000 contacts')).toBeVisible();
    await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
    await expect(rowAt(page, 0)).toContainText(nameAt(app, 0));
    const rowsInDom = () => grid.locator('[role="row"]').count();
    expect(await rowsInDom()).toBeLessThan(100);

    // Three quarters of the way down.
    const rowHeight = await rowAt(page, 0).evaluate((row) => row.getBoundingClientRect().height);
    await grid.evaluate((element, top) => element.scrollTo({ top }), 75_000 * rowHeight);
    await expect(rowAt(page, 75_001)).toContainText(nameAt(app, 75_001));
    expect(await rowsInDom()).toBeLessThan(100);

    // The very end.
    await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(rowAt(page, total - 1)).toContainText(nameAt(app, total - 1));
    await expect(rowAt(page, total - 1)).toBeInViewport();
    expect(await rowsInDom()).toBeLessThan(100);
    const asked = await page.evaluate(() => (window as unknown as { __rowsAsked: number }).__rowsAsked);
    expect(asked).toBeLessThan(2_000);

    await search(page).fill('ximena okaf');
    const matches = app.core.db
      .prepare(
        `SELECT count(*) FROM search_fts WHERE search_fts MATCH '"ximena"* "okaf"*' AND rowid > CAST(? AS INTEGER) AND rowid < CAST(? AS INTEGER)`,
      )
      .pluck()
      .get(kindBase.contact, idBase('contact')) as number;
    expect(matches).toBeGreaterThan(0);
    await expect(page.getByText(`${matches.toLocaleString('en-US')} matches`)).toBeVisible();
    await expect(rowAt(page, 0)).toContainText('Ximena Okafor');
    for (const name of await visibleNames(page)) expect(name).toBe('Ximena Okafor');
    await app.screenshot('large-list-search');
  });
});
