import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unzipped } from '../support/archives';
import { call, count } from '../support/crm';
import { samples } from '../support/sample-files';
import { upload } from '../support/upload';
import { expect, test } from './app';

test.use({ locale: 'en-GB' });

/** Opens a contact from the list, as a user would. */
async function openContact(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
  await page
    .getByRole('grid', { name: 'Contacts' })
    .getByRole('row', { name: new RegExp(name) })
    .click();
  const panel = page.getByRole('complementary', { name: 'Contact details' });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name);
  return panel;
}

test.describe('people’s rights', () => {
  test('"Export everything about this person…" writes one archive with their record, activities and files', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    const acme = await call(app.core, 'companies.create', { name: 'Acme Ltd' });
    const ana = await call(app.core, 'contacts.create', {
      name: 'Ana Souza',
      email: 'ana@acme.example',
      companyId: acme.id,
      notes: 'Prefers mornings',
    });
    await call(app.core, 'activities.create', {
      kind: 'call',
      subject: 'Intro call',
      body: 'Talked about the renewal',
      contactId: ana.id,
    });
    expect((await upload(app.core, ana.id, 'contract.pdf', samples.pdf)).ok).toBe(true);
    app.desktop.saveLocation = join(scratch, 'ana.zip');

    const panel = await openContact(page, 'Ana Souza');
    await panel.getByRole('button', { name: 'Personal data' }).click();
    const menu = page.getByRole('menu', { name: 'Personal data' });
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Export everything about this person…',
      'Erase this person for good…',
    ]);
    // The first item has focus; arrows move, as in any menu.
    await expect(menu.getByRole('menuitem', { name: 'Export everything about this person…' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Erase this person for good…' })).toBeFocused();
    await app.screenshot('privacy-menu');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');

    await expect(
      page.getByRole('status', { name: 'Notifications' }).filter({ hasText: 'Archive saved' }),
    ).toContainText('Archive saved, with 1 activity, 0 history entries, 0 campaigns, 0 messages and 1 file.');
    const entries = await unzipped(join(scratch, 'ana.zip'));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining(['README.txt', 'person.json', 'contact.csv', 'activities.csv', 'files/contract.pdf']),
    );
    expect(entries['files/contract.pdf']).toEqual(samples.pdf);
    const person = JSON.parse(entries['person.json']!.toString('utf8')) as unknown;
    expect(person).toMatchObject({
      contact: { name: 'Ana Souza', email: 'ana@acme.example', notes: 'Prefers mornings' },
      activities: [{ subject: 'Intro call' }],
    });
    expect(entries['README.txt']!.toString('utf8')).toContain('Everything Rolodesk holds about Ana Souza');
  });

  test('"Erase this person for good…" shows what goes, asks natively, and afterwards they are nowhere', async ({
    app,
  }) => {
    const page = app.page;
    const acme = await call(app.core, 'companies.create', { name: 'Acme Ltd' });
    const ana = await call(app.core, 'contacts.create', {
      name: 'Ana Souza',
      email: 'ana@acme.example',
      companyId: acme.id,
    });
    const bob = await call(app.core, 'contacts.create', { name: 'Bob Stone', companyId: acme.id });
    await call(app.core, 'activities.create', { kind: 'note', body: 'Ana asked about prices', contactId: ana.id });
    const deal = await call(app.core, 'deals.create', { title: 'Acme renewal', companyId: acme.id, contactId: ana.id });
    await call(app.core, 'activities.create', {
      kind: 'call',
      subject: 'Renewal call with Ana',
      contactId: ana.id,
      dealId: deal.id,
    });
    const campaign = await call(app.core, 'campaigns.create', { name: 'Spring offer' });
    await call(app.core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [ana.id, bob.id] });
    await call(app.core, 'backups.create', {});

    const panel = await openContact(page, 'Ana Souza');
    await panel.getByRole('button', { name: 'Personal data' }).click();
    await page.getByRole('menuitem', { name: 'Erase this person for good…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase Ana Souza for good?' });
    const goes = dialog.getByRole('list', { name: 'Goes for good' });
    await expect(goes).toContainText('1 activity about them');
    await expect(goes).toContainText('1 campaign membership and their status history');
    const stays = dialog.getByRole('list', { name: 'Stays' });
    await expect(stays).toContainText('Their company, Acme Ltd');
    await expect(stays).toContainText('1 deal they were the contact of, without them');
    await expect(stays).toContainText('1 activity filed under a deal or another company, without them');
    await expect(dialog).toContainText(
      /Backups already taken still hold this person until they age out: the last of them expires on \w+day \d+ \w+ \d{4}/,
    );
    await expect(dialog).toContainText('Backup files exported and saved elsewhere are not tracked');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await app.screenshot('privacy-erase-dialog');
    await page.setViewportSize({ width: 600, height: 800 });
    await app.screenshot('privacy-erase-dialog-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Declined in the native window: nothing is erased, and the dialog says so.
    app.desktop.confirmAnswer = false;
    await dialog.getByRole('button', { name: 'Erase for good…' }).click();
    await expect(dialog).toContainText('Nothing was erased: the erase was not confirmed.');
    expect(count(app.core, 'SELECT count(*) FROM contacts WHERE id = ?', ana.id)).toBe(1);

    app.desktop.confirmAnswer = true;
    await dialog.getByRole('button', { name: 'Erase for good…' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel).toBeHidden();
    expect(app.desktop.confirmations).toHaveLength(2);
    expect(app.desktop.confirmations[1]).toMatchObject({
      title: 'Erase Ana Souza for good?',
      confirmLabel: 'Erase for good',
    });
    expect(app.desktop.confirmations[1]!.detail).toContain('1 activity, ');
    expect(app.desktop.confirmations[1]!.detail).toContain('1 campaign membership');

    // Nowhere: the list, search, the trash, the campaign's members, the company's timeline.
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await expect(grid.getByRole('row', { name: /Bob Stone/ })).toBeVisible();
    await expect(grid.getByRole('row', { name: /Ana Souza/ })).toHaveCount(0);
    expect(
      (await call(app.core, 'search.all', { text: 'Ana' })).groups.flatMap((group) =>
        group.hits.map((hit) => hit.title),
      ),
    ).toEqual(['Renewal call with Ana']);
    expect((await call(app.core, 'trash.list', {})).total).toBe(0);
    expect(
      (await call(app.core, 'campaigns.members', { campaignId: campaign.id })).rows.map((row) => row.name),
    ).toEqual(['Bob Stone']);
    const timeline = await call(app.core, 'timeline.list', { record: { kind: 'company', id: acme.id } });
    expect(JSON.stringify(timeline)).not.toContain('Ana Souza');
    expect(JSON.stringify(timeline)).not.toContain('Ana asked about prices');
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
    // What an admin sees afterwards: the day, no name.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('tab', { name: 'Erased people' }).click();
    await expect(page.getByRole('list', { name: 'Erasures' }).getByRole('listitem')).toHaveText([
      /^A contact was erased on \d{4}-\d{2}-\d{2}\.$/,
    ]);
    await expect(page.getByText('Ana Souza')).toHaveCount(0);
    await app.screenshot('privacy-erasures');
  });
});
