import type { Page } from '@playwright/test';
import { call, smallCrm } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const contactPanel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const dealPanel = (page: Page) => page.getByRole('complementary', { name: 'Deal details' });
const companyPanel = (page: Page) => page.getByRole('complementary', { name: 'Company details' });
const contactRow = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });
const review = (page: Page) => page.getByRole('dialog', { name: /changed since you opened it$/ });
const changedBanner = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Changed elsewhere while you were editing' });
const card = (page: Page, title: string) =>
  page.getByRole('group', { name: 'Pipeline' }).getByRole('button', { name: new RegExp(title) });
const reviewRow = (page: Page, field: string) => review(page).getByRole('group', { name: new RegExp(`^${field}`) });

test.describe('an open panel never puts back older data', () => {
  test('an untouched contact panel follows a bulk change at once', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Anna Berg').click();
    await expect(contactPanel(page).getByLabel('Company')).toHaveValue('Acme Ltd');
    await call(app.core, 'bulk.apply', {
      kind: 'contact',
      ids: [crm.anna.id],
      action: { type: 'set', field: 'companyId', value: crm.globex.id },
    });
    await expect(contactPanel(page).getByLabel('Company')).toHaveValue('Globex');
    await expect(changedBanner(page)).toBeHidden();
  });

  test('with typing in it, a bulk change is announced, the typing stays, and Save reviews instead of putting the old company back', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Anna Berg').click();
    await contactPanel(page).getByLabel('Phone').fill('+46 70 555 01 02');
    // The bulk bar, elsewhere in the window, moves her to Globex.
    await call(app.core, 'bulk.apply', {
      kind: 'contact',
      ids: [crm.anna.id],
      action: { type: 'set', field: 'companyId', value: crm.globex.id },
    });
    await expect(changedBanner(page)).toBeVisible();
    await expect(contactPanel(page).getByLabel('Phone')).toHaveValue('+46 70 555 01 02');
    await app.screenshot('stale-panel-banner');

    await contactPanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(review(page)).toHaveAccessibleName('“Anna Berg” changed since you opened it');
    // Only the fields that differ, each kept as the user would expect: their phone, the new company.
    await expect(review(page).getByRole('group')).toHaveCount(2);
    await expect(
      reviewRow(page, 'Company').getByRole('radio', { name: /version saved meanwhile: Globex/ }),
    ).toBeChecked();
    await expect(
      reviewRow(page, 'Phone').getByRole('radio', { name: /your version: \+46 70 555 01 02/ }),
    ).toBeChecked();
    await app.screenshot('stale-panel-review');
    await review(page).getByRole('button', { name: 'Save my choices' }).click();
    await expect(review(page)).toBeHidden();
    await expect
      .poll(async () => (await call(app.core, 'contacts.get', { id: crm.anna.id })).phone)
      .toBe('+46 70 555 01 02');
    expect(await call(app.core, 'contacts.get', { id: crm.anna.id })).toMatchObject({
      company: 'Globex',
      companyId: crm.globex.id,
    });
    await expect(contactPanel(page).getByLabel('Company')).toHaveValue('Globex');
  });

  test('a deal moved with Alt+→ while its panel holds typing stays moved; the user may still choose their own stage', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await sections(page).getByRole('button', { name: 'Deals' }).click();
    await card(page, 'Acme renewal').click();
    await dealPanel(page).getByLabel('Notes').fill('Send the contract on Monday');
    await card(page, 'Acme renewal').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(changedBanner(page)).toBeVisible();
    await dealPanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(
      reviewRow(page, 'Stage').getByRole('radio', { name: /version saved meanwhile: Qualified/ }),
    ).toBeChecked();
    await review(page).getByRole('button', { name: 'Save my choices' }).click();
    await expect
      .poll(async () => (await call(app.core, 'deals.get', { id: crm.renewal.id })).notes)
      .toBe('Send the contract on Monday');
    expect((await call(app.core, 'deals.get', { id: crm.renewal.id })).stageName).toBe('Qualified');
  });

  test('a change the window never heard of is caught by the core (CONFLICT); "Discard mine, reload" shows the saved record', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await sections(page).getByRole('button', { name: 'Companies' }).click();
    await page
      .getByRole('grid', { name: 'Companies' })
      .getByRole('row', { name: /Acme Ltd/ })
      .click();
    await companyPanel(page).getByLabel('Industry').fill('Aerospace');
    // Another program on the same data: no event reaches this window, only the version moves.
    app.core.db.prepare("UPDATE companies SET industry = 'Robotics' WHERE id = ?").run(crm.acme.id);
    await companyPanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(reviewRow(page, 'Industry')).toContainText('Aerospace');
    await expect(reviewRow(page, 'Industry')).toContainText('Robotics');
    await expect(reviewRow(page, 'Industry')).toContainText('Changed by you and elsewhere');
    await review(page).getByRole('button', { name: 'Discard mine, reload' }).click();
    await expect(companyPanel(page).getByLabel('Industry')).toHaveValue('Robotics');
    expect((await call(app.core, 'companies.get', { id: crm.acme.id })).industry).toBe('Robotics');
  });

  test('a tag added on the panel itself is no conflict: the typing is saved as it is', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const vip = await call(app.core, 'tags.create', { name: 'VIP' });
    await page.reload();
    await contactRow(page, 'Bob Stone').click();
    await contactPanel(page).getByLabel('Notes').fill('Prefers mornings');
    await call(app.core, 'tags.link', { record: { kind: 'contact', id: crm.bob.id }, tagId: vip.id });
    await contactPanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
    await expect(review(page)).toBeHidden();
    expect(await call(app.core, 'contacts.get', { id: crm.bob.id })).toMatchObject({
      notes: 'Prefers mornings',
      tagIds: [vip.id],
    });
  });

  test('an activity edited elsewhere while its dialog is open is reviewed too', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Anna Berg').click();
    await contactPanel(page).getByRole('button', { name: /^Edit/ }).first().click();
    const edit = page.getByRole('dialog', { name: 'Edit call' });
    await edit.getByLabel('Subject').fill('Intro call with the CFO');
    app.core.db.prepare("UPDATE activities SET body = 'Budget approved' WHERE id = ?").run(crm.call1.id);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(
      reviewRow(page, 'Text').getByRole('radio', { name: /saved meanwhile: Budget approved/ }),
    ).toBeChecked();
    await review(page).getByRole('button', { name: 'Save my choices' }).click();
    await expect(edit).toBeHidden();
    expect(await call(app.core, 'activities.get', { id: crm.call1.id })).toMatchObject({
      subject: 'Intro call with the CFO',
      body: 'Budget approved',
    });
  });
});

