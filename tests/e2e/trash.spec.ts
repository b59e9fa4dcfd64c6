import type { Page } from '@playwright/test';
import { call, count, smallCrm } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const deletedItems = (page: Page) => page.getByRole('list', { name: 'Deleted items' });
const entry = (page: Page, label: string) => deletedItems(page).getByRole('listitem', { name: label, exact: true });

async function openTrash(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Trash', level: 1 })).toBeVisible();
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

/** Opens a contact or company from its list, as a user would. */
async function openRecord(page: Page, section: 'Contacts' | 'Companies', name: string) {
  await sections(page).getByRole('button', { name: section }).click();
  await page
    .getByRole('grid', { name: section })
    .getByRole('row', { name: new RegExp(name) })
    .click();
  const panel = page.getByRole('complementary', {
    name: section === 'Contacts' ? 'Contact details' : 'Company details',
  });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  return panel;
}

test.describe('the trash', () => {
  test('an empty trash says so and explains the 30 days', async ({ app }) => {
    const page = app.page;
    await openTrash(page);
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
    await expect(page.getByText(/They stay 30 days/)).toBeVisible();
    await app.screenshot('trash-empty');
  });

  test('deletes of every kind are listed newest first with what went with them; restore brings back the links; delete forever removes them for good', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await call(app.core, 'contacts.delete', { id: crm.carl.id });
    await call(app.core, 'deals.delete', { id: crm.pilot.id });
    await call(app.core, 'activities.delete', { id: crm.call1.id });
    // Acme's people go with it (Bob's note too, as it belonged to no one else).
    await call(app.core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    // Globex's people stay, taken off the company; a restore puts them back on it. Carl is in the trash, so add Dana.
    const dana = await call(app.core, 'contacts.create', { name: 'Dana White', companyId: crm.globex.id });
    await call(app.core, 'companies.delete', { id: crm.globex.id, contacts: 'detach' });
    expect(await call(app.core, 'contacts.get', { id: dana.id })).toMatchObject({ companyId: null });

    await openTrash(page);
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(5);
    const names = await deletedItems(page).locator('.trash-item__name').allInnerTexts();
    expect(names).toEqual(['Globex', 'Acme Ltd', 'Intro call', 'Globex pilot', 'Carl Grey']);
    await expect(entry(page, 'Acme Ltd')).toContainText('with 2 contacts and 1 activity');
    await expect(entry(page, 'Acme Ltd')).toContainText(/Deleted today at/);
    await expect(entry(page, 'Acme Ltd')).toContainText(/Kept until \w+ \d+, \d{4}/);
    await expect(entry(page, 'Globex pilot')).toContainText('Deal');
    await expect(page.getByText('5 items · each kept 30 days')).toBeVisible();
    await app.screenshot('trash');

    // The filter by kind.
    const show = page.getByRole('group', { name: 'Show' });
    await show.getByRole('button', { name: 'Companies' }).click();
    await expect(show.getByRole('button', { name: 'Companies' })).toHaveAttribute('aria-pressed', 'true');
    await expect(deletedItems(page).locator('.trash-item__name')).toHaveText(['Globex', 'Acme Ltd']);
    await show.getByRole('button', { name: 'Activities' }).click();
    await expect(deletedItems(page).locator('.trash-item__name')).toHaveText(['Intro call']);
    await show.getByRole('button', { name: 'All' }).click();
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(5);

    // Restore: Dana is back in Globex, and the toast opens the company.
    await entry(page, 'Globex').getByRole('button', { name: 'Restore Globex' }).click();
    await expect(entry(page, 'Globex')).toHaveCount(0);
    // Focus stays in the list, on the row that took its place.
    await expect(entry(page, 'Acme Ltd').getByRole('button', { name: 'Restore Acme Ltd' })).toBeFocused();
    expect(await call(app.core, 'contacts.get', { id: dana.id })).toMatchObject({ companyId: crm.globex.id });
    await page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Open' }).click();
    await expect(
      page.getByRole('complementary', { name: 'Company details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('Globex');
    await expect(page.getByRole('complementary', { name: 'Company details' }).getByText('Dana White')).toBeVisible();

    // Restore by keyboard: Acme with its people and Bob's note.
    await openTrash(page);
    await entry(page, 'Acme Ltd').getByRole('button', { name: 'Restore Acme Ltd' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Restored “Acme Ltd”')).toBeVisible();
    expect(await call(app.core, 'contacts.get', { id: crm.anna.id })).toMatchObject({ companyId: crm.acme.id });
    expect(await call(app.core, 'activities.get', { id: crm.note.id })).toMatchObject({ contact: { id: crm.bob.id } });

    // An activity restored opens with its contact.
    await entry(page, 'Intro call').getByRole('button', { name: 'Restore Intro call' }).click();
    // Its own toast's Open: Acme's toast may still be showing, and the newest toast may not be there yet.
    await page
      .getByRole('status', { name: 'Notifications' })
      .locator('.toast', { hasText: 'Intro call' })
      .getByRole('button', { name: 'Open' })
      .click();
    await expect(
      page.getByRole('complementary', { name: 'Contact details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('Anna Berg');

    // Delete forever asks first; Cancel keeps it.
    await openTrash(page);
    await entry(page, 'Carl Grey').getByRole('button', { name: 'Delete forever Carl Grey' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Carl Grey” forever?' });
    await expect(confirm).toContainText('will be gone for good');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(entry(page, 'Carl Grey')).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.carl.id)).toBe(1);

    // The question that counts is Rolodesk's native one: "no" there deletes nothing, quietly.
    app.desktop.confirmAnswer = false;
    await entry(page, 'Carl Grey').getByRole('button', { name: 'Delete forever Carl Grey' }).click();
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toBeHidden();
    expect(app.desktop.confirmations).toEqual([
      expect.objectContaining({ message: 'Delete “Carl Grey” forever?', detail: expect.stringContaining('1 contact') }),
    ]);
    await expect(entry(page, 'Carl Grey')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.carl.id)).toBe(1);

    app.desktop.confirmAnswer = true;
    await entry(page, 'Carl Grey').getByRole('button', { name: 'Delete forever Carl Grey' }).click();
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toBeHidden();
    await expect(entry(page, 'Carl Grey')).toHaveCount(0);
    await expect(page.getByText('Deleted “Carl Grey” for good')).toBeVisible();
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.carl.id)).toBe(0);
    expect(count(app.core, 'SELECT count(*) FROM trash')).toBe(1);

    // The database agrees after a restart.
    await app.relaunch();
    await openTrash(page);
    expect(await deletedItems(page).locator('.trash-item__name').allInnerTexts()).toEqual(['Globex pilot']);
  });

  test('a long trash shows a page at a time, and fits a narrow window', async ({ app }) => {
    const page = app.page;
    for (let i = 1; i <= 55; i++) {
      const contact = await call(app.core, 'contacts.create', {
        name: `Former client ${i}`,
        email: `client${i}@example.com`,
      });
      await call(app.core, 'contacts.delete', { id: contact.id });
    }
    await openTrash(page);
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(50);
    await page.getByRole('button', { name: 'Show more (5 more items)' }).click();
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(55);
    await expect(entry(page, 'Former client 5').getByRole('button', { name: 'Restore Former client 5' })).toBeFocused();
    await expect(deletedItems(page).getByRole('listitem').last()).toHaveAccessibleName('Former client 1');
    await expect(page.getByRole('button', { name: /Show more/ })).toHaveCount(0);

    await page.setViewportSize({ width: 600, height: 800 });
    await page.getByRole('heading', { name: 'Trash', level: 1 }).scrollIntoViewIfNeeded();
    await expect(
      entry(page, 'Former client 55').getByRole('button', { name: 'Restore Former client 55' }),
    ).toBeVisible();
    await app.screenshot('trash-narrow');
  });

  test('an entry restored elsewhere meanwhile: a calm message, and the list catches up', async ({ app }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const trashed = await call(app.core, 'contacts.delete', { id: crm.bob.id });
    await openTrash(page);
    await expect(entry(page, 'Bob Stone')).toBeVisible();
    await call(app.core, 'trash.restore', { trashId: trashed.trashId });
    await entry(page, 'Bob Stone').getByRole('button', { name: 'Restore Bob Stone' }).click();
    await expect(
      page.getByText(
        '“Bob Stone” is no longer in the trash (it was restored or deleted for good meanwhile), so nothing was restored.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  });

  test('her call survives the company: delete her, delete the company keeping the people, restore her, delete the company forever', async ({
    app,
  }) => {
    const page = app.page;
    await smallCrm(app.core);
    let panel = await openRecord(page, 'Contacts', 'Anna Berg');
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete contact' }).click();
    panel = await openRecord(page, 'Companies', 'Acme Ltd');
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete Acme Ltd?' })
      .getByRole('button', { name: 'Keep the people (remove the company from them)' })
      .click();

    await openTrash(page);
    await expect(entry(page, 'Acme Ltd')).toContainText('with 1 activity');
    await entry(page, 'Anna Berg').getByRole('button', { name: 'Restore Anna Berg' }).click();
    // Her call came back with her, out of Acme's entry, which now says it holds only Acme.
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
      'Restored “Anna Berg” with 1 activity',
    );
    await expect(entry(page, 'Acme Ltd')).not.toContainText('activity');

    await entry(page, 'Acme Ltd').getByRole('button', { name: 'Delete forever Acme Ltd' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Acme Ltd” forever?' });
    const goes = confirm.getByRole('list', { name: 'Goes for good' });
    const stays = confirm.getByRole('list', { name: 'Stays' });
    await expect(goes.getByRole('listitem')).toHaveText([
      'Acme Ltd (company)',
      /^Its change history \(\d+ entr(y|ies)\)$/,
    ]);
    await expect(stays).toContainText('“Intro call” stays: it also belongs to Anna Berg.');
    await expect(stays).toContainText('“Bob prefers email” stays: it also belongs to Bob Stone.');
    await expect(stays).toContainText('Deal “Acme renewal” stays, no longer linked to Acme Ltd.');
    await expect(stays).toContainText('Anna Berg stays, no longer linked to Acme Ltd.');
    await expect(confirm).toContainText('Rolodesk asks you to confirm before anything goes.');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await app.screenshot('trash-delete-forever');
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('Deleted “Acme Ltd” for good')).toBeVisible();

    panel = await openRecord(page, 'Contacts', 'Anna Berg');
    await expect(panel.getByRole('list', { name: 'Timeline' })).toContainText('Intro call');
  });

  test('Delete forever lists what goes with a company and its people, and what it would take from other entries', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    await call(app.core, 'activities.delete', { id: crm.call1.id });
    await call(app.core, 'companies.delete', { id: crm.acme.id, contacts: 'trash' });
    await page.setViewportSize({ width: 600, height: 800 });
    await openTrash(page);
    await entry(page, 'Acme Ltd').getByRole('button', { name: 'Delete forever Acme Ltd' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Acme Ltd” forever?' });
    await expect(confirm.getByRole('list', { name: 'Goes for good' }).getByRole('listitem')).toHaveText([
      'Acme Ltd (company)',
      '2 contacts: Anna Berg and Bob Stone',
      '1 note and 1 call',
      /^Their change history \(\d+ entr(y|ies)\)$/,
      '“Intro call”, deleted on its own earlier: it belongs only to what goes',
    ]);
    await expect(confirm.getByRole('list', { name: 'Stays' })).toHaveText(
      'Deal “Acme renewal” stays, no longer linked to Anna Berg and Acme Ltd.',
    );
    await app.screenshot('trash-delete-forever-narrow');
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toBeHidden();
    await expect(deletedItems(page).getByRole('listitem')).toHaveCount(0);
    expect(count(app.core, 'SELECT count(*) FROM activities')).toBe(0);
  });

  test('Delete forever when what would go changed while the question was open: it says so, shows the new list and deletes nothing until asked again', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const anna = await call(app.core, 'contacts.delete', { id: crm.anna.id });
    await call(app.core, 'companies.delete', { id: crm.acme.id, contacts: 'detach' });
    await openTrash(page);
    await entry(page, 'Acme Ltd').getByRole('button', { name: 'Delete forever Acme Ltd' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Acme Ltd” forever?' });
    await expect(confirm.getByRole('list', { name: 'Stays' })).toContainText(
      '“Intro call” (in the trash) stays: it also belongs to Anna Berg.',
    );
    // Another window deletes Anna for good: her call would now go with Acme.
    await call(app.core, 'trash.deleteForever', { trashId: anna.trashId });
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toContainText('What would go changed meanwhile');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(confirm.getByRole('list', { name: 'Goes for good' })).toContainText('1 call');
    // The list behind caught up too (read by its classes: the dialog hides the rest from assistive tech).
    await expect(page.locator('.trash-item__name', { hasText: 'Anna Berg' })).toHaveCount(0);
    await app.screenshot('trash-delete-forever-changed');
    expect(count(app.core, 'SELECT count(*) FROM companies WHERE id = ?', crm.acme.id)).toBe(1);
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expect(confirm).toBeHidden();
    expect(count(app.core, 'SELECT count(*) FROM companies WHERE id = ?', crm.acme.id)).toBe(0);
  });

  test('a merged-away contact says where its activities, deals and files are, and its restore says what came back', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const copy = await call(app.core, 'contacts.create', { name: 'Anna Lind', email: 'ANNA@acme.example' });
    await call(app.core, 'activities.create', { kind: 'note', body: 'Likes tea', contactId: copy.id });
    await call(app.core, 'duplicates.merge', { kind: 'contact', keepId: crm.anna.id, mergeId: copy.id });

    await openTrash(page);
    const merged = entry(page, 'Anna Lind (merged into Anna Berg)');
    await expect(merged).toContainText('Its activities, deals and files stay with Anna Berg');
    await app.screenshot('trash-merged');
    await merged.getByRole('button', { name: 'Restore Anna Lind (merged into Anna Berg)' }).click();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
      'Restored “Anna Lind (merged into Anna Berg)” as a separate contact. Its activities, deals and files stay with Anna Berg.',
    );
    await app.screenshot('trash-merged-restored');
    expect((await call(app.core, 'activities.list', { record: { kind: 'contact', id: copy.id } })).total).toBe(0);
    expect((await call(app.core, 'activities.list', { record: { kind: 'contact', id: crm.anna.id } })).total).toBe(2);
  });

  test('Delete forever on an entry restored elsewhere meanwhile: the message says nothing was deleted, and the list catches up', async ({
    app,
  }) => {
    const page = app.page;
    const crm = await smallCrm(app.core);
    const trashed = await call(app.core, 'contacts.delete', { id: crm.bob.id });
    await openTrash(page);
    await call(app.core, 'trash.restore', { trashId: trashed.trashId });
    await entry(page, 'Bob Stone').getByRole('button', { name: 'Delete forever Bob Stone' }).click();
    await expect(page.getByRole('status').filter({ hasText: '“Bob Stone” is no longer in the trash' })).toContainText(
      '“Bob Stone” is no longer in the trash (it was restored or deleted for good meanwhile), so nothing was deleted.',
    );
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await app.screenshot('trash-gone-meanwhile');
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', crm.bob.id)).toBe(1);
  });
});
