import type { Locator, Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { call } from '../support/crm';
import { expect, test as appTest, type RolodeskApp } from './app';
import { beforeCalls } from './before-calls';

appTest.use({ locale: 'en-US' });

/** A folder for the files the user imports (and the rejected rows they save), removed afterwards. */
const test = appTest.extend<{ files: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter, which must be an object pattern; this one needs none.
  files: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'rolodesk-import-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const wizard = (page: Page, plural = 'contacts') => page.getByRole('dialog', { name: `Import ${plural}` });
const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });
const grid = (page: Page, name = 'Contacts') => page.getByRole('grid', { name });
const stepTitle = (dialog: Locator) => dialog.getByRole('heading', { level: 3 }).first();

/** Writes a file the user will pick; returns its path. */
function fileIn(dir: string, name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The picked file answers the next Open dialog, and the wizard's "Choose a file…" opens it. */
async function chooseFile(app: RolodeskApp, dialog: Locator, path: string): Promise<void> {
  app.desktop.importFile = path;
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
}

function contactNames(app: RolodeskApp): string[] {
  const rows = app.core.db.prepare('SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY name').all() as Array<{
    name: string;
  }>;
  return rows.map((row) => row.name);
}

/** What Excel writes on "Save as CSV" on a German Windows: semicolons, Windows-1252, CRLF. */
const excelGermanCsv = iconv.encode(
  [
    'Name;E-Mail;Telefon;Firma;Kommentar',
    'Zoë Müller;zoe@example.com;+49 30 1234567;Café Röhr GmbH;Rabatt 12 € – „Stammkundin“',
    'François Garçon;francois.garcon@example;+33 1 23 45 67 89;Société Générale;',
    'Åsa Ström;asa@example.se;+46 8 555 0101;Ström & Söner AB;Fika on Fridays',
    ';nobody@example.com;;;a row without a name',
  ].join('\r\n') + '\r\n',
  'windows-1252',
);

test.describe('Import wizard', () => {
  test('a semicolon CSV from Excel in Windows-1252: encoding found and changed, columns matched, one mapped twice, rejected rows named by line, imported, shown, undone', async ({
    app,
    files,
  }) => {
    const { page } = app;
    const path = fileIn(files, 'Kunden.csv', excelGermanCsv);
    await call(app.core, 'contacts.create', { name: 'Existing Person', email: 'existing@example.com' });

    // The Contacts screen's own button opens the wizard for contacts.
    const importButton = page.getByRole('button', { name: 'Import…' });
    await importButton.click();
    const dialog = wizard(page);
    await expect(stepTitle(dialog)).toHaveText('Choose the file');
    await expect(dialog.getByRole('list', { name: 'Step 1 of 6' })).toBeVisible();
    await app.screenshot('import-1-pick');

    await chooseFile(app, dialog, path);
    await expect(stepTitle(dialog)).toHaveText('Check how the file reads');
    const encoding = dialog.getByRole('combobox', { name: 'Encoding (how letters are stored)' });
    await expect(encoding).toHaveValue('windows-1252');
    await expect(dialog).toContainText('Found: Windows-1252 (Western European).');
    await expect(dialog.getByRole('combobox', { name: 'Columns separated by' })).toHaveValue(';');
    await expect(dialog.getByRole('combobox', { name: 'First row' })).toHaveValue('yes');
    const sample = dialog.getByRole('region', { name: 'The first rows of the file' });
    await expect(sample).toContainText('Zoë Müller');
    await expect(sample).toContainText('Rabatt 12 € – „Stammkundin“');
    await app.screenshot('import-2-detect');

    // Read as Latin-1 the euro sign and the quotes (bytes only Windows-1252 gives a meaning) are gone from the sample.
    await encoding.selectOption('iso-8859-1');
    await expect(sample).not.toContainText('€');
    await expect(sample).toContainText('Zoë Müller');
    await expect(dialog).toContainText('Found Windows-1252 (Western European); reading as you chose.');
    await app.screenshot('import-2b-detect-latin1');
    // Read as UTF-8 the file cannot be read at all: the core says which line, and the sample stays as it was.
    await encoding.selectOption('utf-8');
    await expect(dialog.getByRole('alert')).toContainText('Line 2 is not valid UTF-8');
    await expect(encoding).toHaveValue('iso-8859-1');
    await encoding.selectOption('windows-1252');
    await expect(sample).toContainText('Rabatt 12 € – „Stammkundin“');
    await expect(dialog.getByRole('alert')).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Next: match columns' }).click();
    await expect(stepTitle(dialog)).toHaveText('Match the columns');
    const target = (header: string) => dialog.getByRole('combobox', { name: header, exact: true });
    await expect(target('Name')).toHaveValue('name');
    await expect(target('E-Mail')).toHaveValue('email');
    await expect(dialog).toContainText('zoe@example.com · francois.garcon@example');
    // Firma is German for company: the user says so. Telefon goes to Phone.
    await target('Firma').selectOption({ label: 'Company' });
    await target('Telefon').selectOption({ label: 'Phone' });
    // Kommentar mapped to Email as well as E-Mail: refused beside both, and Next says why.
    await target('Kommentar').selectOption({ label: 'Email' });
    const twice = '“E-Mail” and “Kommentar” both go to Email. Choose one, or send the other to Notes.';
    await expect(target('E-Mail')).toHaveAttribute('aria-invalid', 'true');
    await expect(target('Kommentar')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByText(twice)).toHaveCount(2);
    await app.screenshot('import-3-map-twice');
    const nextToPreview = dialog.getByRole('button', { name: 'Next: preview' });
    await expect(nextToPreview).toHaveAttribute('aria-disabled', 'true');
    await nextToPreview.click({ force: true });
    await expect(stepTitle(dialog)).toHaveText('Match the columns');
    await target('Kommentar').selectOption({ label: 'Notes' });
    await expect(dialog.getByText(twice)).toHaveCount(0);
    await expect(nextToPreview).toHaveAttribute('aria-disabled', 'false');
    await app.screenshot('import-3-map');

    await dialog.getByRole('button', { name: 'Next: preview' }).click();
    await expect(stepTitle(dialog)).toHaveText('Preview');
    const counts = dialog.getByRole('definition');
    await expect(counts).toHaveText(['2', '0', '0', '2']);
    const rows = dialog.getByRole('region', { name: 'Rows as they will be stored' });
    await expect(rows.getByRole('row', { name: /Zoë Müller/ })).toContainText('Café Röhr GmbH');
    await expect(rows.getByRole('row', { name: /^3 / })).toContainText('Rejected');
    await expect(rows.getByRole('row', { name: /^3 / })).toContainText('Email');
    await expect(rows.getByRole('row', { name: /^5 / })).toContainText('no name');
    await app.screenshot('import-4-preview');
    await page.setViewportSize({ width: 700, height: 800 });
    await expect(rows.getByRole('row', { name: /^3 / })).toContainText(
      'Email: that does not look like an email address',
    );
    await app.screenshot('import-4-preview-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await dialog.getByRole('button', { name: 'Next: duplicates' }).click();
    await expect(stepTitle(dialog)).toHaveText('Rows that are already there');
    await expect(dialog).toContainText('No row matches contacts already in Rolodesk');
    await app.screenshot('import-5-duplicates');

    await dialog.getByRole('button', { name: 'Import 2 contacts' }).click();
    await expect(stepTitle(dialog)).toHaveText('Import finished');
    await expect(dialog.getByRole('definition')).toHaveText(['2', '0', '0', '2']);
    const rejected = dialog.getByRole('list', { name: 'Rejected rows' });
    await expect(rejected.getByRole('listitem')).toHaveCount(2);
    await expect(rejected.getByRole('listitem').first()).toContainText('Line 3');
    await expect(rejected.getByRole('listitem').last()).toContainText('Line 5');
    await expect(dialog).toContainText(/carries the tag Imported \d{4}-\d{2}-\d{2}/);
    await app.screenshot('import-6-summary');
    await page.setViewportSize({ width: 700, height: 800 });
    const narrow = await dialog.boundingBox();
    expect(narrow && narrow.x >= 0 && narrow.x + narrow.width <= 700).toBe(true);
    await app.screenshot('import-6-summary-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(contactNames(app)).toEqual(['Existing Person', 'Zoë Müller', 'Åsa Ström']);
    const companies = app.core.db.prepare('SELECT name FROM companies WHERE deleted_at IS NULL ORDER BY name').all();
    expect(companies).toEqual([{ name: 'Café Röhr GmbH' }, { name: 'Ström & Söner AB' }]);

    // The rejected rows, saved as a CSV to fix and import again.
    const saved = join(files, 'rejected.csv');
    app.desktop.saveLocation = saved;
    await dialog.getByRole('button', { name: 'Save rejected rows…' }).click();
    await expect(dialog.getByRole('status')).toContainText('Rejected rows saved.');
    expect(readFileSync(saved, 'utf8')).toContain('François Garçon');

    // "Show imported contacts": the list narrowed to the import's tag.
    await dialog.getByRole('button', { name: 'Show imported contacts' }).click();
    await expect(dialog).toBeHidden();
    await expect(grid(page).getByRole('row', { name: /Zoë Müller/ })).toBeVisible();
    await expect(grid(page).getByRole('row', { name: /Existing Person/ })).toHaveCount(0);
    await expect(page.getByText('2 matches')).toBeVisible();
    await app.screenshot('import-7-shown');
    // Each record's timeline says where it came from.
    await grid(page)
      .getByRole('row', { name: /Zoë Müller/ })
      .click();
    const timeline = page
      .getByRole('complementary', { name: 'Contact details' })
      .getByRole('list', { name: 'Timeline' });
    await expect(timeline).toContainText(/Imported \d{4}-\d{2}-\d{2}/);
    await timeline.scrollIntoViewIfNeeded();
    await app.screenshot('import-7b-timeline');

    // Settings › Imports lists it; Undo takes the two contacts away again.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Imports' }).click();
    const imports = page.getByRole('list', { name: 'Imports' });
    await expect(imports.getByRole('listitem')).toHaveCount(1);
    await expect(imports).toContainText('Kunden.csv');
    await expect(imports).toContainText('2 created, 2 companies created for them, 2 rejected');
    await app.screenshot('import-8-settings');
    await imports.getByRole('button', { name: 'Undo the import of Kunden.csv' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo the import of “Kunden.csv”?' });
    await expect(confirm).toContainText(
      'The 2 contacts and 2 companies it created go to the Trash (as one entry you can restore).',
    );
    await confirm.getByRole('button', { name: 'Undo import' }).click();
    // The two people and the two companies their rows created.
    await expect(toasts(page)).toContainText('Import of “Kunden.csv” undone: 4 records moved to the Trash');
    await expect(imports).toContainText('undone');
    await expect(imports.getByRole('button', { name: /Undo/ })).toHaveCount(0);
    expect(contactNames(app)).toEqual(['Existing Person']);
    expect(app.core.db.prepare('SELECT count(*) AS n FROM companies WHERE deleted_at IS NULL').get()).toEqual({ n: 0 });
  });
});

/** A Google Contacts export (Google's "Google CSV"): UTF-8, commas, given and family names apart, labelled emails and phones. */
const googleCsv = [
  'Name,Given Name,Additional Name,Family Name,Nickname,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title',
  'Anna Berg,Anna,,Berg,,,Met at the fair,* myContacts ::: Customers,* Work,anna@example.com,,,Mobile,+46 70 123 45 67,Acme AB,Buyer',
  'Jürgen Groß,Jürgen,,Groß,Jü,1970-03-04,"Likes long calls,\nprefers mornings",* myContacts,* Work,juergen@example.de,Home,jg@home.example,Work,+49 30 555 0100,Groß & Partner,CEO',
].join('\n');

test.describe('Import wizard: other files and ways in', () => {
  test('File › Import… asks contacts or companies; a Google Contacts export is recognised, a match is filled in, and the mapping is remembered next time', async ({
    app,
    files,
  }) => {
    const { page } = app;
    const path = fileIn(files, 'contacts.csv', googleCsv);
    const anna = await call(app.core, 'contacts.create', { name: 'Anna Berg', email: 'ANNA@example.com' });

    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
    await app.emit('menu.command', { command: 'import' });
    const dialog = wizard(page);
    await expect(stepTitle(dialog)).toHaveText('What to import');
    await expect(dialog.getByRole('list', { name: 'Step 1 of 7' })).toBeVisible();
    await expect(dialog.getByRole('radio', { name: /Contacts/ })).toBeChecked();
    await app.screenshot('import-0-kind');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await chooseFile(app, dialog, path);
    await expect(dialog.getByRole('combobox', { name: 'Encoding (how letters are stored)' })).toHaveValue('utf-8');
    await expect(dialog.getByRole('combobox', { name: 'Columns separated by' })).toHaveValue(',');
    await expect(dialog.getByRole('region', { name: 'The first rows of the file' })).toContainText('Jürgen Groß');
    // Sixteen columns scroll inside the dialog; the dialog itself stays inside the window.
    const wide = await dialog.boundingBox();
    expect(wide && wide.x >= 0 && wide.x + wide.width <= 1280).toBe(true);

    await dialog.getByRole('button', { name: 'Next: match columns' }).click();
    await expect(dialog).toContainText('Recognised: Google Contacts.');
    const target = (header: string) => dialog.getByRole('combobox', { name: header, exact: true });
    await expect(target('Given Name')).toHaveValue('firstName');
    await expect(target('Family Name')).toHaveValue('lastName');
    await expect(target('E-mail 1 - Value')).toHaveValue('email');
    await expect(target('Organization 1 - Name')).toHaveValue('company');
    await expect(target('Group Membership')).toHaveValue('tag');
    // Every menu in the wizard is labelled by the column it is for.
    const menus = dialog.getByRole('combobox');
    await expect(dialog.getByRole('combobox', { name: /\S/ })).toHaveCount(await menus.count());
    // The user keeps the nickname, which Google's preset leaves out.
    await target('Nickname').selectOption({ label: 'Notes' });
    await app.screenshot('import-3-map-google');

    // In a narrow window the columns stack and nothing runs off the side.
    await page.setViewportSize({ width: 700, height: 800 });
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 700).toBe(true);
    await app.screenshot('import-3-map-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    const called = beforeCalls(app, 'import.preview', () => undefined);
    await dialog.getByRole('button', { name: 'Next: preview' }).click();
    const rows = dialog.getByRole('region', { name: 'Rows as they will be stored' });
    await expect(rows.getByRole('row', { name: /Anna Berg/ })).toContainText('Skip');
    await expect(rows.getByRole('row', { name: /Anna Berg/ })).toContainText('Matches “Anna Berg”');
    await expect(rows.getByRole('row', { name: /Jürgen Groß/ })).toContainText('New');

    await dialog.getByRole('button', { name: 'Next: duplicates' }).click();
    const choice = (name: string) => page.getByRole('radio', { name: new RegExp(`^${name}`) });
    const option = (name: string) => dialog.locator('label', { has: choice(name) });
    await expect(option('Skip them')).toContainText('1 new, 0 updated, 1 skipped, 0 rejected');
    await expect(option('Update: fill in blanks')).toContainText('1 new, 1 updated, 0 skipped, 0 rejected');
    await expect(option('Update: overwrite')).toContainText('1 new, 1 updated, 0 skipped, 0 rejected');
    await expect(option('Create anyway')).toContainText('2 new, 0 updated, 0 skipped, 0 rejected');
    // Every choice's counts came from the preview's one pass over the file.
    expect(called.filter((channel) => channel === 'import.preview')).toHaveLength(1);
    await choice('Update: fill in blanks').check();
    await app.screenshot('import-5-duplicates-counted');
    await dialog.getByRole('button', { name: 'Import 2 contacts' }).click();
    await expect(dialog.getByRole('definition')).toHaveText(['1', '1', '0', '0']);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    // Anna's blank phone was filled in; her email as she had it stays.
    const updated = await call(app.core, 'contacts.get', { id: anna.id });
    expect(updated).toMatchObject({ name: 'Anna Berg', phone: '+46 70 123 45 67' });
    const juergen = app.core.db.prepare("SELECT email, notes FROM contacts WHERE name = 'Jürgen Groß'").get() as {
      email: string;
      notes: string;
    };
    expect(juergen.email).toBe('juergen@example.de');
    expect(juergen.notes).toContain('jg@home.example');
    expect(juergen.notes).toContain('Jü');

    // The same layout again: the mapping the user chose (Nickname to Notes) comes back.
    await page.getByRole('button', { name: 'Import…' }).click();
    await chooseFile(app, dialog, path);
    await dialog.getByRole('button', { name: 'Next: match columns' }).click();
    await expect(dialog).toContainText('Remembered from your last import of this file layout.');
    await expect(target('Nickname')).toHaveValue('notes');
    await app.screenshot('import-3-map-remembered');
  });

  test('an Excel workbook of companies from the Companies screen: an empty cover sheet passed over, the next sheet chosen, imported and listed', async ({
    app,
    files,
  }) => {
    const { page } = app;
    const path = join(files, 'Firms 2026.xlsx');
    await writeExcelFile([
      { sheet: 'Cover', data: [[]] },
      {
        sheet: 'Customers',
        data: [
          ['Company', 'Website'],
          ['Wrong Sheet Ltd', 'wrong.example'],
        ],
      },
      {
        sheet: 'Suppliers',
        data: [
          ['Company', 'Website', 'Industry', 'Phone', 'Since'],
          [
            'Nordic Paper AB',
            'nordicpaper.example',
            'Paper',
            '+46 8 555 0199',
            { value: new Date(Date.UTC(2019, 4, 2)), format: 'dd/mm/yyyy' },
          ],
          ['=HYPERLINK("http://evil.example")', 'evil.example', 'Mischief', '', null],
          ['Ölfabrik Süd GmbH', 'oelfabrik.example', 'Oil', '+49 89 555 0111', null],
        ],
      },
    ] as never).toFile(path);

    await nav(page).getByRole('button', { name: 'Companies' }).click();
    // From the menu on this screen the wizard still asks, with Companies ticked.
    await expect(page.getByRole('heading', { name: 'Companies', level: 1 })).toBeVisible();
    await app.emit('menu.command', { command: 'import' });
    const dialog = wizard(page, 'companies');
    await expect(dialog.getByRole('radio', { name: /Companies/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    const importButton = page.getByRole('button', { name: 'Import…' });
    await importButton.click();
    await chooseFile(app, dialog, path);
    await expect(dialog).toContainText('Excel workbook (.xlsx)');
    const sheet = dialog.getByRole('combobox', { name: 'Sheet' });
    // The empty first sheet is passed over, and still offered.
    await expect(sheet).toHaveValue('Customers');
    await expect(sheet.getByRole('option')).toHaveText(['Cover', 'Customers', 'Suppliers']);
    await expect(dialog.getByRole('region', { name: 'The first rows of the file' })).toContainText('Wrong Sheet Ltd');
    await expect(dialog.getByRole('combobox', { name: 'Encoding (how letters are stored)' })).toHaveCount(0);
    await sheet.selectOption('Suppliers');
    const sample = dialog.getByRole('region', { name: 'The first rows of the file' });
    await expect(sample).toContainText('Nordic Paper AB');
    await expect(sample).not.toContainText('Wrong Sheet Ltd');
    await expect(sample).toContainText('2019-05-02');
    await app.screenshot('import-2-detect-xlsx');

    await dialog.getByRole('button', { name: 'Next: match columns' }).click();
    const target = (header: string) => dialog.getByRole('combobox', { name: header, exact: true });
    await expect(target('Company')).toHaveValue('name');
    await expect(target('Website')).toHaveValue('website');
    await expect(target('Industry')).toHaveValue('industry');
    await dialog.getByRole('button', { name: 'Next: preview' }).click();
    await expect(dialog.getByRole('definition')).toHaveText(['3', '0', '0', '0']);
    await app.screenshot('import-4-preview-xlsx');
    await dialog.getByRole('button', { name: 'Next: duplicates' }).click();
    await dialog.getByRole('button', { name: 'Import 3 companies' }).click();
    await expect(dialog.getByRole('definition')).toHaveText(['3', '0', '0', '0']);
    await dialog.getByRole('button', { name: 'Show imported companies' }).click();
    const companies = grid(page, 'Companies');
    await expect(companies.getByRole('row', { name: /Nordic Paper AB/ })).toBeVisible();
    await expect(companies.getByRole('row', { name: /Ölfabrik Süd GmbH/ })).toBeVisible();
    // A name that would run as a formula in a spreadsheet is stored as the text it is.
    await expect(companies.getByRole('row', { name: /HYPERLINK/ })).toBeVisible();
    await app.screenshot('import-7-shown-companies');
  });

  test('contact cards (vCard 2.1, quoted-printable, two emails) dropped on the Contacts list: no email or phone lost', async ({
    app,
  }) => {
    const { page } = app;
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller',
      'TEL;CELL:+49 170 1234567',
      'TEL;WORK:+49 30 5550',
      'EMAIL;INTERNET:juergen@example.de',
      'EMAIL;INTERNET:j.mueller@work.example',
      'ORG:Müller Bau',
      'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Erster Kontakt auf der Messe, Gr=C3=BC=',
      '=C3=9Fe an die Familie',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Berg;Anna',
      'FN:Anna Berg',
      'EMAIL;INTERNET:anna@example.com',
      'END:VCARD',
      '',
    ].join('\r\n');

    // Dropped on the Contacts list, the file opens the wizard for contacts and is read at once.
    const dialog = wizard(page);
    const dropZone = page.getByRole('main', { name: 'Contacts' });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'phone contacts.vcf', { type: 'text/vcard' }));
      return transfer;
    }, vcf);
    await dropZone.dispatchEvent('dragover', { dataTransfer });
    // While the file is over the list, the list says what a drop does.
    const cue = page.getByRole('status').filter({ hasText: 'Drop to import contacts' });
    await expect(cue).toBeVisible();
    await app.screenshot('import-0-drop-cue');
    // Dragged away from the window: the cue goes.
    await dropZone.dispatchEvent('dragleave', { dataTransfer });
    await expect(cue).toBeHidden();
    await dropZone.dispatchEvent('dragover', { dataTransfer });
    await expect(cue).toBeVisible();
    await dropZone.dispatchEvent('drop', { dataTransfer });
    await expect(cue).toBeHidden();
    await expect(stepTitle(dialog)).toHaveText('Check how the file reads');
    await expect(dialog).toContainText('phone contacts.vcf · Contact cards (vCard)');
    await expect(dialog.getByRole('region', { name: 'The first rows of the file' })).toContainText('Jürgen Müller');
    await app.screenshot('import-2-detect-vcard');
    await dialog.getByRole('button', { name: 'Next: match columns' }).click();
    await dialog.getByRole('button', { name: 'Next: preview' }).click();
    await expect(dialog.getByRole('definition')).toHaveText(['2', '0', '0', '0']);
    await dialog.getByRole('button', { name: 'Next: duplicates' }).click();
    await dialog.getByRole('button', { name: 'Import 2 contacts' }).click();
    await expect(stepTitle(dialog)).toHaveText('Import finished');

    const juergen = app.core.db
      .prepare("SELECT email, phone, notes FROM contacts WHERE name = 'Jürgen Müller'")
      .get() as { email: string; phone: string; notes: string };
    expect(juergen.email).toBe('juergen@example.de');
    expect(juergen.phone).toBe('+49 170 1234567');
    expect(juergen.notes).toContain('j.mueller@work.example');
    expect(juergen.notes).toContain('+49 30 5550');
    expect(juergen.notes).toContain('Grüße an die Familie');

    // Undo from the summary asks first, saying what goes and what comes back; Cancel keeps the import.
    await dialog.getByRole('button', { name: 'Undo this import' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo the import of “phone contacts.vcf”?' });
    await expect(confirm).toContainText(
      'The 2 contacts and 1 company it created go to the Trash (as one entry you can restore).',
    );
    await app.screenshot('import-6b-summary-undo-asks');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(dialog).toBeVisible();
    expect(contactNames(app)).toEqual(['Anna Berg', 'Jürgen Müller']);
    await dialog.getByRole('button', { name: 'Undo this import' }).click();
    await confirm.getByRole('button', { name: 'Undo import' }).click();
    // The two people and the company one card's ORG created.
    await expect(dialog).toContainText('Import undone: 3 records moved to the Trash');
    expect(contactNames(app)).toEqual([]);
  });
});

/** A plain list of `count` people, each with their own email. */
function peopleCsv(count: number): string {
  const lines = ['Name,Email,Phone,Notes'];
  for (let index = 1; index <= count; index++)
    lines.push(
      `Person ${index},person${index}@example.com,+1 555 ${String(index).padStart(7, '0')},Row ${index} of the big list`,
    );
  return `${lines.join('\n')}\n`;
}

/** From the file to the duplicates step, accepting what the wizard found and suggested. */
async function throughToDuplicates(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Next: match columns' }).click();
  await dialog.getByRole('button', { name: 'Next: preview' }).click();
  await expect(stepTitle(dialog)).toHaveText('Preview', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Next: duplicates' }).click();
  await expect(stepTitle(dialog)).toHaveText('Rows that are already there');
}

test.describe('Import wizard: a hurried user', () => {
  test('Escape asks before dropping the choices, Stay keeps them, Leave closes and focus goes back; closing the window asks too; a double-clicked Import imports once', async ({
    app,
    files,
  }) => {
    const { page } = app;
    const path = fileIn(files, 'people.csv', peopleCsv(3));
    const importButton = page.getByRole('button', { name: 'Import…' });
    await importButton.click();
    const dialog = wizard(page);
    await chooseFile(app, dialog, path);
    await expect(stepTitle(dialog)).toHaveText('Check how the file reads');

    await page.keyboard.press('Escape');
    const leave = page.getByRole('dialog', { name: 'Leave the import of “people.csv”?' });
    await expect(leave).toContainText('Nothing from it is saved yet.');
    await expect(leave.getByRole('button', { name: 'Stay' })).toBeFocused();
    await app.screenshot('import-escape-asks');
    await page.keyboard.press('Enter');
    await expect(leave).toBeHidden();
    await expect(stepTitle(dialog)).toHaveText('Check how the file reads');

    // Closing the window asks the same question; staying tells main not to close.
    await app.emit('window.closeRequested', { reason: 'close' });
    await leave.getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => app.desktop.closeAnswers).toEqual([false]);
    await expect(dialog).toBeVisible();

    const called = beforeCalls(app, 'import.close', () => undefined);
    await page.keyboard.press('Escape');
    await leave.getByRole('button', { name: 'Leave' }).click();
    await expect(dialog).toBeHidden();
    await expect(importButton).toBeFocused();
    // The core lets go of the file.
    await expect.poll(() => called.includes('import.close')).toBe(true);

    // Again, to the end, with Import pressed twice in a hurry: one import.
    await importButton.click();
    await chooseFile(app, dialog, path);
    await throughToDuplicates(dialog);
    await dialog.getByRole('button', { name: 'Import 3 contacts' }).dblclick();
    await expect(stepTitle(dialog)).toHaveText('Import finished');
    await expect(dialog.getByRole('definition')).toHaveText(['3', '0', '0', '0']);
    expect((await call(app.core, 'import.list', {})).imports).toHaveLength(1);
    expect(contactNames(app)).toEqual(['Person 1', 'Person 2', 'Person 3']);
    // Done without anything unsaved: Escape closes at once.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(importButton).toBeFocused();
  });

  test('a long import shows rows per second; menu commands and Escape do not pull the user away; Cancel leaves the data as it was', async ({
    app,
    files,
  }) => {
    test.setTimeout(240_000);
    const { page } = app;
    await call(app.core, 'contacts.create', { name: 'Already Here', email: 'already@example.com' });
    const path = fileIn(files, 'big list.csv', peopleCsv(60_000));
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = wizard(page);
    await chooseFile(app, dialog, path);
    await dialog.getByRole('button', { name: 'Next: match columns' }).click();
    await dialog.getByRole('button', { name: 'Next: preview' }).click();
    // The whole file is checked for the counts: the wait shows how far it is.
    await expect(dialog.getByRole('progressbar', { name: 'Checking every row…' })).toBeVisible();
    await app.screenshot('import-3b-previewing');
    await expect(stepTitle(dialog)).toHaveText('Preview', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Next: duplicates' }).click();
    await dialog.getByRole('button', { name: 'Import 60,000 contacts' }).click();

    const bar = dialog.getByRole('progressbar', { name: 'Importing contacts' });
    await expect(bar).toBeVisible();
    await expect(dialog).toContainText(/rows a second/, { timeout: 30_000 });
    await app.screenshot('import-running');
    // File › New Contact and Escape while it runs: the import stays in front, nothing asks.
    await app.emit('menu.command', { command: 'new-contact' });
    await page.keyboard.press('Escape');
    await expect(bar).toBeVisible();
    await expect(page.getByRole('dialog', { name: /Leave/ })).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Import stopped' })).toContainText(
      'Nothing was imported.',
      { timeout: 30_000 },
    );
    await expect(stepTitle(dialog)).toHaveText('Rows that are already there');
    await app.screenshot('import-stopped');
    expect(contactNames(app)).toEqual(['Already Here']);
    expect((await call(app.core, 'import.list', {})).imports).toHaveLength(0);
    // Nothing but the wizard opened behind it (no new-contact panel).
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: /Leave/ }).getByRole('button', { name: 'Leave' }).click();
    await expect(page.getByRole('complementary', { name: 'Contact details' })).toHaveCount(0);
    await expect(grid(page).getByRole('row', { name: /Already Here/ })).toBeVisible();
  });
});

test.describe('Import wizard: files it cannot use', () => {
  test('an empty file, a header with no rows, a ZIP renamed .csv and a ragged file each say what is wrong in plain words; nothing is imported', async ({
    app,
    files,
  }) => {
    const { page } = app;
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
      Buffer.alloc(200, 0x9c),
    ]);
    const cases: Array<{ name: string; bytes: Buffer | string; says: RegExp }> = [
      { name: 'empty.csv', bytes: '', says: /empty/i },
      { name: 'titles only.csv', bytes: 'Name,Email\n', says: /no rows/i },
      { name: 'archive.csv', bytes: zip, says: /ZIP|not a text|cannot be read|binary/i },
    ];
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = wizard(page);
    for (const bad of cases) {
      await chooseFile(app, dialog, fileIn(files, bad.name, bad.bytes));
      await expect(dialog.getByRole('alert')).toContainText(bad.says);
      await expect(stepTitle(dialog)).toHaveText('Choose the file');
      await app.screenshot(`import-refused-${bad.name.replace(/\W+/g, '-')}`);
    }

    // A row with more values than the file has columns: the preview names its line, the others import.
    // This one is dropped on the wizard's drop area.
    const raggedCsv =
      'Name,Email\nAnna Berg,anna@example.com\nBob Stone,bob@example.com,stray,cells\nCleo Park,cleo@example.com\n';
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'ragged.csv', { type: 'text/csv' }));
      return transfer;
    }, raggedCsv);
    const dropArea = dialog.getByText('Drop a file here, or choose one');
    await dropArea.dispatchEvent('dragenter', { dataTransfer });
    await dropArea.dispatchEvent('drop', { dataTransfer });
    await expect(dialog).toContainText('ragged.csv · Text file with columns (CSV)');
    await throughToDuplicates(dialog);
    await dialog.getByRole('button', { name: 'Back' }).click();
    const rows = dialog.getByRole('region', { name: 'Rows as they will be stored' });
    await expect(rows.getByRole('row', { name: /^3 / })).toContainText(
      'Line 3 has 4 values but the file has 2 columns.',
    );
    await app.screenshot('import-4-preview-ragged');
    expect(contactNames(app)).toEqual([]);
    expect((await call(app.core, 'import.list', {})).imports).toHaveLength(0);
  });
});

