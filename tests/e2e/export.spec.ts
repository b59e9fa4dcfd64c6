import type { Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { vcf } from '../../electron/core/export/vcf-package';
import { call } from '../support/crm';
import { seedContacts } from '../support/seed-contacts';
import { expect, test, type RolodeskApp } from './app';

// Counts are written in the user's locale; pin it so the words are predictable.
test.use({ locale: 'en-US' });

const gridOf = (page: Page, name: 'Contacts' | 'Companies' | 'Deals') => page.getByRole('grid', { name });
/** The list row at a position (0-based); aria-rowindex counts the header as row 1. */
const rowAt = (grid: Locator, index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });
const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
const exportButton = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Export…', exact: true });
const exportDialog = (page: Page, plural: string) => page.getByRole('dialog', { name: `Export ${plural}` });
const runningDialog = (page: Page, plural: string) => page.getByRole('dialog', { name: `Exporting ${plural}` });

/** The file as Excel would read it: UTF-8 with a BOM, one record per row, keyed by the header. */
function csvRecords(path: string, delimiter = ','): Array<Record<string, string>> {
  return parse<Record<string, string>>(readFileSync(path), { bom: true, columns: true, delimiter });
}

/** Answers the next save dialog with `path`, and records the name it suggested. */
function saveTo(app: RolodeskApp, path: string | undefined): string[] {
  const suggested: string[] = [];
  app.desktop.chooseSaveLocation = (name: string) => {
    suggested.push(name);
    return Promise.resolve(path);
  };
  return suggested;
}

/** Holds the next save dialog open until release(), as a person deciding where to save does. */
function holdSaveDialog(app: RolodeskApp, path: string | undefined): () => void {
  let release = () => {};
  app.desktop.chooseSaveLocation = () =>
    new Promise((resolve) => {
      release = () => resolve(path);
    });
  return () => release();
}

const people = [
  { name: 'Anna Berg', email: 'anna@acme.example', company: 'Acme Ltd' },
  { name: 'Bruno Costa', email: 'bruno@acme.example', company: 'Acme Ltd' },
  { name: 'Chloé Dubois', email: 'chloe@fabrikam.example', company: 'Fabrikam' },
  { name: 'Dmitri Ivanov', email: 'dmitri@acme.example', company: 'Acme Ltd' },
  { name: 'Emma Schulz', email: 'emma@litware.example', company: 'Litware' },
  { name: '=HYPERLINK("http://evil.example")', email: 'mallory@acme.example', company: 'Acme Ltd' },
];

/** The address book above, with a VIP tag on Anna and Dmitri; the list reloaded to show it. */
async function addressBook(app: RolodeskApp): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const person of people) ids.set(person.name, (await call(app.core, 'contacts.create', person)).id);
  const vip = await call(app.core, 'tags.create', { name: 'VIP' });
  for (const name of ['Anna Berg', 'Dmitri Ivanov'])
    await call(app.core, 'tags.link', { record: { kind: 'contact', id: ids.get(name)! }, tagId: vip.id });
  await app.page.reload();
  await expect(app.page.getByText(`${people.length} contacts`, { exact: true })).toBeVisible();
  return ids;
}

