import type { Page } from '@playwright/test';
import { call, smallCrm } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const contactPanel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const companyPanel = (page: Page) => page.getByRole('complementary', { name: 'Company details' });
const dealPanel = (page: Page) => page.getByRole('complementary', { name: 'Deal details' });
const contactRow = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });
const prompt = (page: Page) => page.getByRole('dialog', { name: /^Save your changes to/ });
const card = (page: Page, title: string) =>
  page.getByRole('group', { name: 'Pipeline' }).getByRole('button', { name: new RegExp(title) });

async function notesOf(
  app: { core: Parameters<typeof call>[0] },
  channel: 'contacts.get' | 'companies.get' | 'deals.get',
  id: number,
): Promise<string> {
  return (await call(app.core, channel, { id })).notes;
}

test.describe('unsaved typing is never thrown away without asking', () => {
  test('switching rows asks Save / Discard / Keep editing, and each answer does what it says', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();

    await contactRow(page, 'Anna Berg').click();
    await contactPanel(page).getByLabel('Notes').fill('Wants the renewal quote by Friday');
    await contactRow(page, 'Bob Stone').click();
    await expect(prompt(page)).toHaveAccessibleName('Save your changes to “Anna Berg”?');
    await app.screenshot('unsaved-prompt');

    // Keep editing: nothing moves, the typing is still there.
    await prompt(page).getByRole('button', { name: 'Keep editing' }).click();
    await expect(prompt(page)).toBeHidden();
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Anna Berg');
    await expect(contactPanel(page).getByLabel('Notes')).toHaveValue('Wants the renewal quote by Friday');

    // Discard: Bob opens, Anna is as she was.
    await contactRow(page, 'Bob Stone').click();
    await prompt(page).getByRole('button', { name: 'Discard changes' }).click();
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Bob Stone');
    expect(await notesOf(app, 'contacts.get', crm.anna.id)).toBe('');

    // Save (Enter: Save has the focus): saved, then the other record opens.
    await contactPanel(page).getByLabel('Phone').fill('+44 20 7946 0001');
    await contactRow(page, 'Carl Grey').click();
    await expect(prompt(page).getByRole('button', { name: 'Save' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Carl Grey');
    expect((await call(app.core, 'contacts.get', { id: crm.bob.id })).phone).toBe('+44 20 7946 0001');
  });

  test('a sidebar section, the palette, New contact, Escape and the close button all ask first', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Anna Berg').click();
    const notes = contactPanel(page).getByLabel('Notes');
    await notes.fill('Typed, not saved');

    for (const leave of [
      () => sections(page).getByRole('button', { name: 'Companies' }).click(),
      () => page.getByRole('button', { name: 'New contact' }).click(),
      () => contactPanel(page).getByRole('button', { name: 'Close' }).click(),
      () => contactPanel(page).getByRole('button', { name: 'Cancel' }).click(),
      async () => {
        await notes.focus();
        await page.keyboard.press('Escape');
      },
      async () => {
        await page.keyboard.press('Control+k');
        await page.getByRole('dialog', { name: 'Search everything' }).getByRole('combobox').fill('Bob');
        await page
          .getByRole('dialog', { name: 'Search everything' })
          .getByRole('option', { name: /Bob Stone/ })
          .first()
          .click();
      },
    ]) {
      await leave();
      await expect(prompt(page)).toBeVisible();
      await page.keyboard.press('Escape'); // Escape on the question is Keep editing
      await expect(prompt(page)).toBeHidden();
      await expect(notes).toHaveValue('Typed, not saved');
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  });

  test('a save that fails in the question keeps the user on the record, with the problem beside its field', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Anna Berg').click();
    await contactPanel(page).getByLabel('Email').fill('not an address');
    await sections(page).getByRole('button', { name: 'Deals' }).click();
    await prompt(page).getByRole('button', { name: 'Save' }).click();
    await expect(prompt(page)).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(contactPanel(page).getByLabel('Email')).toHaveAccessibleDescription(
      /does not look like an email address/,
    );
    expect((await call(app.core, 'contacts.get', { id: crm.anna.id })).email).toBe('anna@acme.example');
  });

  test('the deal board: typing in a deal, then clicking another card, asks; Save keeps the notes', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await sections(page).getByRole('button', { name: 'Deals' }).click();
    await card(page, 'Acme renewal').click();
    await dealPanel(page).getByLabel('Notes').fill('Legal wants a two-year term');
    await card(page, 'Globex pilot').click();
    await expect(prompt(page)).toHaveAccessibleName('Save your changes to “Acme renewal”?');
    await prompt(page).getByRole('button', { name: 'Save' }).click();
    await expect(dealPanel(page).getByRole('heading', { level: 2 })).toHaveText('Globex pilot');
    expect(await notesOf(app, 'deals.get', crm.renewal.id)).toBe('Legal wants a two-year term');
  });

  test('a company panel and a new record ask too; a record opened again keeps its typing without asking', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await sections(page).getByRole('button', { name: 'Companies' }).click();
    await page
      .getByRole('grid', { name: 'Companies' })
      .getByRole('row', { name: /Globex/ })
      .click();
    await companyPanel(page).getByLabel('Industry').fill('Broadcasting');
    // The same row again: the panel stays as it is.
    await page
      .getByRole('grid', { name: 'Companies' })
      .getByRole('row', { name: /Globex/ })
      .click();
    await expect(prompt(page)).toBeHidden();
    await expect(companyPanel(page).getByLabel('Industry')).toHaveValue('Broadcasting');

    await page.getByRole('button', { name: 'New company' }).click();
    await prompt(page).getByRole('button', { name: 'Discard changes' }).click();
    await companyPanel(page).getByLabel('Name').fill('Initech');
    await sections(page).getByRole('button', { name: 'Today' }).click();
    await expect(prompt(page)).toHaveAccessibleName('Save your changes to this new company?');
    await prompt(page).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    expect((await call(app.core, 'companies.list', { search: 'Initech' })).total).toBe(1);
  });

  test('an edit dialog with typing asks when cancelled, about itself only', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Anna Berg').click();
    await contactPanel(page).getByLabel('Phone').fill('+1 555 0100');
    await contactPanel(page).getByRole('button', { name: /^Edit/ }).first().click();
    const edit = page.getByRole('dialog', { name: /^Edit/ });
    await edit.getByLabel('Subject').fill('Intro call, rescheduled');
    await page.keyboard.press('Escape');
    await expect(prompt(page)).toHaveAccessibleName('Save your changes to this call?');
    await app.screenshot('unsaved-prompt-over-dialog');
    await prompt(page).getByRole('button', { name: 'Discard changes' }).click();
    await expect(edit).toBeHidden();
    await expect(prompt(page)).toBeHidden();
    // The panel's own typing was not part of that question, and is still there.
    await expect(contactPanel(page).getByLabel('Phone')).toHaveValue('+1 555 0100');
  });

  test('closing the window or quitting with typing asks, and answers main; with nothing typed it closes at once', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();

    await app.emit('window.closeRequested', { reason: 'close' });
    await expect.poll(() => app.desktop.closeAnswers).toEqual([true]);

    await contactRow(page, 'Anna Berg').click();
    await contactPanel(page).getByLabel('Notes').fill('Call after the summer');
    await app.emit('window.closeRequested', { reason: 'quit' });
    await prompt(page).getByRole('button', { name: 'Keep editing' }).click();
    await expect.poll(() => app.desktop.closeAnswers).toEqual([true, false]);

    await app.emit('window.closeRequested', { reason: 'quit' });
    await prompt(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => app.desktop.closeAnswers).toEqual([true, false, true]);
    expect(await notesOf(app, 'contacts.get', crm.anna.id)).toBe('Call after the summer');
  });

  test('the window holds its unload while typing is unsaved (how main learns to ask), and not otherwise', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    await page.reload();
    const unloadHeld = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    await contactRow(page, 'Anna Berg').click();
    expect(await unloadHeld()).toBe(false);
    await contactPanel(page).getByLabel('Notes').fill('x');
    expect(await unloadHeld()).toBe(true);
    await contactPanel(page).getByLabel('Notes').fill('');
    expect(await unloadHeld()).toBe(false);
  });

  test('half-typed settings and stages ask too: a new field before leaving Settings, a stage name before closing the editor', async ({
    app,
  }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Custom fields' }).click();
    await page.getByRole('form', { name: 'Add a field' }).getByLabel('Label').fill('Birthday');
    await sections(page).getByRole('button', { name: 'Contacts' }).click();
    await expect(prompt(page)).toHaveAccessibleName('Save your changes to the new field?');
    await prompt(page).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    expect((await call(app.core, 'customFields.list', {})).fields.map((field) => field.label)).toEqual(['Birthday']);

    await sections(page).getByRole('button', { name: 'Deals' }).click();
    await page.getByRole('button', { name: 'Edit stages' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit stages' });
    await editor.getByLabel('New stage').fill('Demo booked');
    await page.keyboard.press('Escape');
    await expect(prompt(page)).toHaveAccessibleName('Save your changes to the stages?');
    await prompt(page).getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    expect((await call(app.core, 'stages.list', {})).stages.map((stage) => stage.name)).toContain('Demo booked');
  });
});
