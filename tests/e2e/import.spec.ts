import type { Locator, Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { call } from '../support/crm';
import { expect, test as appTest, type RolodeskApp } from './app';

appTest.use({ locale: 'en-US' });

/** A folder for the files the user imports (and the rejected rows they save), removed afterwards. */
const test = appTest.extend<{ files: string }>({
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

async function contactNames(app: RolodeskApp): Promise<string[]> {
  const rows = app.core.db.prepare('SELECT name FROM contacts WHERE deleted_at IS NULL ORDER BY name').all() as Array<{ name: string }>;
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
  test('a semicolon CSV from Excel in Windows-1252: encoding found and changed, columns matched, one mapped twice, rejected rows named by line, imported, shown, undone', async ({ app, files }) => {
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
    expect(await contactNames(app)).toEqual(['Existing Person', 'Zoë Müller', 'Åsa Ström']);
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

    // Settings › Imports lists it; Undo takes the two contacts away again.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Imports' }).click();
    const imports = page.getByRole('list', { name: 'Imports' });
    await expect(imports.getByRole('listitem')).toHaveCount(1);
    await expect(imports).toContainText('Kunden.csv');
    await expect(imports).toContainText('2 created, 2 rejected');
    await app.screenshot('import-8-settings');
    await imports.getByRole('button', { name: 'Undo the import of Kunden.csv' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo the import of “Kunden.csv”?' });
    await confirm.getByRole('button', { name: 'Undo import' }).click();
    // The two people and the two companies their rows created.
    await expect(toasts(page)).toContainText('Import of “Kunden.csv” undone: 4 records moved to the Trash');
    await expect(imports).toContainText('undone');
    await expect(imports.getByRole('button', { name: /Undo/ })).toHaveCount(0);
    expect(await contactNames(app)).toEqual(['Existing Person']);
    expect(app.core.db.prepare('SELECT count(*) AS n FROM companies WHERE deleted_at IS NULL').get()).toEqual({ n: 0 });
  });
});
