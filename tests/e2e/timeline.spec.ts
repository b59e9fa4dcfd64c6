import type { Page } from '@playwright/test';
import { call, count, smallCrm } from '../support/crm';
import { samples } from '../support/sample-files';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const stream = (page: Page) => panel(page).getByRole('list', { name: 'Timeline' });
const kindButton = (page: Page, kind: string) =>
  panel(page).getByRole('group', { name: 'Kind of activity' }).getByRole('button', { name: kind, exact: true });
const field = (page: Page, label: string) => panel(page).getByLabel(label, { exact: true });

const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

async function openContact(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
  await page
    .getByRole('grid', { name: 'Contacts' })
    .getByRole('row', { name: new RegExp(name) })
    .click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(name);
}

function activitiesOf(app: RolodeskApp, contactId: number): number {
  return count(app.core, 'SELECT count(*) FROM activities WHERE contact_id = ? AND deleted_at IS NULL', contactId);
}

test.describe('Record timeline', () => {
  test('a note, call, meeting, email and task logged from the contact panel show in the stream, newest first', async ({
    app,
  }) => {
    const page = app.page;
    const { anna } = await smallCrm(app.core);
    await openContact(page, 'Anna Berg');
    await expect(stream(page)).toContainText('Intro call');
    await expect(stream(page)).toContainText('Contact added to Rolodesk');

    await field(page, 'Note').fill('Prefers calls after lunch.\nAsk about the Oslo office.');
    await panel(page).getByRole('button', { name: 'Log note' }).click();
    await expect(stream(page).getByRole('listitem').first()).toContainText('Prefers calls after lunch.');
    await expect(field(page, 'Note')).toHaveValue('');

    await kindButton(page, 'Call').click();
    await expect(kindButton(page, 'Call')).toHaveAttribute('aria-pressed', 'true');
    await field(page, 'Subject').fill('Pricing call');
    await field(page, 'Details').fill('Agreed on 5% off for two years.');
    await field(page, 'Time').fill('09:30');
    await panel(page).getByRole('button', { name: 'Log call' }).click();
    await expect(stream(page).getByText('Pricing call')).toBeVisible();
    await expect(stream(page).getByRole('listitem').filter({ hasText: 'Pricing call' })).toContainText(
      /Call·?Today 9:30 AM/,
    );

    await kindButton(page, 'Meeting').click();
    await field(page, 'Subject').fill('Site visit');
    await field(page, 'When').fill(localDay(new Date(Date.now() - 24 * 60 * 60 * 1000)));
    await field(page, 'Time').fill('14:00');
    // Enter in a one-line field logs the activity, not the contact form around it.
    await field(page, 'Subject').press('Enter');
    await expect(stream(page).getByRole('listitem').filter({ hasText: 'Site visit' })).toContainText(
      'Yesterday 2:00 PM',
    );

    await kindButton(page, 'Email').click();
    await field(page, 'Subject').fill('Sent the contract');
    await field(page, 'Details').press('Control+Enter');
    await expect(stream(page).getByText('Sent the contract')).toBeVisible();

    await kindButton(page, 'Task').click();
    await field(page, 'Task').fill('Send the quote');
    await field(page, 'Due').fill(localDay(new Date(Date.now() + 24 * 60 * 60 * 1000)));
    await field(page, 'Time (optional)').fill('10:00');
    await app.screenshot('timeline-composer');
    await panel(page).getByRole('button', { name: 'Add task' }).click();
    const task = stream(page).getByRole('listitem').filter({ hasText: 'Send the quote' });
    await expect(task).toContainText('Due tomorrow 10:00 AM');
    await expect(task.getByRole('checkbox', { name: 'Send the quote' })).not.toBeChecked();

    const rows = app.core.db
      .prepare('SELECT kind, subject FROM activities WHERE contact_id = ? ORDER BY id')
      .all(anna.id) as Array<{ kind: string; subject: string }>;
    expect(rows.map((row) => row.kind)).toEqual(['call', 'note', 'call', 'meeting', 'email', 'task']);
    await stream(page).getByRole('listitem').last().scrollIntoViewIfNeeded();
    await app.screenshot('timeline');
  });

  test('saving a changed email shows “Email: old → new”; files, tags and the trash show too', async ({ app }) => {
    const page = app.page;
    const { anna } = await smallCrm(app.core);
    await openContact(page, 'Anna Berg');
    await panel(page).getByLabel('Email').first().fill('anna@berg.example');
    await panel(page).getByRole('button', { name: 'Save' }).click();
    await expect(stream(page)).toContainText('Email: anna@acme.example → anna@berg.example');

    // A file added in the panel shows in its timeline straight away.
    const chooser = page.waitForEvent('filechooser');
    await panel(page).getByRole('button', { name: 'Add files', exact: true }).click();
    await (await chooser).setFiles({ name: 'price-list.pdf', mimeType: 'application/pdf', buffer: samples.pdf });
    await expect(stream(page)).toContainText('price-list.pdf attached');

    const vip = await call(app.core, 'tags.create', { name: 'VIP' });
    await call(app.core, 'tags.link', { record: { kind: 'contact', id: anna.id }, tagId: vip.id });
    const trashed = await call(app.core, 'contacts.delete', { id: anna.id });
    await call(app.core, 'trash.restore', { trashId: trashed.trashId });
    await panel(page).getByRole('button', { name: 'Close' }).click();
    await openContact(page, 'Anna Berg');
    await expect(stream(page)).toContainText('price-list.pdf attached');
    await expect(stream(page)).toContainText('Tagged “VIP”');
    await expect(stream(page)).toContainText('Moved to the trash');
    await expect(stream(page)).toContainText('Restored from the trash');
  });

  test('a long history pages with “Show older”, and long text folds with “Show more”', async ({ app }) => {
    const page = app.page;
    const { bob } = await smallCrm(app.core);
    const start = Date.now() - 100 * 60 * 60 * 1000;
    for (let n = 1; n <= 40; n++) {
      await call(app.core, 'activities.create', {
        kind: 'note',
        body: `Note number ${n}`,
        contactId: bob.id,
        occurredAt: new Date(start + n * 60 * 60 * 1000).toISOString(),
      });
    }
    const long = `${'A long report line. '.repeat(30)}THE END`;
    await call(app.core, 'activities.create', {
      kind: 'meeting',
      subject: 'Quarterly review',
      body: long,
      contactId: bob.id,
    });
    await openContact(page, 'Bob Stone');
    await expect(stream(page).getByText('Note number 40')).toBeVisible();
    await expect(stream(page).getByText('Note number 1', { exact: true })).toHaveCount(0);
    await panel(page).getByRole('button', { name: 'Show older' }).click();
    await expect(stream(page).getByText('Note number 1', { exact: true })).toBeVisible();
    await expect(stream(page)).toContainText('Contact added to Rolodesk');
    await expect(panel(page).getByRole('button', { name: 'Show older' })).toHaveCount(0);

    const review = stream(page).getByRole('listitem').filter({ hasText: 'Quarterly review' });
    await expect(review).not.toContainText('THE END');
    await review.getByRole('button', { name: 'Show more' }).click();
    await expect(review).toContainText('THE END');
    await review.getByRole('button', { name: 'Show less' }).click();
    await expect(review).not.toContainText('THE END');
  });

  test('a task ticks done and back; an activity is edited, moved to the trash, and brought back with Undo', async ({
    app,
  }) => {
    const page = app.page;
    const { anna, call1 } = await smallCrm(app.core);
    const task = await call(app.core, 'activities.create', {
      kind: 'task',
      subject: 'Call back about pricing',
      contactId: anna.id,
      dueAt: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
    });
    await openContact(page, 'Anna Berg');
    const taskItem = stream(page).getByRole('listitem').filter({ hasText: 'Call back about pricing' });
    await expect(taskItem).toContainText('Overdue');

    await taskItem.getByRole('checkbox', { name: 'Call back about pricing' }).check();
    await expect(taskItem).toContainText('Done');
    await expect.poll(async () => (await call(app.core, 'activities.get', { id: task.id })).doneAt).not.toBeNull();
    await taskItem.getByRole('checkbox', { name: 'Call back about pricing' }).uncheck();
    await expect(taskItem).toContainText('Overdue');
    await expect.poll(async () => (await call(app.core, 'activities.get', { id: task.id })).doneAt).toBeNull();

    await stream(page).getByRole('button', { name: 'Edit “Intro call”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit call' });
    await expect(dialog.getByLabel('Details')).toHaveValue('Talked about the renewal');
    await dialog.getByLabel('Subject').fill('Renewal call');
    await app.screenshot('timeline-edit');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(stream(page).getByText('Renewal call')).toBeVisible();
    expect((await call(app.core, 'activities.get', { id: call1.id })).subject).toBe('Renewal call');

    await stream(page).getByRole('button', { name: 'Move “Renewal call” to the trash' }).click();
    await expect(page.getByRole('status')).toContainText('Moved to the trash');
    await expect(panel(page).getByRole('heading', { name: 'Activity' })).toBeFocused();
    await expect(stream(page).getByText('Renewal call')).toHaveCount(0);
    expect(activitiesOf(app, anna.id)).toBe(1);
    await page
      .getByRole('status')
      .locator('.toast')
      .filter({ hasText: 'Moved to the trash' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(stream(page).getByText('Renewal call')).toBeVisible();
    expect(activitiesOf(app, anna.id)).toBe(2);
  });

  test('bad input is refused beside the field and nothing is saved', async ({ app }) => {
    const page = app.page;
    const { carl } = await smallCrm(app.core);
    await openContact(page, 'Carl Grey');
    await expect(panel(page).getByText('Nothing logged yet')).toBeVisible();

    await panel(page).getByRole('button', { name: 'Log note' }).click();
    await expect(panel(page).getByText('Write the note first.')).toBeVisible();
    await expect(field(page, 'Note')).toBeFocused();

    await field(page, 'Note').fill('x'.repeat(10_001));
    await panel(page).getByRole('button', { name: 'Log note' }).click();
    await expect(panel(page).getByText('The text can be at most 10,000 characters; this has 10,001.')).toBeVisible();
    await field(page, 'Note').press('End');
    await field(page, 'Note').press('Backspace');
    await expect(panel(page).getByText(/at most 10,000 characters/)).toHaveCount(0);
    await field(page, 'Note').fill('');

    await kindButton(page, 'Task').click();
    await field(page, 'Task').fill('Renew the contract');
    await field(page, 'Due').fill('');
    await field(page, 'Due').pressSequentially('11');
    await panel(page).getByRole('button', { name: 'Add task' }).click();
    await expect(panel(page).getByText(/That is not a date\. Pick a day, like/)).toBeVisible();
    await expect(field(page, 'Due')).toHaveAttribute('aria-invalid', 'true');

    expect(activitiesOf(app, carl.id)).toBe(0);
    await expect(panel(page).getByText('Nothing logged yet')).toBeVisible();
  });

  test('what is typed in the composer survives closing the panel, and Escape does not close it', async ({ app }) => {
    const page = app.page;
    await smallCrm(app.core);
    await openContact(page, 'Bob Stone');
    await field(page, 'Note').fill('Half-written thought');
    // Escape would close the panel; not over unsent text.
    await field(page, 'Note').press('Escape');
    await expect(panel(page)).toBeVisible();
    await panel(page).getByRole('button', { name: 'Close' }).click();
    await openContact(page, 'Bob Stone');
    await expect(field(page, 'Note')).toHaveValue('Half-written thought');
  });

  test('the company panel has the same timeline', async ({ app }) => {
    const page = app.page;
    const { acme } = await smallCrm(app.core);
    await call(app.core, 'activities.create', { kind: 'meeting', subject: 'Board meeting', companyId: acme.id });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click();
    await page
      .getByRole('grid', { name: 'Companies' })
      .getByRole('row', { name: /Acme Ltd/ })
      .click();
    const company = page.getByRole('complementary', { name: 'Company details' });
    const companyStream = company.getByRole('list', { name: 'Timeline' });
    await expect(companyStream).toContainText('Board meeting');
    // Anna's call is filed under her company too.
    await expect(companyStream).toContainText('Intro call');
    await company.getByLabel('Note', { exact: true }).fill('Moving offices in March.');
    await company.getByRole('button', { name: 'Log note' }).click();
    await expect(companyStream).toContainText('Moving offices in March.');
  });

  test('at 600 px the timeline fits the panel', async ({ app }) => {
    const page = app.page;
    const { anna } = await smallCrm(app.core);
    await call(app.core, 'activities.create', {
      kind: 'task',
      subject: 'Send the signed contract back to the legal team',
      contactId: anna.id,
      dueAt: new Date(Date.now() + 3 * 60 * 60 * 1000).toISOString(),
    });
    await page.setViewportSize({ width: 600, height: 800 });
    await openContact(page, 'Anna Berg');
    await stream(page).scrollIntoViewIfNeeded();
    const streamBox = await stream(page).boundingBox();
    expect(streamBox!.x + streamBox!.width).toBeLessThanOrEqual(600);
    await app.screenshot('timeline-narrow');
  });
});