test.describe('a form sends once, however fast the clicks', () => {
  /** Five clicks inside one task: React has not re-rendered the button as busy between them. */
  const clickFiveTimes = (page: Page, name: string) =>
    page.evaluate((label) => {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) => candidate.textContent?.trim() === label && candidate.offsetParent !== null,
      );
      if (!button) throw new Error(`no button ${label}`);
      for (let click = 0; click < 5; click++) button.click();
    }, name);

  test('New contact, company and deal: five clicks on Save make one record', async ({ app }) => {
    const page = app.page;
    await page.reload();
    await page.getByRole('button', { name: 'New contact' }).click();
    await contactPanel(page).getByLabel('Name').fill('Quinn Hughes');
    await clickFiveTimes(page, 'Save');
    await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText('Quinn Hughes');
    expect((await call(app.core, 'contacts.list', {})).total).toBe(1);

    await sections(page).getByRole('button', { name: 'Companies' }).click();
    await page.getByRole('button', { name: 'New company' }).click();
    await companyPanel(page).getByLabel('Name').fill('Initech');
    await clickFiveTimes(page, 'Save');
    await expect(companyPanel(page).getByRole('heading', { level: 2 })).toHaveText('Initech');
    expect((await call(app.core, 'companies.list', {})).total).toBe(1);

    await sections(page).getByRole('button', { name: 'Deals' }).click();
    await page.getByRole('button', { name: 'New deal' }).click();
    await dealPanel(page).getByLabel('Title').fill('Printer lease');
    await clickFiveTimes(page, 'Save');
    await expect(dealPanel(page).getByRole('heading', { level: 2 })).toHaveText('Printer lease');
    expect((await call(app.core, 'deals.list', {})).total).toBe(1);
  });

  test('a note logged and a task added with five quick clicks are logged once', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await page.reload();
    await contactRow(page, 'Carl Grey').click();
    await contactPanel(page).getByPlaceholder(/note/i).fill('Met at the fair');
    await clickFiveTimes(page, 'Log note');
    await expect(contactPanel(page).getByText('Met at the fair')).toBeVisible();
    expect((await call(app.core, 'activities.list', { record: { kind: 'contact', id: crm.carl.id } })).total).toBe(1);

    await sections(page).getByRole('button', { name: 'Today' }).click();
    await page.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Task', { exact: true }).fill('Send the brochure');
    await dialog.getByRole('combobox', { name: 'For' }).fill('Carl');
    await dialog.getByRole('option', { name: /Carl Grey/ }).click();
    await clickFiveTimes(page, 'Add task');
    await expect(dialog).toBeHidden();
    expect((await call(app.core, 'activities.list', { kinds: ['task'] })).total).toBe(1);
  });

  test('Settings: a tag added with five quick clicks is added once, with no "already exists" for the clicks after', async ({
    app,
  }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByLabel('New tag').fill('Newsletter');
    await clickFiveTimes(page, 'Add tag');
    await expect(
      page.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ hasText: 'Newsletter' }),
    ).toBeVisible();
    await expect(page.getByText('There is already a tag called')).toBeHidden();
    expect((await call(app.core, 'tags.list', {})).tags.map((tag) => tag.name)).toEqual(['Newsletter']);
  });
});
