import type { Page } from '@playwright/test';
import { call, danglingKeys, smallCrm } from '../support/crm';
import { upload } from '../support/upload';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

async function openDuplicates(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Duplicates', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Duplicates', level: 1 })).toBeVisible();
}

const groups = (page: Page) => page.getByRole('list', { name: 'Possible duplicates' });

test.describe('Duplicates', () => {
  test('two contacts with the same email in another case and spacing merge into one, keeping every activity, tag, deal and file', async ({
    app,
  }) => {
    const { page, core } = app;
    const crm = await smallCrm(core);
    const vip = await call(core, 'tags.create', { name: 'VIP', color: 'purple' });
    const newsletter = await call(core, 'tags.create', { name: 'Newsletter', color: 'blue' });
    await call(core, 'tags.link', { record: { kind: 'contact', id: crm.anna.id }, tagId: newsletter.id });
    const copy = await call(core, 'contacts.create', {
      name: 'Anna Lind',
      email: '  ANNA@Acme.Example ',
      phone: '+46 8 555 0101',
      notes: 'Prefers mornings',
      tagIds: [vip.id],
    });
    await call(core, 'activities.create', { kind: 'call', subject: 'Called about the invoice', contactId: copy.id });
    await call(core, 'activities.create', { kind: 'note', body: 'Sent the brochure', contactId: copy.id });
    const upsell = await call(core, 'deals.create', {
      title: 'Acme upsell',
      contactId: copy.id,
      valueMinor: 90_000,
      currency: 'EUR',
    });
    expect((await upload(core, copy.id, 'contract.txt', Buffer.from('signed'))).ok).toBe(true);

    await openDuplicates(page);
    const group = groups(page).getByRole('button', { name: /Anna Berg and Anna Lind/ });
    await expect(group).toContainText('Same email');
    await expect(groups(page).getByRole('button')).toHaveCount(1);
    await app.screenshot('duplicates');

    await group.click();
    const compare = page.getByRole('region', { name: 'Anna Berg and Anna Lind' });
    const row = (label: string) => compare.getByRole('row', { name: new RegExp(`^${label}`) });
    await expect(row('Phone')).toContainText('+46 8 555 0101');
    await expect(row('Activities').getByRole('cell')).toHaveText(['1', '2', '3']);
    await expect(compare.getByRole('radio', { name: 'Keep Anna Berg (A)' })).toBeChecked();
    await app.screenshot('merge-compare');

    await compare.getByRole('button', { name: 'Merge into “Anna Berg”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge “Anna Lind” into “Anna Berg”?' });
    await expect(dialog).toContainText(
      'Everything from “Anna Lind” (2 activities, 1 deal, 1 file and 1 tag) moves to “Anna Berg”.',
    );
    await expect(dialog).toContainText('“Anna Lind” then goes to the Trash.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await app.screenshot('merge-confirm');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();

    await expect(page.getByRole('status')).toContainText('Merged “Anna Lind” into “Anna Berg”');
    await expect(page.getByRole('heading', { name: 'No duplicates found' })).toBeVisible();
    await app.screenshot('duplicates-empty');

    // Everything the copy had now hangs off Anna Berg, and nothing points at nothing.
    const anna = await call(core, 'contacts.get', { id: crm.anna.id });
    expect(anna).toMatchObject({ email: 'anna@acme.example', phone: '+46 8 555 0101', notes: 'Prefers mornings' });
    expect([...anna.tagIds].sort()).toEqual([vip.id, newsletter.id].sort());
    expect((await call(core, 'activities.list', { record: { kind: 'contact', id: crm.anna.id } })).total).toBe(3);
    const deals = await call(core, 'deals.list', { contactId: crm.anna.id });
    expect(deals.rows.map((deal) => deal.id).sort()).toEqual([crm.renewal.id, upsell.id].sort());
    expect(
      (await call(core, 'attachments.list', { record: { kind: 'contact', id: crm.anna.id } })).attachments.map(
        (file) => file.fileName,
      ),
    ).toEqual(['contract.txt']);
    expect((await core.dispatch('contacts.get', { id: copy.id })).ok).toBe(false);
    expect(danglingKeys(core)).toEqual([]);

    // The merged-away contact is gone from the list; Open in the toast is not needed to see it.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await expect(grid.getByRole('row', { name: /Anna Berg/ })).toBeVisible();
    await expect(grid.getByRole('row', { name: /Anna Lind/ })).toHaveCount(0);
  });

  test('two companies with nearly the same name merge the other way round: people and deals move to the one kept', async ({
    app,
  }) => {
    const { page, core } = app;
    const northwind = await call(core, 'companies.create', { name: 'Northwind Traders', industry: 'Wholesale' });
    const typo = await call(core, 'companies.create', {
      name: 'Nortwind Traders',
      website: 'northwind.example',
      phone: '+1 555 0100',
    });
    const ken = await call(core, 'contacts.create', { name: 'Ken Ito', companyId: northwind.id });
    const lena = await call(core, 'contacts.create', { name: 'Lena Park', companyId: typo.id });
    const order = await call(core, 'deals.create', {
      title: 'Spring order',
      companyId: northwind.id,
      valueMinor: 10_000,
      currency: 'USD',
    });
    await call(core, 'activities.create', { kind: 'meeting', subject: 'Visit', companyId: northwind.id });

    await openDuplicates(page);
    await page.getByRole('tab', { name: 'Companies' }).click();
    const group = groups(page).getByRole('button', { name: /Northwind Traders and Nortwind Traders/ });
    await expect(group).toContainText('Nearly the same name');
    await group.click();

    const compare = page.getByRole('region', { name: 'Northwind Traders and Nortwind Traders' });
    await compare.getByRole('radio', { name: 'Keep Nortwind Traders (B)' }).check();
    await expect(compare.getByRole('row', { name: /^Industry/ })).toContainText('Wholesale');
    await compare.getByRole('button', { name: 'Merge into “Nortwind Traders”' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(
      'Everything from “Northwind Traders” (1 person, 1 activity and 1 deal) moves to “Nortwind Traders”.',
    );
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'No duplicates found' })).toBeVisible();

    const kept = await call(core, 'companies.get', { id: typo.id });
    expect(kept).toMatchObject({ industry: 'Wholesale', website: 'northwind.example', contactCount: 2, dealCount: 1 });
    expect((await call(core, 'contacts.get', { id: ken.id })).companyId).toBe(typo.id);
    expect((await call(core, 'contacts.get', { id: lena.id })).companyId).toBe(typo.id);
    expect((await call(core, 'deals.get', { id: order.id })).companyId).toBe(typo.id);
    expect((await call(core, 'activities.list', { record: { kind: 'company', id: typo.id } })).total).toBe(1);
    expect(danglingKeys(core)).toEqual([]);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click();
    const grid = page.getByRole('grid', { name: 'Companies' });
    await expect(grid.getByRole('row', { name: /Nortwind Traders/ })).toBeVisible();
    await expect(grid.getByRole('row', { name: /Northwind Traders/ })).toHaveCount(0);
  });

  test('works from the keyboard in a narrow window, and "Not a duplicate" sets a pair aside without changing anything', async ({
    app,
  }) => {
    const { page, core } = app;
    await call(core, 'contacts.create', { name: 'Maria Lopez', phone: '+34 612 345 678' });
    await call(core, 'contacts.create', { name: 'M. Lopez', phone: '612 345 678' });
    await call(core, 'contacts.create', { name: 'Jon Smith', email: 'jon@smith.example' });
    await call(core, 'contacts.create', { name: 'Jonathan Smith', email: 'JON@smith.example' });
    await page.setViewportSize({ width: 700, height: 800 });

    await openDuplicates(page);
    const list = groups(page);
    await expect(list.getByRole('button')).toHaveCount(2);
    await expect(list.getByRole('button', { name: /Maria Lopez and M. Lopez/ })).toContainText('Same phone number');
    await list.getByRole('button').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('button').nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    const name = (await list.getByRole('button').nth(1).locator('.duplicate-group__names').textContent()) ?? '';
    const compare = page.getByRole('region', { name });
    await expect(compare.getByRole('radio').first()).toBeChecked();
    await app.screenshot('duplicates-narrow');

    await compare.getByRole('button', { name: 'Not a duplicate' }).click();
    await expect(list.getByRole('button')).toHaveCount(1);
    await expect(list.getByRole('button', { name: new RegExp(name) })).toHaveCount(0);
    expect((await call(core, 'contacts.list', {})).total).toBe(4);
  });

  test('three look-alikes are merged two at a time; the group stays open until one record is left', async ({ app }) => {
    const { page, core } = app;
    const first = await call(core, 'contacts.create', { name: 'Eva Holm', email: 'eva@holm.example' });
    const second = await call(core, 'contacts.create', { name: 'Eva H.', email: 'EVA@holm.example' });
    const third = await call(core, 'contacts.create', {
      name: 'E. Holm',
      email: 'eva@HOLM.example',
      phone: '+46 70 123 45 67',
    });

    await openDuplicates(page);
    await groups(page)
      .getByRole('button', { name: /Eva Holm and 2 more/ })
      .click();
    const compare = page.getByRole('region', { name: '3 records' });
    await expect(compare).toContainText('3 records look alike. Merge them two at a time');
    await compare.getByLabel('With').selectOption({ label: 'E. Holm · eva@HOLM.example' });
    await expect(compare.getByRole('row', { name: /^Phone/ })).toContainText('+46 70 123 45 67');
    await compare.getByRole('button', { name: 'Merge into “Eva Holm”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();

    // The same group, now of two, is opened next.
    const pair = page.getByRole('region', { name: 'Eva Holm and Eva H.' });
    await expect(pair.getByRole('row', { name: /^Phone/ })).toContainText('+46 70 123 45 67');
    await pair.getByRole('button', { name: 'Merge into “Eva Holm”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'No duplicates found' })).toBeVisible();

    expect((await call(core, 'contacts.list', {})).rows.map((row) => row.id)).toEqual([first.id]);
    expect((await core.dispatch('contacts.get', { id: second.id })).ok).toBe(false);
    expect((await core.dispatch('contacts.get', { id: third.id })).ok).toBe(false);
    expect(danglingKeys(core)).toEqual([]);
  });

  test('merging after the other contact was deleted meanwhile says so, merges nothing and brings the list up to date', async ({
    app,
  }) => {
    const { page, core } = app;
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg', email: 'anna@berg.example' });
    const lind = await call(core, 'contacts.create', { name: 'Anna Lind', email: 'ANNA@berg.example' });
    await call(core, 'contacts.create', { name: 'Jon Smith', email: 'jon@smith.example' });
    await call(core, 'contacts.create', { name: 'Jonathan Smith', email: 'JON@smith.example' });
    await openDuplicates(page);
    await groups(page)
      .getByRole('button', { name: /Anna Berg and Anna Lind/ })
      .click();
    const compare = page.getByRole('region', { name: 'Anna Berg and Anna Lind' });
    await expect(compare.getByRole('radio', { name: 'Keep Anna Berg (A)' })).toBeChecked();

    // Another screen (or window) deletes the one to be merged away.
    await call(core, 'contacts.delete', { id: lind.id });
    await compare.getByRole('button', { name: 'Merge into “Anna Berg”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();

    await expect(page.getByRole('status').filter({ hasText: 'meanwhile' })).toContainText(
      '“Anna Lind” was deleted meanwhile, so nothing was merged.',
    );
    await expect(groups(page).getByRole('button')).toHaveCount(1);
    await expect(groups(page).getByRole('button', { name: /Anna Berg/ })).toHaveCount(0);
    await app.screenshot('duplicates-gone-meanwhile');
    expect(await call(core, 'contacts.get', { id: anna.id })).toMatchObject({ email: 'anna@berg.example', notes: '' });
    expect((await call(core, 'trash.list', {})).total).toBe(1);

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText('was deleted meanwhile')).toHaveCount(0);
  });

  test('the kept company gone meanwhile, or a record of a pair set aside or opened meanwhile: each says which one and reloads', async ({
    app,
  }) => {
    const { page, core } = app;
    const northwind = await call(core, 'companies.create', { name: 'Northwind Traders' });
    await call(core, 'companies.create', { name: 'Nortwind Traders' });
    await openDuplicates(page);
    await page.getByRole('tab', { name: 'Companies' }).click();
    await groups(page)
      .getByRole('button', { name: /Northwind Traders and Nortwind Traders/ })
      .click();
    const compare = page.getByRole('region', { name: 'Northwind Traders and Nortwind Traders' });
    await expect(compare.getByRole('radio', { name: 'Keep Northwind Traders (A)' })).toBeChecked();
    await call(core, 'companies.delete', { id: northwind.id });
    await compare.getByRole('button', { name: 'Merge into “Northwind Traders”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'meanwhile' })).toContainText(
      '“Northwind Traders” was deleted meanwhile, so nothing was merged.',
    );
    await expect(page.getByRole('heading', { name: 'No duplicates found' })).toBeVisible();

    // "Not a duplicate" on a pair one of which is gone.
    await page.getByRole('tab', { name: 'Contacts' }).click();
    const maria = await call(core, 'contacts.create', { name: 'Maria Lopez', phone: '+34 612 345 678' });
    await call(core, 'contacts.create', { name: 'M. Lopez', phone: '612 345 678' });
    const jon = await call(core, 'contacts.create', { name: 'Jon Smith', email: 'jon@smith.example' });
    await call(core, 'contacts.create', { name: 'Jonathan Smith', email: 'JON@smith.example' });
    await page.getByRole('tab', { name: 'Companies' }).click();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await groups(page)
      .getByRole('button', { name: /Maria Lopez and M. Lopez/ })
      .click();
    const pair = page.getByRole('region', { name: 'Maria Lopez and M. Lopez' });
    await expect(pair.getByRole('radio').first()).toBeChecked();
    await call(core, 'contacts.delete', { id: maria.id });
    await pair.getByRole('button', { name: 'Not a duplicate' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'meanwhile' })).toContainText(
      '“Maria Lopez” was deleted meanwhile, so there was nothing to set aside.',
    );
    await expect(groups(page).getByRole('button')).toHaveCount(1);

    // Opening a pair one of which is gone.
    await call(core, 'contacts.delete', { id: jon.id });
    await groups(page).getByRole('button', { name: /Jon/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'meanwhile' })).toContainText(
      '“Jon Smith” was deleted meanwhile, so there is nothing to compare.',
    );
    await expect(page.getByRole('heading', { name: 'No duplicates found' })).toBeVisible();
  });
});
