import type { Page } from '@playwright/test';
import { call, count, smallCrm, update } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
const contactPanel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test.describe('tags and custom fields on records and lists', () => {
  test('custom fields show on the contact form, refuse a bad value beside the field, and save with the contact', async ({
    app,
  }) => {
    const page = app.page;
    const score = await call(app.core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    const source = await call(app.core, 'customFields.create', {
      kind: 'contact',
      label: 'Referred by',
      type: 'choice',
      choices: ['Web', 'Referral'],
    });
    await page.reload();

    await page.getByRole('button', { name: 'New contact' }).click();
    const panel = contactPanel(page);
    await panel.getByLabel('Name', { exact: true }).fill('Samir Khan');
    await panel.getByLabel('Score').fill('very high');
    await panel.getByLabel('Referred by').selectOption('Referral');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByLabel('Score')).toHaveAttribute('aria-invalid', 'true');
    await expect(panel).toContainText('Score must be a number');
    expect(count(app.core, 'SELECT count(*) FROM contacts')).toBe(0);
    await app.screenshot('custom-fields-on-form');

    await panel.getByLabel('Score').fill('87.5');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Contact added');
    const saved = (await call(app.core, 'contacts.list', { search: 'samir' })).rows[0]!;
    expect((await call(app.core, 'contacts.get', { id: saved.id })).custom).toEqual({
      [String(score.id)]: 87.5,
      [String(source.id)]: 'Referral',
    });

    // Reopened later, the values are there to edit.
    await app.relaunch();
    await contactGrid(page)
      .getByRole('row', { name: /Samir Khan/ })
      .click();
    await expect(contactPanel(page).getByLabel('Score')).toHaveValue('87.5');
    await expect(contactPanel(page).getByLabel('Referred by')).toHaveValue('Referral');
  });

  test('tags are added on the record (a new one made on the spot) and a list filters by them and by a custom field', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const score = await call(app.core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    await update(app.core, 'contacts.update', {
      id: crm.anna.id,
      name: 'Anna Berg',
      custom: { [String(score.id)]: 90 },
    });
    await update(app.core, 'contacts.update', {
      id: crm.bob.id,
      name: 'Bob Stone',
      custom: { [String(score.id)]: 40 },
    });
    await page.reload();

    await contactGrid(page)
      .getByRole('row', { name: /Anna Berg/ })
      .click();
    const tags = contactPanel(page).getByRole('combobox', { name: 'Tags' });
    await tags.fill('Key account');
    await page.getByRole('option', { name: 'Create tag “Key account”' }).click();
    await expect(contactPanel(page).getByRole('list', { name: 'Tags on this record' })).toContainText('Key account');
    await app.screenshot('tags-on-record');
    expect(
      count(
        app.core,
        "SELECT count(*) FROM contact_tags JOIN tags ON tags.id = tag_id WHERE tags.name = 'Key account'",
      ),
    ).toBe(1);
    await contactPanel(page).getByRole('button', { name: 'Close' }).click();

    // Filter by the tag: only Anna.
    await page.getByRole('button', { name: 'Tags', exact: true }).click();
    await page.getByRole('checkbox', { name: /Key account/ }).check();
    await expect(page.getByText('1 match')).toBeVisible();
    await expect(contactGrid(page).getByRole('row', { name: /Anna Berg/ })).toBeVisible();
    await expect(contactGrid(page).getByRole('row', { name: /Bob Stone/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear tags' }).click();
    await expect(page.getByText('3 contacts')).toBeVisible();
    await page.keyboard.press('Escape');

    // Filter by a custom field: score more than 50 is Anna only.
    await page.getByRole('button', { name: 'Fields', exact: true }).click();
    await page.getByLabel('Condition').selectOption({ label: 'is more than' });
    await page.getByLabel('Value').fill('50');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await expect(page.getByText('1 match')).toBeVisible();
    await expect(contactGrid(page).getByRole('row', { name: /Anna Berg/ })).toBeVisible();
    await app.screenshot('list-filtered-by-field');
  });

  test('the company page lists its deals; New deal there opens a deal already linked to the company', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await sections(page).getByRole('button', { name: 'Companies' }).click();
    await page
      .getByRole('grid', { name: 'Companies' })
      .getByRole('row', { name: /Acme Ltd/ })
      .click();
    const panel = page.getByRole('complementary', { name: 'Company details' });
    await expect(panel.getByText('Acme renewal')).toBeVisible();
    await panel.getByText('Acme renewal').click();
    await expect(
      page.getByRole('complementary', { name: 'Deal details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('Acme renewal');

    await sections(page).getByRole('button', { name: 'Companies' }).click();
    await page
      .getByRole('grid', { name: 'Companies' })
      .getByRole('row', { name: /Globex/ })
      .click();
    await page
      .getByRole('complementary', { name: 'Company details' })
      .getByRole('button', { name: 'New deal' })
      .click();
    const dealPanel = page.getByRole('complementary', { name: 'Deal details' });
    await expect(dealPanel.getByRole('heading', { level: 2 })).toHaveText('New deal');
    await expect(dealPanel.getByRole('combobox', { name: 'Company' })).toHaveValue('Globex');
  });

  test('the sidebar button opens the command palette, and a deal found there opens on the Deals screen', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await page.getByRole('button', { name: /Search everything/ }).click();
    const palette = page.getByRole('dialog');
    await palette.getByRole('combobox').fill('pilot');
    await expect(palette.getByRole('option', { name: /Globex pilot/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('complementary', { name: 'Deal details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('Globex pilot');
    await expect(sections(page).getByRole('button', { name: 'Deals' })).toHaveAttribute('aria-current', 'page');
  });

  test('a number too long to keep exactly, or an email pasted past its limit, is refused beside the field: nothing cut, nothing saved', async ({
    app,
  }) => {
    const page = app.page;
    await call(app.core, 'customFields.create', { kind: 'contact', label: 'Score', type: 'number' });
    await page.reload();

    await page.getByRole('button', { name: 'New contact' }).click();
    const panel = contactPanel(page);
    await panel.getByLabel('Name', { exact: true }).fill('Samir Khan');
    await panel.getByLabel('Score').fill('12345678901234567890');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByLabel('Score')).toHaveAttribute('aria-invalid', 'true');
    await expect(panel).toContainText('Score is too large to store exactly (at most 9,007,199,254,740,991).');
    await expect(panel.getByLabel('Score')).toHaveValue('12345678901234567890');
    expect(count(app.core, 'SELECT count(*) FROM contacts')).toBe(0);
    await panel.getByText('Score is too large to store exactly').scrollIntoViewIfNeeded();
    await app.screenshot('number-too-large');

    // 306 characters pasted into Email stay 306, and the field says so at once.
    const longEmail = `${'a'.repeat(294)}@example.com`;
    await panel.getByLabel('Score').fill('87.5');
    await expect(panel.getByLabel('Score')).not.toHaveAttribute('aria-invalid', 'true');
    await panel.getByLabel('Email').fill(longEmail);
    await expect(panel.getByLabel('Email')).toHaveValue(longEmail);
    await expect(panel).toContainText('Email is too long: 306 characters, at most 254.');
    await expect(panel.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await app.screenshot('email-too-long');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel).toContainText('Email is too long: 306 characters, at most 254.');
    expect(count(app.core, 'SELECT count(*) FROM contacts')).toBe(0);

    await panel.getByLabel('Email').fill('samir@example.com');
    await expect(panel).not.toContainText('Email is too long');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Contact added');
    expect(count(app.core, "SELECT count(*) FROM contacts WHERE email = 'samir@example.com'")).toBe(1);

    // A list filter reads its number the same way.
    await page.getByRole('button', { name: 'Fields', exact: true }).click();
    await page.getByLabel('Condition').selectOption({ label: 'is more than' });
    await page.getByLabel('Value').fill('12345678901234567890');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await expect(page.getByRole('alert')).toContainText('Score is too large to store exactly');
    await expect(page.getByText('1 contact')).toBeVisible();
  });
});
