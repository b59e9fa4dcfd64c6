import type { Page } from '@playwright/test';
import { call } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const dealGrid = (page: Page) => page.getByRole('grid', { name: 'Deals' });
const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Change the selected rows' });
const dealPanel = (page: Page) => page.getByRole('complementary', { name: 'Deal details' });

async function openDealList(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Deals' }).click();
  await page.getByRole('button', { name: 'List', pressed: false }).click();
}

// A currency change keeps what a deal is worth: €5,000.00 is ¥5,000, never ¥500,000.
test.describe('changing a deal’s currency', () => {
  test('through the bulk bar, €5,000.00 becomes ¥5,000; a deal with cents has no yen amount and is named, and nothing changes', async ({
    app,
  }) => {
    const page = app.page;
    const renewal = await call(app.core, 'deals.create', {
      title: 'Acme renewal',
      valueMinor: 500_000,
      currency: 'EUR',
    });
    const pilot = await call(app.core, 'deals.create', { title: 'Globex pilot', valueMinor: 500_050, currency: 'EUR' });
    await openDealList(page);
    await expect(dealGrid(page).getByRole('row', { name: /Acme renewal/ })).toContainText('€5,000.00');

    await dealGrid(page).getByRole('checkbox', { name: 'Select all 2 deals' }).check();
    await bulkBar(page).getByRole('button', { name: 'Change field…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Change a field' });
    await dialog.getByLabel('Field').selectOption({ label: 'Currency' });
    await dialog.getByLabel('New value').selectOption('JPY');
    await dialog.getByRole('button', { name: 'Apply to 2 deals' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      '“Globex pilot” is worth €5,000.50, which has no exact amount in JPY (JPY has no decimals). Change its value first.',
    );
    await app.screenshot('bulk-currency-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await call(app.core, 'deals.get', { id: renewal.id })).toMatchObject({
      currency: 'EUR',
      valueMinor: 500_000,
    });
    expect(await call(app.core, 'deals.get', { id: pilot.id })).toMatchObject({ currency: 'EUR', valueMinor: 500_050 });

    await dealGrid(page).getByRole('checkbox', { name: 'Select all 2 deals' }).uncheck();
    await dealGrid(page).getByRole('checkbox', { name: 'Select Acme renewal' }).check();
    await bulkBar(page).getByRole('button', { name: 'Change field…' }).click();
    dialog = page.getByRole('dialog', { name: 'Change a field' });
    await dialog.getByLabel('Field').selectOption({ label: 'Currency' });
    await dialog.getByLabel('New value').selectOption('JPY');
    await dialog.getByRole('button', { name: 'Apply to 1 deal' }).click();
    await expect(page.getByRole('status')).toContainText('1 deal updated');
    await expect(dealGrid(page).getByRole('row', { name: /Acme renewal/ })).toContainText('¥5,000');
    await expect(dealGrid(page).getByRole('row', { name: /Acme renewal/ })).not.toContainText('¥500,000');
    await app.screenshot('bulk-currency-converted');
    expect(await call(app.core, 'deals.get', { id: renewal.id })).toMatchObject({ currency: 'JPY', valueMinor: 5_000 });

    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(dealGrid(page).getByRole('row', { name: /Acme renewal/ })).toContainText('€5,000.00');
    expect(await call(app.core, 'deals.get', { id: renewal.id })).toMatchObject({
      currency: 'EUR',
      valueMinor: 500_000,
    });
  });

  test('in the deal panel, a new currency carries the amount over, or says beside Value why it cannot', async ({
    app,
  }) => {
    const page = app.page;
    const round = await call(app.core, 'deals.create', { title: 'Acme renewal', valueMinor: 500_000, currency: 'EUR' });
    const cents = await call(app.core, 'deals.create', { title: 'Globex pilot', valueMinor: 500_050, currency: 'EUR' });
    await openDealList(page);

    await dealGrid(page)
      .getByRole('row', { name: /Acme renewal/ })
      .click();
    await expect(dealPanel(page).getByLabel('Value')).toHaveValue('5000.00');
    await dealPanel(page).getByLabel('Currency').selectOption('JPY');
    await expect(dealPanel(page).getByLabel('Value')).toHaveValue('5000');
    await dealPanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Changes saved');
    expect(await call(app.core, 'deals.get', { id: round.id })).toMatchObject({ currency: 'JPY', valueMinor: 5_000 });

    await dealGrid(page)
      .getByRole('row', { name: /Globex pilot/ })
      .click();
    await expect(dealPanel(page).getByLabel('Value')).toHaveValue('5000.50');
    await dealPanel(page).getByLabel('Currency').selectOption('JPY');
    await expect(dealPanel(page).getByLabel('Value')).toHaveValue('5000.50');
    await expect(dealPanel(page).getByLabel('Value')).toHaveAttribute('aria-invalid', 'true');
    await expect(dealPanel(page)).toContainText('€5,000.50 has no exact amount in JPY (JPY has no decimals).');
    await app.screenshot('deal-currency-no-exact-amount');
    await dealPanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dealPanel(page).getByLabel('Value')).toHaveAttribute('aria-invalid', 'true');
    expect(await call(app.core, 'deals.get', { id: cents.id })).toMatchObject({ currency: 'EUR', valueMinor: 500_050 });
  });
});
