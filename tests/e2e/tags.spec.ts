import type { Page } from '@playwright/test';
import { call, danglingKeys, smallCrm } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

async function openTagSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Tags' }).click();
  await expect(page.getByRole('heading', { name: 'Tags', level: 2 })).toBeVisible();
}

const tagList = (page: Page) => page.getByRole('list', { name: 'Tags' });
const tagRow = (page: Page, name: string) =>
  tagList(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });

test.describe('Settings › Tags', () => {
  test('a tag is added, renamed and recoloured; a name already taken is refused in words', async ({ app }) => {
    const { page, core } = app;
    const crm = await smallCrm(core);
    const vip = await call(core, 'tags.create', { name: 'VIP', color: 'purple' });
    await call(core, 'tags.link', { record: { kind: 'contact', id: crm.anna.id }, tagId: vip.id });
    await call(core, 'tags.link', { record: { kind: 'contact', id: crm.bob.id }, tagId: vip.id });
    await call(core, 'tags.link', { record: { kind: 'company', id: crm.acme.id }, tagId: vip.id });
    await call(core, 'tags.create', { name: 'Supplier', color: 'green' });

    await openTagSettings(page);
    await expect(tagRow(page, 'VIP')).toContainText('On 2 contacts and 1 company');
    await expect(tagRow(page, 'Supplier')).toContainText('Not on any record');

    // Empty, then taken: each says why, and nothing is added.
    const newTag = page.getByLabel('New tag');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(newTag).toHaveAttribute('aria-invalid', 'true');
    await newTag.fill('vip');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(page.getByText('There is already a tag called “VIP”.')).toBeVisible();
    await newTag.fill('Newsletter');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await expect(tagRow(page, 'Newsletter')).toBeVisible();
    await expect(newTag).toHaveValue('');

    await tagRow(page, 'VIP').getByRole('button', { name: 'Edit VIP' }).click();
    const form = page.getByRole('form', { name: 'Edit tag VIP' });
    await expect(form.getByLabel('Name')).toBeFocused();
    await form.getByLabel('Name').fill('Supplier');
    await form.getByRole('button', { name: 'Save tag' }).click();
    await expect(form.getByText('There is already a tag called “Supplier”.')).toBeVisible();
    await form.getByLabel('Name').fill('Key account');
    await form.getByRole('radio', { name: 'Orange' }).check();
    await form.getByRole('button', { name: 'Save tag' }).click();
    await expect(tagRow(page, 'Key account')).toContainText('On 2 contacts and 1 company');
    await expect(tagRow(page, 'Key account').getByRole('button', { name: 'Edit Key account' })).toBeFocused();

    // Escape leaves the form without saving.
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Edit tag Key account' }).getByLabel('Name').fill('Not saved');
    await page.keyboard.press('Escape');
    await expect(tagRow(page, 'Key account').getByRole('button', { name: 'Edit Key account' })).toBeFocused();
    await app.screenshot('settings-tags');

    const tags = (await call(core, 'tags.list', {})).tags;
    expect(tags.map((tag) => [tag.name, tag.color])).toEqual([
      ['Key account', 'orange'],
      ['Newsletter', expect.any(String)],
      ['Supplier', 'green'],
    ]);
    expect((await call(core, 'contacts.get', { id: crm.anna.id })).tagIds).toEqual([vip.id]);
  });

  test('deleting a tag says how many records lose it, and takes it off them without touching the records', async ({
    app,
  }) => {
    const { page, core } = app;
    const crm = await smallCrm(core);
    const vip = await call(core, 'tags.create', { name: 'VIP', color: 'red' });
    await call(core, 'tags.link', { record: { kind: 'contact', id: crm.anna.id }, tagId: vip.id });
    await call(core, 'tags.link', { record: { kind: 'deal', id: crm.renewal.id }, tagId: vip.id });

    await openTagSettings(page);
    // Rolodesk's own native dialog asks (the page does not ask again): "no" keeps the tag, quietly.
    app.desktop.confirmAnswer = false;
    await tagRow(page, 'VIP').getByRole('button', { name: 'Delete VIP' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({
      message: 'Delete the tag “VIP”?',
      detail: expect.stringContaining('1 contact and 1 deal have this tag. They keep everything else.'),
    });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(tagRow(page, 'VIP')).toBeVisible();
    expect((await call(core, 'tags.list', {})).tags).toHaveLength(1);

    app.desktop.confirmAnswer = true;
    await tagRow(page, 'VIP').getByRole('button', { name: 'Delete VIP' }).click();
    await expect(page.getByText('No tags yet.')).toBeVisible();
    expect((await call(core, 'tags.list', {})).tags).toEqual([]);
    expect((await call(core, 'contacts.get', { id: crm.anna.id })).tagIds).toEqual([]);
    expect((await call(core, 'deals.get', { id: crm.renewal.id })).title).toBe('Acme renewal');
    expect(danglingKeys(core)).toEqual([]);
  });
});
