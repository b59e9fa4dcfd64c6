import type { Page } from '@playwright/test';
import { call, smallCrm } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });

async function openContact(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
  await grid(page)
    .getByRole('row', { name: new RegExp(name) })
    .click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(name);
}

test.describe('Lead source and marketing consent', () => {
  test('consent and lead source set in the contact panel show in its timeline and the list, which filters by consent', async ({
    app,
  }) => {
    const { page, core } = app;
    const { anna } = await smallCrm(core);
    await call(core, 'leadSources.create', { name: 'Salon de l’Été 🎪' });
    await openContact(page, 'Anna Berg');
    await expect(panel(page).getByText('Never changed.')).toBeVisible();

    await panel(page).getByLabel('Marketing consent', { exact: true }).selectOption({ label: 'Unsubscribed' });
    await panel(page).getByLabel('Lead source', { exact: true }).selectOption({ label: 'Salon de l’Été 🎪' });
    await panel(page).getByText('Campaign tracking').click();
    await panel(page).getByLabel('UTM campaign', { exact: true }).fill('autumn-fair');
    await panel(page).getByRole('button', { name: 'Save', exact: true }).click();

    await expect(panel(page).getByText(/^Changed \d{1,2} \w{3} \d{4}, by hand\.$/)).toBeVisible();
    const timeline = panel(page).getByRole('list', { name: 'Timeline' });
    await expect(timeline).toContainText('Marketing consent');
    await expect(timeline).toContainText('Unsubscribed (by hand)');
    await expect(timeline).toContainText('Salon de l’Été 🎪');
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({
      consent: 'unsubscribed',
      consentSource: 'by_hand',
      leadSource: 'Salon de l’Été 🎪',
      utmCampaign: 'autumn-fair',
    });
    await expect(grid(page).getByRole('row', { name: /Anna Berg/ })).toContainText('Unsubscribed');
    await expect(grid(page).getByRole('row', { name: /Anna Berg/ })).toContainText('Salon de l’Été 🎪');
    await app.screenshot('contact-panel-marketing');

    await panel(page).getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Filter by marketing consent').selectOption({ label: 'Opted out' });
    await expect(grid(page).getByRole('row')).toHaveCount(2);
    await expect(grid(page)).toContainText('Anna Berg');
    await expect(grid(page)).not.toContainText('Bob Stone');
    await page.getByLabel('Filter by marketing consent').selectOption({ label: 'May be contacted' });
    await expect(grid(page)).toContainText('Bob Stone');
    await expect(grid(page)).not.toContainText('Anna Berg');
    await app.screenshot('contacts-filtered-by-consent');
  });
});

