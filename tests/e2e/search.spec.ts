import type { Page } from '@playwright/test';
import { call, smallCrm } from '../support/crm';
import { seedContacts } from '../support/seed-contacts';
import { expect, test } from './app';
import { holdReply, recordShown } from './page-watch';

test.use({ locale: 'en-US' });

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search everything' });
const paletteInput = (page: Page) => palette(page).getByRole('combobox');
const group = (page: Page, title: string) => palette(page).getByRole('group', { name: new RegExp(`^${title}`) });
const activeOption = (page: Page) => palette(page).locator('[role="option"][aria-selected="true"]');
const contactPanel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const companyPanel = (page: Page) => page.getByRole('complementary', { name: 'Company details' });

async function openPalette(page: Page): Promise<void> {
  // The window answers keys once the app has loaded.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await expect(paletteInput(page)).toBeFocused();
}

/** Moves the highlight with the arrow keys until it is on the row named `name`. */
async function arrowTo(page: Page, name: RegExp): Promise<void> {
  for (let step = 0; step < 40; step++) {
    if (name.test((await activeOption(page).textContent()) ?? '')) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no row matching ${name} could be reached with the arrow keys`);
}

/** Makes the core answer one search text with an error, as a damaged index would; other calls go through untouched. */
async function failSearch(page: Page, text: string, failure: string): Promise<void> {
  await page.evaluate(
    ([target, message]) => {
      const host = window as unknown as {
        __crmInvoke: (channel: string, input: { text?: string }) => Promise<unknown>;
      };
      const original = host.__crmInvoke.bind(host);
      host.__crmInvoke = (channel, input) => {
        if (channel !== 'search.all' || input.text !== target) return original(channel, input);
        return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message } });
      };
    },
    [text, failure] as const,
  );
}

test.describe('the command palette', () => {
  test('Ctrl+K opens it; typing shows matches grouped by kind, marked; arrows and Enter open the record; Escape gives focus back', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    const searchBox = page.getByRole('searchbox', { name: 'Search' });
    await searchBox.focus();

    await openPalette(page);
    await paletteInput(page).pressSequentially('acme', { delay: 40 });
    await expect(group(page, 'Companies').getByRole('option', { name: /Acme Ltd/ })).toBeVisible();
    await expect(group(page, 'Contacts').getByRole('option')).toHaveCount(2);
    await expect(group(page, 'Deals').getByRole('option', { name: /Acme renewal/ })).toBeVisible();
    await expect(group(page, 'Companies').locator('mark').first()).toHaveText('Acme');
    await expect(group(page, 'Contacts')).toContainText('2');
    await app.screenshot('search');

    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
    await expect(searchBox).toBeFocused();

    // A contact, reached with the arrows.
    await openPalette(page);
    await paletteInput(page).pressSequentially('bob');
    await expect(group(page, 'Contacts').getByRole('option', { name: /Bob Stone/ })).toBeVisible();
    await arrowTo(page, /Bob Stone/);
    await page.keyboard.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Bob Stone');

    // A company: its own screen and panel.
    await openPalette(page);
    await paletteInput(page).fill('globex');
    await expect(group(page, 'Companies').getByRole('option', { name: /Globex/ })).toBeVisible();
    await arrowTo(page, /^Globex/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Companies', level: 1 })).toBeVisible();
    await expect(companyPanel(page).getByRole('heading', { level: 2 })).toHaveText('Globex');

    // An activity opens with the record it belongs to.
    await openPalette(page);
    await paletteInput(page).fill('intro call');
    await expect(group(page, 'Activities').getByRole('option', { name: /Intro call/ })).toBeVisible();
    await arrowTo(page, /Intro call/);
    await page.keyboard.press('Enter');
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Anna Berg');
  });

  test('⌘K opens it too, and the mouse can choose a row', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await page.keyboard.press('Meta+K');
    await expect(paletteInput(page)).toBeFocused();
    await paletteInput(page).fill('carl');
    await palette(page)
      .getByRole('option', { name: /Carl Grey/ })
      .click();
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Carl Grey');
  });

  test('accents and case do not matter: "jose" finds José', async ({ app }) => {
    const page = app.page;
    await call(app.core, 'contacts.create', { name: 'José Álvarez', email: 'jose@example.com' });
    await call(app.core, 'companies.create', { name: 'Société Générale de Café' });
    await page.reload();
    await openPalette(page);
    await paletteInput(page).fill('jose');
    await expect(group(page, 'Contacts').getByRole('option', { name: /José Álvarez/ })).toBeVisible();
    await expect(group(page, 'Contacts').locator('mark').first()).toHaveText('José');
    await paletteInput(page).fill('SOCIETE cafe');
    await expect(group(page, 'Companies').getByRole('option', { name: /Société Générale de Café/ })).toBeVisible();
  });

  test('search syntax, unbalanced quotes, 10,000 characters and emoji are read as plain text and never show an error', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await call(app.core, 'contacts.create', { name: 'Zoë 🎉 Party' });
    await page.reload();
    await openPalette(page);
    const inputs = [
      '"',
      '*',
      'NEAR(',
      'NEAR(anna bob',
      '-',
      '-anna',
      'AND',
      'anna AND',
      'OR bob',
      'NOT',
      '"anna',
      'anna"berg',
      '(((',
      'anna*',
      '^anna',
      'col:anna',
      '🎉',
      '😀 anna',
      'a'.repeat(10_000),
      'anna '.repeat(2_000),
    ];
    for (const text of inputs) {
      await paletteInput(page).fill(text);
      // Matches, "Nothing matches" or why there was nothing to search for: an answer, never a problem.
      await expect(
        palette(page)
          .getByRole('option')
          .or(palette(page).getByText(/^Nothing matches|has no letters or digits to search for/))
          .first(),
      ).toBeVisible();
      await expect(palette(page).locator('.palette__problem')).toHaveCount(0);
    }
    await expect(paletteInput(page)).toHaveValue('anna '.repeat(2_000));
    await paletteInput(page).fill('"anna');
    await expect(group(page, 'Contacts').getByRole('option', { name: /Anna Berg/ })).toBeVisible();
    await paletteInput(page).fill('zoe 🎉');
    await expect(group(page, 'Contacts').getByRole('option', { name: /Zoë 🎉 Party/ })).toBeVisible();
    // The app is still fine behind it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  });

  test('a search with no letters or digits finds nothing and says why; spaces alone are no search', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await openPalette(page);
    for (const typed of ['%', '*', '🚀', '""', '%*']) {
      await paletteInput(page).fill(typed);
      await expect(palette(page).getByRole('status')).toHaveText(`“${typed}” has no letters or digits to search for.`);
      await expect(palette(page).getByRole('option')).toHaveCount(0);
    }
    await app.screenshot('search-nothing-to-search-for');
    await paletteInput(page).fill('  ');
    await expect(group(page, 'Actions').getByRole('option', { name: 'New contact' })).toBeVisible();
    // The status line stays in the page (so each message is announced) but says nothing.
    await expect(palette(page).getByRole('status')).toHaveText('');
    await paletteInput(page).fill('%anna');
    await expect(group(page, 'Contacts').getByRole('option', { name: /Anna Berg/ })).toBeVisible();
  });

  test('the pickers that search (a task’s “For”, a deal’s company) offer nobody for “%” and say why', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Today' }).click();
    await page.getByRole('main', { name: 'Today' }).getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('combobox', { name: 'For' }).fill('%');
    await expect(dialog.getByText('“%” has no letters or digits to search for')).toBeVisible();
    await expect(dialog.getByRole('option')).toHaveCount(0);
    await app.screenshot('search-picker-nothing-to-search-for');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Deals' }).click();
    await page.getByRole('button', { name: 'New deal' }).click();
    const company = page
      .getByRole('complementary', { name: 'Deal details' })
      .getByRole('combobox', { name: 'Company' });
    await company.fill('*');
    // Said in the picker's status line (announced), not as a row of the list: only options belong there.
    const said = page.getByText('“*” has no letters or digits to search for');
    await expect(said).toBeVisible();
    await expect(said).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByRole('listbox', { name: 'Company' })).toHaveCount(0);
  });

  test('actions: listed when empty, filtered by the typed words, and run with Enter', async ({ app }) => {
    const page = app.page;
    await openPalette(page);
    const actions = group(page, 'Actions');
    await expect(actions.getByRole('option', { name: 'New contact' })).toBeVisible();
    await expect(actions.getByRole('option', { name: 'Go to Trash' })).toBeVisible();
    await expect(actions.getByRole('option', { name: 'Restore from backup…' })).toBeVisible();
    await app.screenshot('search-actions');

    await paletteInput(page).fill('new con');
    await expect(actions.getByRole('option')).toHaveText(['New contact']);
    await page.keyboard.press('Enter');
    await expect(contactPanel(page).getByLabel('Name')).toBeFocused();
    await contactPanel(page).getByRole('button', { name: 'Cancel' }).click();

    await openPalette(page);
    await paletteInput(page).fill('trash');
    await arrowTo(page, /Go to Trash/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Trash', level: 1 })).toBeVisible();

    await openPalette(page);
    await paletteInput(page).fill('find in');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();

    await openPalette(page);
    await paletteInput(page).fill('restore');
    await arrowTo(page, /Restore from backup/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Restore from a backup' })).toBeVisible();
    await expect(palette(page)).toBeHidden();
  });

  test('a failing search says so calmly inside the palette, and the next keystroke tries again', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    // The core answers "bob" with an error, as it would on a damaged index.
    await failSearch(page, 'bob', 'Search is not available right now.');
    await openPalette(page);
    await paletteInput(page).fill('bob');
    await expect(palette(page).getByText('Search is not available right now.')).toBeVisible();
    await paletteInput(page).fill('bob s');
    await expect(group(page, 'Contacts').getByRole('option', { name: /Bob Stone/ })).toBeVisible();
    await expect(palette(page).getByText('Search is not available right now.')).toBeHidden();
  });

  test('a slow reply to an older text never replaces the newer one', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    const an = await holdReply(page, 'search.all', 'text', 'an');
    await openPalette(page);
    await paletteInput(page).fill('an');
    await expect.poll(an.asked).toBe(true);
    await paletteInput(page).fill('carl');
    await expect(group(page, 'Contacts').getByRole('option')).toHaveText([/Carl Grey/]);
    const shownContacts = await recordShown(page, '[role="group"][aria-labelledby$="-contact"] [role="option"]');
    await an.release();
    await expect.poll(an.answered).toBe(true);
    // A later search that shows: by then whatever the reply to "an" caused has been drawn too.
    await paletteInput(page).fill('bob');
    await expect(group(page, 'Contacts').getByRole('option')).toHaveText([/Bob Stone/]);
    const shown = await shownContacts();
    expect(shown.length).toBeGreaterThan(0);
    for (const option of shown) expect(option).toMatch(/Carl Grey|Bob Stone/);
  });

  test('100,000 contacts: results appear as a prefix is typed letter by letter', async ({ app }) => {
    test.setTimeout(120_000);
    const page = app.page;
    seedContacts(app.core, 100_000);
    await page.reload();
    await expect(page.getByText('100,000 contacts')).toBeVisible();
    await openPalette(page);
    const prefix = 'tanak';
    const started = Date.now();
    for (const letter of prefix) {
      await page.keyboard.type(letter);
      await expect(group(page, 'Contacts').getByRole('option').first()).toBeVisible();
    }
    const elapsed = Date.now() - started;
    await expect(group(page, 'Contacts')).toContainText('100+');
    const tanakas = group(page, 'Contacts').getByRole('option');
    await expect(tanakas).toHaveCount(5);
    for (const name of await tanakas.allInnerTexts()) expect(name).toMatch(/Tanaka/);
    test.info().annotations.push({
      type: 'typing "tanak" over 100,000 contacts',
      description: `${elapsed} ms for 5 letters with results after each`,
    });
    await app.screenshot('search-100k');
  });
});
