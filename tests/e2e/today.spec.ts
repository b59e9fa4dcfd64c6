import type { Page } from '@playwright/test';
import { call, count, smallCrm } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const hour = 60 * 60 * 1000;
const main = (page: Page) => page.getByRole('main', { name: 'Today' });
const section = (page: Page, title: string) => main(page).getByRole('region', { name: new RegExp(`^${title}`) });

/** The last minute of the local day `days` from today: a task due "some time that day". */
function dayEnd(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(23, 59, 0, 0);
  return date.toISOString();
}

async function openToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
}

async function seedTasks(app: RolodeskApp) {
  const crm = await smallCrm(app.core);
  const task = (
    subject: string,
    dueAt: string,
    owner: { contactId: number } | { dealId: number } | { companyId: number },
  ) => call(app.core, 'activities.create', { kind: 'task', subject, dueAt, ...owner });
  const overdue = await task('Chase the unpaid invoice', new Date(Date.now() - 2 * 24 * hour).toISOString(), {
    contactId: crm.anna.id,
  });
  const today = await task('Send the renewal quote', dayEnd(0), { dealId: crm.renewal.id });
  const soon = await task('Prepare the Globex demo', dayEnd(3), { companyId: crm.globex.id });
  const done = await task('Already handled', dayEnd(0), { contactId: crm.bob.id });
  await call(app.core, 'activities.setDone', { id: done.id, done: true });
  return { ...crm, overdue, today, soon };
}

const openTasksDueBy = (app: RolodeskApp, until: string) =>
  count(
    app.core,
    "SELECT count(*) FROM activities WHERE kind = 'task' AND done_at IS NULL AND deleted_at IS NULL AND due_at < ?",
    until,
  );

test.describe('Today', () => {
  test('lists overdue, due today and coming up; ticking one off removes it, the database agrees, and Undo brings it back', async ({
    app,
  }) => {
    const page = app.page;
    const { overdue, today } = await seedTasks(app);
    await openToday(page);

    await expect(section(page, 'Overdue')).toContainText('Chase the unpaid invoice');
    await expect(section(page, 'Overdue')).toContainText('Anna Berg');
    await expect(section(page, 'Due today')).toContainText('Send the renewal quote');
    await expect(section(page, 'Due today')).toContainText('Acme renewal');
    await expect(section(page, 'Coming up')).toContainText('Prepare the Globex demo');
    await expect(main(page)).not.toContainText('Already handled');
    await app.screenshot('today');

    // From the keyboard: the box is named by the task, Space ticks it.
    const box = main(page).getByRole('checkbox', { name: 'Chase the unpaid invoice' });
    await box.focus();
    await box.press('Space');
    await expect(section(page, 'Overdue')).toHaveCount(0);
    // The focus does not fall out of the list with the row: the next task's box has it.
    await expect(main(page).getByRole('checkbox', { name: 'Send the renewal quote' })).toBeFocused();
    await expect.poll(async () => (await call(app.core, 'activities.get', { id: overdue.id })).doneAt).not.toBeNull();
    await page
      .getByRole('status')
      .locator('.toast')
      .filter({ hasText: 'Done: Chase the unpaid invoice' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(section(page, 'Overdue')).toContainText('Chase the unpaid invoice');
    expect((await call(app.core, 'activities.get', { id: overdue.id })).doneAt).toBeNull();

    await main(page).getByRole('checkbox', { name: 'Send the renewal quote' }).check();
    await main(page).getByRole('checkbox', { name: 'Chase the unpaid invoice' }).check();
    await expect(main(page).getByRole('heading', { name: 'Nothing due today' })).toBeVisible();
    await expect(section(page, 'Coming up')).toContainText('Prepare the Globex demo');
    expect(openTasksDueBy(app, dayEnd(1))).toBe(0);
    expect((await call(app.core, 'activities.get', { id: today.id })).doneAt).not.toBeNull();
  });

  test('the record a task belongs to opens in its own screen', async ({ app }) => {
    const page = app.page;
    await seedTasks(app);
    await openToday(page);
    await section(page, 'Overdue').getByRole('button', { name: 'Anna Berg' }).click();
    const panel = page.getByRole('complementary', { name: 'Contact details' });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Anna Berg');
    await expect(panel.getByRole('list', { name: 'Timeline' })).toContainText('Chase the unpaid invoice');

    await openToday(page);
    await section(page, 'Coming up').getByRole('button', { name: 'Globex' }).click();
    await expect(
      page.getByRole('complementary', { name: 'Company details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('Globex');
  });

  test('with nothing due it says so as good news; New task asks for what, when and for whom, then shows the task', async ({
    app,
  }) => {
    const page = app.page;
    const { bob } = await smallCrm(app.core);
    await openToday(page);
    await expect(main(page).getByRole('heading', { name: 'Nothing due today' })).toBeVisible();
    await expect(main(page)).toContainText('You are all caught up.');
    await app.screenshot('today-empty');

    await main(page).getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await expect(dialog.getByLabel('Task', { exact: true })).toBeFocused();
    await dialog.getByRole('button', { name: 'Add task' }).click();
    await expect(dialog.getByText('Say what needs doing.')).toBeVisible();
    await expect(dialog.getByText(/Choose who or what the task is for/)).toBeVisible();
    expect(count(app.core, "SELECT count(*) FROM activities WHERE kind = 'task'")).toBe(0);

    await dialog.getByLabel('Task', { exact: true }).fill('Book the follow-up meeting');
    await dialog.getByLabel('Time (optional)').fill('16:30');
    await dialog.getByRole('combobox', { name: 'For' }).fill('Bob');
    await expect(dialog.getByRole('option', { name: /Bob Stone/ })).toBeVisible();
    await app.screenshot('today-new-task');
    await dialog.getByRole('option', { name: /Bob Stone/ }).click();
    await expect(dialog.getByText('Bob Stone')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Change' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Add task' }).click();
    await expect(dialog).toHaveCount(0);

    await expect(section(page, 'Due today')).toContainText('Book the follow-up meeting');
    await expect(section(page, 'Due today')).toContainText('4:30 PM');
    const saved = app.core.db
      .prepare("SELECT contact_id AS contactId FROM activities WHERE subject = 'Book the follow-up meeting'")
      .get() as { contactId: number };
    expect(saved.contactId).toBe(bob.id);
  });

  test('at midnight a task due today moves to Overdue without a reload', async ({ app }) => {
    const page = app.page;
    const { anna } = await smallCrm(app.core);
    const lateEvening = new Date();
    lateEvening.setHours(23, 59, 30, 0);
    await call(app.core, 'activities.create', {
      kind: 'task',
      subject: 'Submit the tender',
      dueAt: dayEnd(0),
      contactId: anna.id,
    });
    await page.clock.install({ time: lateEvening });
    await page.reload();
    await openToday(page);
    await expect(section(page, 'Due today')).toContainText('Submit the tender');
    await page.clock.fastForward('01:00');
    await expect(section(page, 'Overdue')).toContainText('Submit the tender');
    await expect(section(page, 'Due today')).toHaveCount(0);
  });

  test('at 600 px the tasks fit the window', async ({ app }) => {
    const page = app.page;
    await seedTasks(app);
    await page.setViewportSize({ width: 600, height: 800 });
    await openToday(page);
    await expect(section(page, 'Overdue')).toBeVisible();
    const width = await main(page).evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(width).toBe(0);
    await app.screenshot('today-narrow');
  });
});