test.describe('Import wizard: keyboard', () => {
  test('the palette opens it; Tab reaches every control of a step, each menu named by its column, and cycles inside the dialog', async ({
    app,
    files,
  }) => {
    const { page } = app;
    const path = fileIn(files, 'people.csv', peopleCsv(2));
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Search everything' });
    await palette.getByRole('combobox').pressSequentially('import', { delay: 20 });
    await page.keyboard.press('Enter');
    // Named for the kind chosen, which changes on this step.
    const dialog = page.getByRole('dialog', { name: /^Import (contacts|companies)$/ });
    await expect(stepTitle(dialog)).toHaveText('What to import');
    // Arrow keys choose the kind, Tab moves on to the buttons.
    await expect(dialog.getByRole('radio', { name: /Contacts/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: /Companies/ })).toBeChecked();
    await expect(wizard(page, 'companies')).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await expect(wizard(page)).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Next' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(stepTitle(dialog)).toHaveText('Choose the file');
    app.desktop.importFile = path;
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(stepTitle(dialog)).toHaveText('Check how the file reads');
    await expect(stepTitle(dialog)).toBeFocused();
    await dialog.getByRole('button', { name: 'Next: match columns' }).press('Enter');
    await expect(stepTitle(dialog)).toHaveText('Match the columns');

    // Tab from the step's heading round the whole dialog: every column's menu and every button, then back to the start.
    const reached: string[] = [];
    for (let presses = 0; presses < 12; presses++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          if (!active) return '';
          const label = active.id ? document.querySelector(`label[for="${active.id}"]`)?.textContent : null;
          return `${active.tagName.toLowerCase()}:${label ?? active.textContent ?? ''}`;
        }),
      );
    }
    expect(reached).toEqual(
      expect.arrayContaining([
        'select:Name',
        'select:Email',
        'select:Phone',
        'select:Notes',
        'button:Back',
        'button:Cancel',
        'button:Next: preview',
      ]),
    );
    expect(new Set(reached).size).toBeLessThan(reached.length); // it came round again: focus stays in the dialog
  });
});