test.describe('Export… on a list', () => {
  test('a searched, sorted contact list goes to CSV exactly as shown, with semicolons, tags and formulas neutralised', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await addressBook(app);
    const grid = gridOf(page, 'Contacts');

    // Search "acme", then sort by name, Z to A: the export follows both.
    await page.getByRole('searchbox', { name: 'Search' }).fill('acme');
    await expect(page.getByText('4 matches', { exact: true })).toBeVisible();
    const nameHeader = grid.getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    // Sorted as a phone book sorts: the "=" is passed over, so "HYPERLINK" comes before Dmitri.
    await expect(rowAt(grid, 1)).toContainText('Dmitri Ivanov');

    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('4 contacts will be exported.')).toBeVisible();
    await expect(
      dialog.getByText('Narrowed by the search “acme”: only what the list shows is exported.'),
    ).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: /vCard/ })).toBeVisible();
    // Focus starts on Export…, the one thing most people then do.
    await expect(dialog.getByRole('button', { name: 'Export…' })).toBeFocused();
    await app.screenshot('export-01-dialog-contacts');

    await dialog.getByRole('radio', { name: /Semicolon/ }).check();
    const destination = join(scratch, 'acme people.csv');
    const suggested = saveTo(app, destination);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 4 contacts to acme people.csv');
    await expect(dialog).toBeHidden();
    await expect(exportButton(page)).toBeFocused();
    await app.screenshot('export-02-done-toast');

    expect(suggested).toEqual([expect.stringMatching(/^Contacts \d{4}-\d{2}-\d{2}\.csv$/)]);
    const bytes = readFileSync(destination);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(destination, ';');
    expect(Object.keys(records[0]!)).toEqual([
      'Name',
      'Email',
      'Phone',
      'Company',
      'Notes',
      'Created',
      'Updated',
      'Lead source',
      'UTM source',
      'UTM medium',
      'UTM campaign',
      'Marketing consent',
      'Consent changed',
      'Tags',
    ]);
    expect(records.map((record) => record.Name)).toEqual([
      '\'=HYPERLINK("http://evil.example")',
      'Dmitri Ivanov',
      'Bruno Costa',
      'Anna Berg',
    ]);
    expect(records.map((record) => record.Tags)).toEqual(['', 'VIP', '', 'VIP']);
    expect(readdirSync(scratch)).toEqual(['acme people.csv']);

    // The separator is remembered for next time.
    await exportButton(page).click();
    await expect(exportDialog(page, 'contacts').getByRole('radio', { name: /Semicolon/ })).toBeChecked();
  });

  test('only the ticked rows, or the whole list when unticked; .xlsx reads back in a spreadsheet reader', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    const grid = gridOf(page, 'Contacts');
    await addressBook(app);
    await expect(rowAt(grid, 0)).toContainText('Anna Berg');
    await rowAt(grid, 0).getByRole('checkbox').click();
    await rowAt(grid, 2).getByRole('checkbox').click();

    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');
    const onlyTicked = dialog.getByRole('checkbox', { name: 'Only the 2 ticked contacts' });
    await expect(onlyTicked).toBeChecked();
    await expect(dialog.getByText('2 contacts will be exported.')).toBeVisible();
    await dialog.getByRole('radio', { name: /Excel workbook/ }).check();
    // No separator for a workbook.
    await expect(dialog.getByRole('group', { name: 'Separator between values' })).toHaveCount(0);
    await app.screenshot('export-03-ticked-xlsx');

    saveTo(app, join(scratch, 'ticked.xlsx'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 2 contacts to ticked.xlsx');
    const ticked = await readSheet(join(scratch, 'ticked.xlsx'));
    expect(ticked[0]!.slice(0, 2)).toEqual(['Name', 'Email']);
    expect(ticked.slice(1).map((row) => row[0])).toEqual(['Anna Berg', 'Chloé Dubois']);

    // The same ticks, unticked in the dialog: every row of the list.
    await exportButton(page).click();
    await onlyTicked.uncheck();
    await expect(dialog.getByText('6 contacts will be exported.')).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
    await dialog.getByRole('radio', { name: /Excel workbook/ }).check();
    saveTo(app, join(scratch, 'all.xlsx'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 6 contacts to all.xlsx');
    const all = await readSheet(join(scratch, 'all.xlsx'));
    expect(all.length).toBe(7);
    expect(all.slice(1).map((row) => row[1])).toEqual(expect.arrayContaining(people.map((person) => person.email)));

    // Select all, then untick one: the rest, named one by one, in the list's order.
    await page
      .getByRole('toolbar', { name: 'Change the selected rows' })
      .getByRole('button', { name: 'Clear' })
      .click();
    await grid.getByRole('columnheader').getByRole('checkbox').click();
    await rowAt(grid, 1).getByRole('checkbox').click();
    await exportButton(page).click();
    await expect(dialog.getByRole('checkbox', { name: 'Only the 5 ticked contacts' })).toBeChecked();
    saveTo(app, join(scratch, 'five.csv'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 5 contacts to five.csv');
    expect(csvRecords(join(scratch, 'five.csv')).map((record) => record.Name)).toEqual([
      'Anna Berg',
      'Chloé Dubois',
      'Dmitri Ivanov',
      'Emma Schulz',
      '\'=HYPERLINK("http://evil.example")',
    ]);
  });

  test('contacts go to vCard: one card per person, every name and email; a tag filter and a saved view narrow it', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await addressBook(app);
    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');
    await dialog.getByRole('radio', { name: /vCard/ }).check();
    await app.screenshot('export-04-vcard');
    saveTo(app, join(scratch, 'people.vcf'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 6 contacts to people.vcf');

    const cardsIn = (file: string) => vcf.parse(readFileSync(join(scratch, file), 'utf8'));
    const first = (card: ReturnType<typeof cardsIn>[number], key: string) => [card.get(key)].flat()[0]?.valueOf();
    const cards = cardsIn('people.vcf');
    expect(cards).toHaveLength(6);
    expect(cards.map((card) => first(card, 'fn'))).toEqual(
      expect.arrayContaining(['Anna Berg', 'Chloé Dubois', 'Emma Schulz']),
    );
    expect(cards.map((card) => first(card, 'email')).sort()).toEqual(people.map((person) => person.email).sort());

    // Filtered by the VIP tag and saved as a view; back to everyone, then the view picked again: the export is the view's.
    await page.getByRole('button', { name: 'Tags', exact: true }).click();
    await page.getByRole('checkbox', { name: /VIP/ }).check();
    await page.keyboard.press('Escape');
    await expect(page.getByText('2 matches', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Save view…' }).click();
    const saveView = page.getByRole('dialog', { name: 'Save this view' });
    await saveView.getByLabel('Name').fill('VIP people');
    await saveView.getByRole('button', { name: 'Save view' }).click();
    const viewChoice = page.getByRole('combobox', { name: 'View' });
    await viewChoice.selectOption({ label: 'All contacts' });
    await expect(page.getByText('6 contacts', { exact: true })).toBeVisible();
    await viewChoice.selectOption({ label: 'VIP people' });
    await expect(page.getByText('2 matches', { exact: true })).toBeVisible();

    await exportButton(page).click();
    await expect(dialog.getByText('2 contacts will be exported.')).toBeVisible();
    await expect(dialog.getByText('Narrowed by the tag filter: only what the list shows is exported.')).toBeVisible();
    await app.screenshot('export-14-saved-view');
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
    await dialog.getByRole('radio', { name: /vCard/ }).check();
    saveTo(app, join(scratch, 'vip.vcf'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 2 contacts to vip.vcf');
    expect(cardsIn('vip.vcf').map((card) => first(card, 'fn'))).toEqual(['Anna Berg', 'Dmitri Ivanov']);
  });

  test('companies and deals export from their own lists; vCard is offered for people only', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    const acme = await call(app.core, 'companies.create', {
      name: 'Acme Ltd',
      industry: 'Engineering',
      website: 'acme.example',
    });
    const globex = await call(app.core, 'companies.create', { name: 'Globex', industry: 'Media' });
    await call(app.core, 'companies.create', { name: 'Initech', industry: 'Software' });
    await call(app.core, 'deals.create', {
      title: 'Acme renewal',
      companyId: acme.id,
      valueMinor: 500_000,
      currency: 'EUR',
    });
    await call(app.core, 'deals.create', {
      title: 'Globex pilot',
      companyId: globex.id,
      valueMinor: 120_050,
      currency: 'USD',
    });
    await page.reload();

    await section(page, 'Companies');
    await expect(page.getByText('3 companies', { exact: true })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill('globex');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await exportButton(page).click();
    const companies = exportDialog(page, 'companies');
    await expect(companies.getByRole('radio')).toHaveCount(4);
    await expect(companies.getByRole('radio', { name: /vCard/ })).toHaveCount(0);
    await expect(companies.getByText('1 company will be exported.')).toBeVisible();
    await app.screenshot('export-05-companies');
    saveTo(app, join(scratch, 'companies.csv'));
    await companies.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 1 company to companies.csv');
    const companyRows = csvRecords(join(scratch, 'companies.csv'));
    expect(companyRows.map((row) => [row.Name, row.Industry, row.Website])).toEqual([['Globex', 'Media', '']]);

    // Deals: from the board, Export… shows the list it writes.
    await section(page, 'Deals');
    await exportButton(page).click();
    const deals = exportDialog(page, 'deals');
    await expect(deals.getByText('2 deals will be exported.')).toBeVisible();
    await app.screenshot('export-06-deals');
    saveTo(app, join(scratch, 'deals.xlsx'));
    await deals.getByRole('radio', { name: /Excel workbook/ }).check();
    await deals.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText('Exported 2 deals to deals.xlsx');
    await expect(gridOf(page, 'Deals')).toBeVisible();

    // A narrow window: the header's buttons all stay reachable.
    await page.setViewportSize({ width: 700, height: 800 });
    await expect(exportButton(page)).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'New deal' })).toBeInViewport({ ratio: 1 });
    await app.screenshot('export-11-deals-narrow');
    const dealRows = await readSheet(join(scratch, 'deals.xlsx'));
    expect(dealRows[0]!.slice(0, 4)).toEqual(['Title', 'Value', 'Currency', 'Stage']);
    expect(
      dealRows
        .slice(1)
        .map((row) => [row[0], row[1], row[2]])
        .sort(),
    ).toEqual([
      ['Acme renewal', 5000, 'EUR'],
      ['Globex pilot', 1200.5, 'USD'],
    ]);
  });

  test('a select-all less one exports every other row; Cancel mid-export of 100,000 contacts leaves no file, and says so', async ({
    app,
    scratch,
  }) => {
    test.setTimeout(180_000);
    const page = app.page;
    // Long enough to write that a Cancel sent at the first rows arrives before the last.
    seedContacts(app.core, 100_000);
    await page.reload();
    await expect(page.getByText('100,000 contacts', { exact: true })).toBeVisible();

    // Select all, less the first row: far more than 10,000 rows, named as the list less that one.
    const grid = gridOf(page, 'Contacts');
    await grid.getByRole('columnheader').getByRole('checkbox').click();
    const [leftOut] = (await call(app.core, 'contacts.list', { limit: 1 })).rows;
    await rowAt(grid, 0).getByRole('checkbox').click();
    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');
    await expect(dialog.getByRole('checkbox', { name: 'Only the 99,999 ticked contacts' })).toBeChecked();
    await expect(dialog.getByText('99,999 contacts will be exported.')).toBeVisible();
    await app.screenshot('export-15-select-all-less-one');
    saveTo(app, join(scratch, 'all-but-one.csv'));
    // A screenshot while it writes: at the first rows written, or at the end if it is done first.
    const writingOrDone = page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const watch = new MutationObserver(() => {
            const text =
              document.querySelector('[role="dialog"] [role="progressbar"]')?.getAttribute('aria-valuetext') ?? '';
            if (/^Writing/.test(text) || document.querySelector('[role="dialog"]') === null) {
              watch.disconnect();
              resolve();
            }
          });
          watch.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ['aria-valuetext'],
          });
        }),
    );
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await writingOrDone;
    await app.screenshot('export-07-progress');
    await expect(toasts(page)).toContainText('Exported 99,999 contacts to all-but-one.csv', { timeout: 60_000 });
    const written = csvRecords(join(scratch, 'all-but-one.csv'));
    expect(written).toHaveLength(99_999);
    expect(written.map((row) => row['Email'])).not.toContain(leftOut!.email);
    expect(new Set(written.map((row) => row['Email'])).size).toBe(99_999);
    rmSync(join(scratch, 'all-but-one.csv'));
    await page
      .getByRole('toolbar', { name: 'Change the selected rows' })
      .getByRole('button', { name: 'Clear' })
      .click();

    await exportButton(page).click();
    await expect(dialog.getByText('100,000 contacts will be exported.')).toBeVisible();
    const release = holdSaveDialog(app, join(scratch, 'everyone.csv'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const running = runningDialog(page, 'contacts');
    await expect(running.getByText('Choose where to save the file…')).toBeVisible();
    // Cancel as soon as the first rows are written.
    const cancelOnFirstRows = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const watch = new MutationObserver(() => {
            const bar = document.querySelector('[role="dialog"] [role="progressbar"]');
            const text = bar?.getAttribute('aria-valuetext') ?? '';
            if (/^Writing [\d,]+ of 100,000 contacts/.test(text)) {
              watch.disconnect();
              const cancel = [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find(
                (button) => button.textContent === 'Cancel',
              );
              cancel?.click();
              resolve(text);
            }
          });
          watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuetext'] });
        }),
    );
    release();
    const cancelledAt = await cancelOnFirstRows;
    expect(cancelledAt).toMatch(/^Writing [\d,]+ of 100,000 contacts…$/);
    await expect(toasts(page)).toContainText('Export cancelled. No file was saved.');
    await expect(running).toBeHidden();
    await expect(exportButton(page)).toBeFocused();
    expect(readdirSync(scratch)).toEqual([]);
  });

  test('a search past “1,000+ matches”, all selected but one: exactly those go to the file', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    seedContacts(app.core, 30_000);
    await page.reload();
    await page.getByRole('searchbox', { name: 'Search' }).fill('anna');
    await expect(page.getByText('1,000+ matches', { exact: true })).toBeVisible();
    const matching = (await call(app.core, 'bulk.count', { list: { kind: 'contact', query: { search: 'anna' } } }))
      .total;
    expect(matching).toBeGreaterThan(1_000);

    const grid = gridOf(page, 'Contacts');
    await grid.getByRole('columnheader').getByRole('checkbox').click();
    const [first] = (await call(app.core, 'contacts.list', { search: 'anna', limit: 1 })).rows;
    await rowAt(grid, 0).getByRole('checkbox').click();
    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');
    const left = (matching - 1).toLocaleString('en-US');
    await expect(dialog.getByRole('checkbox', { name: `Only the ${left} ticked contacts` })).toBeChecked();
    await expect(dialog.getByText(`${left} contacts will be exported.`)).toBeVisible();
    await app.screenshot('export-16-search-all-but-one');
    saveTo(app, join(scratch, 'annas.csv'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(toasts(page)).toContainText(`Exported ${left} contacts to annas.csv`);

    const written = csvRecords(join(scratch, 'annas.csv'));
    expect(written).toHaveLength(matching - 1);
    expect(written.every((row) => /anna/i.test(`${row['Name']} ${row['Email']}`))).toBe(true);
    expect(written.map((row) => row['Email'])).not.toContain(first!.email);
  });

  test('Escape closes the dialog and focus goes back to Export…; during the save dialog Escape cancels', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await addressBook(app);
    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');
    await expect(dialog).toBeVisible();
    // Tab order: the file types, the separator, Cancel, Export…, and round again.
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('radio', { name: /Comma/ })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Export…' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(exportButton(page)).toBeFocused();

    // Opened from the palette: "Export this list…".
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    await palette.getByRole('combobox').fill('export this');
    await palette.getByRole('option', { name: /Export this list/ }).click();
    await expect(dialog).toBeVisible();
    const release = holdSaveDialog(app, join(scratch, 'late.csv'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const running = runningDialog(page, 'contacts');
    await expect(running).toBeVisible();
    await app.screenshot('export-08-choosing-place');
    await page.keyboard.press('Escape');
    await expect(running.getByRole('button', { name: 'Cancelling…' })).toBeVisible();
    release();
    await expect(toasts(page)).toContainText('Export cancelled. No file was saved.');
    await expect(running).toBeHidden();
    await expect(exportButton(page)).toBeFocused();
    expect(readdirSync(scratch)).toEqual([]);
  });

  test('File › Export List… exports the list on screen, or Contacts from a screen without one', async ({ app }) => {
    const page = app.page;
    await addressBook(app);
    await call(app.core, 'companies.create', { name: 'Acme Ltd' });

    await section(page, 'Today');
    await app.emit('menu.command', { command: 'export-list' });
    await expect(exportDialog(page, 'contacts').getByText('6 contacts will be exported.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(exportButton(page)).toBeFocused();

    await section(page, 'Companies');
    await app.emit('menu.command', { command: 'export-list' });
    await expect(exportDialog(page, 'companies').getByText('1 company will be exported.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(exportDialog(page, 'companies')).toBeHidden();
  });

  test('at 600px wide every list keeps Export… inside the window, and nothing overflows sideways', async ({ app }) => {
    const page = app.page;
    await page.setViewportSize({ width: 600, height: 800 });
    await addressBook(app);
    for (const [name, plural] of [
      ['Contacts', 'contacts'],
      ['Companies', 'companies'],
      ['Deals', 'deals'],
    ] as const) {
      await section(page, name);
      const button = exportButton(page);
      await expect(button).toBeVisible();
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(600);
      const sizes = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
      await button.click();
      await expect(exportDialog(page, plural).getByRole('button', { name: 'Export…' })).toBeInViewport({ ratio: 1 });
      await app.screenshot(`export-13-narrow-${plural}`);
      await page.keyboard.press('Escape');
      await expect(button).toBeFocused();
    }
  });

  test('a closed save dialog goes back to the choices; a folder that is gone is said in the dialog, in plain words', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await addressBook(app);
    await exportButton(page).click();
    const dialog = exportDialog(page, 'contacts');

    saveTo(app, undefined);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);

    const gone = join(scratch, 'USB stick');
    mkdirSync(gone);
    rmSync(gone, { recursive: true });
    saveTo(app, join(gone, 'contacts.csv'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const problem = dialog.getByRole('alert');
    await expect(problem).toContainText('The list was not exported');
    await expect(problem).toContainText(`The folder “${gone}” is not there any more`);
    await app.screenshot('export-09-problem');
    expect(existsSync(gone)).toBe(false);

    // Narrow window: the dialog still reads, nothing cut off.
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('export-10-narrow');
    const box = await dialog.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(700);
    await expect(dialog.getByRole('button', { name: 'Export…' })).toBeInViewport();

    // Another place, and the export goes through; the toast reads whole in the narrow window.
    saveTo(app, join(scratch, 'contacts.csv'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const toastPlace = () =>
      page.evaluate(() => {
        const toast = document.querySelector('.toast');
        if (!toast) return 'none';
        const box = toast.getBoundingClientRect();
        return box.left >= 0 && box.right <= window.innerWidth
          ? 'inside'
          : `outside: ${Math.round(box.left)} to ${Math.round(box.right)}`;
      });
    await expect.poll(toastPlace, { intervals: [50] }).toBe('inside');
    await app.screenshot('export-12-narrow-done');
    await expect(toasts(page)).toContainText('Exported 6 contacts to contacts.csv');
  });
});
