import type { Page } from '@playwright/test';
import { call, count, smallCrm, update } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

async function openFieldSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Custom fields' }).click();
  await expect(page.getByRole('heading', { name: 'Custom fields', level: 2 })).toBeVisible();
}

const addForm = (page: Page) => page.getByRole('form', { name: 'Add a field' });
const fieldList = (page: Page, kinds: string) => page.getByRole('list', { name: `Fields for ${kinds}` });

async function addField(page: Page, label: string, type: string, choices?: string): Promise<void> {
  const form = addForm(page);
  await form.getByLabel('Label').fill(label);
  await form.getByLabel('Type').selectOption({ label: type });
  if (choices !== undefined) await form.getByLabel('Choices').fill(choices);
  await form.getByRole('button', { name: 'Add field' }).click();
}

test.describe('Settings › Custom fields', () => {
  test('each type of field can be added; bad input says why and saves nothing', async ({ app }) => {
    const { page, core } = app;
    await openFieldSettings(page);
    await expect(page.getByText('No custom fields for contacts yet.')).toBeVisible();
    const form = addForm(page);
    const stored = async () => (await call(core, 'customFields.list', {})).fields.map((field) => field.label);

    await form.getByRole('button', { name: 'Add field' }).click();
    await expect(form.getByLabel('Label')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Please enter a label.')).toBeVisible();
    await expect(form.getByLabel('Label')).toBeFocused();

    await addField(page, 'x'.repeat(10_000), 'Text');
    await expect(form.getByText('Label is too long: 10,000 characters, at most 60.')).toBeVisible();
    await expect(form.getByLabel('Label')).toHaveValue('x'.repeat(10_000));

    await addField(page, 'Size', 'Choice', '\n  \n');
    await expect(form.getByLabel('Choices')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('A choice field needs at least one choice')).toBeVisible();
    await addField(page, 'Size', 'Choice', 'Small\nsmall');
    await expect(form.getByText('The same choice is listed twice.')).toBeVisible();
    expect(await stored()).toEqual([]);

    await addField(page, 'Nickname', 'Text');
    await expect(fieldList(page, 'contacts').getByRole('listitem')).toHaveCount(1);
    await addField(page, 'Budget', 'Number');
    await addField(page, 'Birthday', 'Date');
    await addField(page, 'Size', 'Choice', 'Small\nMedium\n\nLarge');
    await expect(fieldList(page, 'contacts').getByRole('listitem')).toHaveCount(4);
    await expect(fieldList(page, 'contacts').getByRole('listitem').last()).toContainText(
      'Choice: Small, Medium, Large',
    );

    await addField(page, 'birthday', 'Text');
    await expect(form.getByText('There is already a field called “Birthday”.')).toBeVisible();
    await expect(form.getByLabel('Label')).toHaveValue('birthday');

    // Another kind has its own fields, and may reuse a label.
    await page.getByRole('tab', { name: 'Deals' }).click();
    await expect(page.getByText('No custom fields for deals yet.')).toBeVisible();
    await addField(page, 'Birthday', 'Date');
    await expect(fieldList(page, 'deals').getByRole('listitem')).toHaveCount(1);
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await expect(fieldList(page, 'contacts').getByRole('listitem')).toHaveCount(4);
    await app.screenshot('settings-custom-fields');

    const fields = (await call(core, 'customFields.list', {})).fields;
    expect(fields.map((field) => [field.kind, field.label, field.type, field.choices])).toEqual([
      ['contact', 'Nickname', 'text', []],
      ['contact', 'Budget', 'number', []],
      ['contact', 'Birthday', 'date', []],
      ['contact', 'Size', 'choice', ['Small', 'Medium', 'Large']],
      ['deal', 'Birthday', 'date', []],
    ]);
  });

  test('fields are renamed, moved with the keyboard and deleted with their values', async ({ app }) => {
    const { page, core } = app;
    const crm = await smallCrm(core);
    const nickname = await call(core, 'customFields.create', { kind: 'contact', label: 'Nickname', type: 'text' });
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    const size = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Size',
      type: 'choice',
      choices: ['Small', 'Large'],
    });
    await update(core, 'contacts.update', {
      id: crm.anna.id,
      name: 'Anna Berg',
      custom: { [budget.id]: 1200, [size.id]: 'Large' },
    });

    await openFieldSettings(page);
    const list = fieldList(page, 'contacts');
    const row = (label: string) => list.getByRole('listitem').filter({ hasText: label });

    await row('Budget').getByRole('button', { name: 'Edit Budget' }).click();
    const edit = page.getByRole('form', { name: 'Edit field Budget' });
    await edit.getByLabel('Label').fill('Nickname');
    await edit.getByRole('button', { name: 'Save field' }).click();
    await expect(edit.getByText('There is already a field called “Nickname”.')).toBeVisible();
    await edit.getByLabel('Label').fill('Yearly budget');
    await edit.getByRole('button', { name: 'Save field' }).click();
    await expect(row('Yearly budget')).toBeVisible();

    // A choice still picked on a record cannot be taken away.
    await row('Size').getByRole('button', { name: 'Edit Size' }).click();
    const sizeForm = page.getByRole('form', { name: 'Edit field Size' });
    await sizeForm.getByRole('button', { name: 'Remove Large' }).click();
    await sizeForm.getByRole('button', { name: 'Add a choice' }).click();
    await expect(sizeForm.getByLabel('Choice 2')).toBeFocused();
    await sizeForm.getByLabel('Choice 2').fill('Medium');
    await sizeForm.getByRole('button', { name: 'Save field' }).click();
    await expect(sizeForm.getByText('“Large” is still chosen on 1')).toBeVisible();
    await sizeForm.getByRole('button', { name: 'Add a choice' }).click();
    await sizeForm.getByLabel('Choice 3').fill('Large');
    await sizeForm.getByRole('button', { name: 'Save field' }).click();
    await expect(row('Size')).toContainText('Choice: Small, Medium, Large');

    // Size to the top, with the keyboard: focus stays on its button as it moves.
    const up = list.getByRole('button', { name: 'Move Size up' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('button', { name: 'Move Size up' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('listitem').first()).toContainText('Size');
    await expect(list.getByRole('button', { name: 'Move Size up' })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Enter');
    expect((await call(core, 'customFields.list', { kind: 'contact' })).fields.map((field) => field.label)).toEqual([
      'Size',
      'Nickname',
      'Yearly budget',
    ]);

    // One question, Rolodesk's native one; the page does not ask again.
    await row('Yearly budget').getByRole('button', { name: 'Delete Yearly budget' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    expect(app.desktop.confirmations).toEqual([
      expect.objectContaining({ message: 'Delete the field “Yearly budget”?' }),
    ]);
    await expect(list.getByRole('listitem')).toHaveCount(2);
    expect((await call(core, 'customFields.list', { kind: 'contact' })).fields.map((field) => field.id)).toEqual([
      size.id,
      nickname.id,
    ]);
    expect((await call(core, 'contacts.get', { id: crm.anna.id })).custom).toEqual({ [size.id]: 'Large' });
  });

  test('renaming a choice in Settings renames it on the records that have it: “Large” to “LARGE”, then to a new word', async ({
    app,
  }) => {
    const { page, core } = app;
    const size = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Size',
      type: 'choice',
      choices: ['Small', 'Large'],
    });
    const anna = await call(core, 'contacts.create', { name: 'Anna Berg', custom: { [size.id]: 'Large' } });
    await call(core, 'contacts.create', { name: 'Bob Stone', custom: { [size.id]: 'Small' } });

    await openFieldSettings(page);
    const row = fieldList(page, 'contacts').getByRole('listitem').filter({ hasText: 'Size' });
    await row.getByRole('button', { name: 'Edit Size' }).click();
    const sizeForm = page.getByRole('form', { name: 'Edit field Size' });
    await expect(sizeForm.getByLabel('Choice 2')).toHaveValue('Large');
    await sizeForm.getByLabel('Choice 2').fill('LARGE');
    await app.screenshot('rename-choice');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('rename-choice-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    await sizeForm.getByRole('button', { name: 'Save field' }).click();
    await expect(row).toContainText('Choice: Small, LARGE');

    // Anna's contact shows the new word, not "—".
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    await page
      .getByRole('grid', { name: 'Contacts' })
      .getByRole('row', { name: /Anna Berg/ })
      .click();
    const panel = page.getByRole('complementary', { name: 'Contact details' });
    await expect(panel.getByLabel('Size')).toHaveValue('LARGE');
    await expect(panel.getByLabel('Size').locator('option:checked')).toHaveText('LARGE');
    await panel.getByRole('button', { name: 'Close' }).click();

    await openFieldSettings(page);
    await row.getByRole('button', { name: 'Edit Size' }).click();
    await sizeForm.getByLabel('Choice 2').fill('Enterprise');
    await sizeForm.getByRole('button', { name: 'Save field' }).click();
    await expect(row).toContainText('Choice: Small, Enterprise');
    expect((await call(core, 'contacts.get', { id: anna.id })).custom).toEqual({ [size.id]: 'Enterprise' });
    expect(
      count(core, `SELECT count(*) FROM record_history WHERE contact_id = ? AND field = 'custom.${size.id}'`, anna.id),
    ).toBe(2);
  });
});