test.describe('Settings › Lead sources', () => {
  const list = (page: Page) => page.getByRole('list', { name: 'Lead sources' });
  const row = (page: Page, name: string) =>
    list(page)
      .getByRole('listitem')
      .filter({ has: page.getByText(name, { exact: true }) });

  test('a lead source is added, refused when taken, renamed on every record, moved and deleted after saying what it clears', async ({
    app,
  }) => {
    const { page, core } = app;
    const { anna, acme } = await smallCrm(core);
    await call(core, 'contacts.update', {
      id: anna.id,
      version: (await call(core, 'contacts.get', { id: anna.id })).version,
      name: 'Anna Berg',
      leadSource: 'Event',
    });
    await call(core, 'companies.update', { id: acme.id, version: acme.version, leadSource: 'Event' });

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Lead sources' }).click();
    await expect(row(page, 'Event')).toContainText('On 1 contact and 1 company');
    await expect(row(page, 'Website')).toContainText('No record has it');

    const newSource = page.getByLabel('New lead source');
    await newSource.fill('website');
    await page.getByRole('button', { name: 'Add lead source' }).click();
    await expect(page.getByText('There is already a lead source called “Website”.')).toBeVisible();
    await newSource.fill('Salon de l’Été');
    await page.getByRole('button', { name: 'Add lead source' }).click();
    await expect(row(page, 'Salon de l’Été')).toBeVisible();

    await row(page, 'Event').getByRole('button', { name: 'Edit Event' }).click();
    const form = page.getByRole('form', { name: 'Edit lead source Event' });
    await form.getByLabel('Name').fill('Trade fair');
    await form.getByRole('button', { name: 'Save lead source' }).click();
    await expect(row(page, 'Trade fair')).toContainText('On 1 contact and 1 company');
    expect((await call(core, 'contacts.get', { id: anna.id })).leadSource).toBe('Trade fair');
    expect((await call(core, 'companies.get', { id: acme.id })).leadSource).toBe('Trade fair');

    await row(page, 'Referral').getByRole('button', { name: 'Move Referral up' }).click();
    await expect(list(page).getByRole('listitem').first()).toContainText('Referral');
    await expect(row(page, 'Referral').getByRole('button', { name: 'Move Referral up' })).toBeDisabled();
    // At the top its Move up is disabled, so the focus stays on the row's other button rather than being lost.
    await expect(row(page, 'Referral').getByRole('button', { name: 'Move Referral down' })).toBeFocused();
    await app.screenshot('settings-lead-sources');

    // Rolodesk's own native dialog asks what the delete clears (the page does not ask again); "no" keeps it, quietly.
    app.desktop.confirmAnswer = false;
    await row(page, 'Trade fair').getByRole('button', { name: 'Delete Trade fair' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({
      message: 'Delete the lead source “Trade fair”?',
      detail: expect.stringContaining('1 contact and 1 company have it; they are left without a lead source.'),
    });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(row(page, 'Trade fair')).toContainText('On 1 contact and 1 company');
    expect((await call(core, 'contacts.get', { id: anna.id })).leadSource).toBe('Trade fair');

    app.desktop.confirmAnswer = true;
    await row(page, 'Trade fair').getByRole('button', { name: 'Delete Trade fair' }).click();
    await expect(row(page, 'Trade fair')).toHaveCount(0);
    expect((await call(core, 'contacts.get', { id: anna.id })).leadSource).toBe('');
  });
});

test.describe('Bulk consent', () => {
  test('changing consent for ticked people leaves the one who opted out as they were, and says so', async ({ app }) => {
    const { page, core } = app;
    const { anna, bob, carl } = await smallCrm(core);
    await call(core, 'contacts.update', {
      id: bob.id,
      version: (await call(core, 'contacts.get', { id: bob.id })).version,
      name: 'Bob Stone',
      consent: 'do_not_contact',
      consentSource: 'phone',
    });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    for (const name of ['Anna Berg', 'Bob Stone', 'Carl Grey'])
      await grid(page)
        .getByRole('checkbox', { name: `Select ${name}` })
        .check();

    await page
      .getByRole('toolbar', { name: 'Change the selected rows' })
      .getByRole('button', { name: 'Change field…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Change a field' });
    await dialog.getByLabel('Field').selectOption({ label: 'Marketing consent' });
    await dialog.getByLabel('New value').selectOption({ label: 'Subscribed' });
    const optOuts = dialog.getByRole('group', { name: '1 of them unsubscribed or asked not to be contacted' });
    await expect(optOuts.getByLabel('Leave them as they are')).toBeChecked();
    await app.screenshot('bulk-consent-dialog');
    // A hurried double click applies the change once.
    await dialog.getByRole('button', { name: 'Apply to 3 contacts' }).dblclick();
    await expect(page.getByRole('status')).toContainText(
      '2 contacts updated; 1 person who opted out was left as they were',
    );

    expect((await call(core, 'contacts.get', { id: anna.id })).consent).toBe('subscribed');
    expect((await call(core, 'contacts.get', { id: carl.id })).consent).toBe('subscribed');
    expect(await call(core, 'contacts.get', { id: bob.id })).toMatchObject({
      consent: 'do_not_contact',
      consentSource: 'phone',
    });
  });
});
