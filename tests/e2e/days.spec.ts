import type { Page } from '@playwright/test';
import { call, smallCrm, update } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

/**
 * Screens that group or label by day, on the days the clocks change: a
 * 25-hour day (clocks back) and a 23-hour day (clocks forward), in a zone of
 * each hemisphere and one with a 30-minute offset.
 */
const zones = [
  { timezoneId: 'Europe/Berlin', clocksBack: '2026-10-25', clocksForward: '2026-03-29' },
  { timezoneId: 'Australia/Sydney', clocksBack: '2026-04-05', clocksForward: '2026-10-04' },
  { timezoneId: 'Australia/Adelaide', clocksBack: '2026-04-05', clocksForward: '2026-10-04' },
] as const;

/** A calendar day `days` after `day` ("2026-10-25" → "2026-10-26"), by the calendar alone. */
function dayAfter(day: string, days = 1): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The moment a wall-clock time ("2026-10-25T23:30") names in the page's time zone. */
const wallClock = (page: Page, local: string): Promise<string> =>
  page.evaluate((text) => new Date(text).toISOString(), local);

const main = (page: Page) => page.getByRole('main', { name: 'Today' });
const section = (page: Page, title: string) => main(page).getByRole('region', { name: new RegExp(`^${title}`) });
const contactPanel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const timelineEntry = (page: Page, text: string) =>
  contactPanel(page).getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: text });

async function openToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
}

async function openContact(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
  await page
    .getByRole('grid', { name: 'Contacts' })
    .getByRole('row', { name: new RegExp(name) })
    .click();
  await expect(contactPanel(page).getByRole('heading', { level: 2 })).toHaveText(name);
}

/** Counts the window's calls of one channel from now on. */
async function countCalls(page: Page, channel: string): Promise<() => Promise<number>> {
  await page.evaluate((counted) => {
    const host = window as unknown as {
      __crmInvoke: (channel: string, input: unknown) => Promise<unknown>;
      __calls: number;
    };
    const original = host.__crmInvoke.bind(host);
    host.__calls = 0;
    host.__crmInvoke = (name, input) => {
      if (name === counted) host.__calls++;
      return original(name, input);
    };
  }, channel);
  return () => page.evaluate(() => (window as unknown as { __calls: number }).__calls);
}

/** Open tasks for Anna around `day`, at wall-clock times of the page's zone. */
async function seedTasks(app: RolodeskApp, day: string) {
  const crm = await smallCrm(app.core);
  const task = async (subject: string, local: string) =>
    call(app.core, 'activities.create', {
      kind: 'task',
      subject,
      dueAt: await wallClock(app.page, local),
      contactId: crm.anna.id,
    });
  await task('Call from last night', `${dayAfter(day, -1)}T23:30`);
  await task('Early start', `${day}T00:30`);
  await task('Late call', `${day}T23:30`);
  await task('Just after midnight', `${dayAfter(day)}T00:30`);
  await task('A week on', `${dayAfter(day, 7)}T23:30`);
  await task('Eight days on', `${dayAfter(day, 8)}T00:30`);
  return crm;
}

/** Today, opened on the day seedTasks wrote around: each task under the calendar day it is due on. */
async function expectTodayByTheCalendar(page: Page): Promise<void> {
  await openToday(page);
  await expect(section(page, 'Overdue')).toContainText('Call from last night');
  await expect(section(page, 'Due today')).toContainText('Early start');
  await expect(section(page, 'Due today')).toContainText('Late call');
  await expect(section(page, 'Due today')).not.toContainText('Just after midnight');
  await expect(section(page, 'Coming up')).toContainText('Just after midnight');
  await expect(section(page, 'Coming up')).toContainText('A week on');
  await expect(section(page, 'Coming up')).not.toContainText('Eight days on');
  await expect(main(page).getByRole('heading', { name: 'Nothing due today' })).toHaveCount(0);
}

/** Starts the window's clock at a wall-clock time of its zone. */
async function startClockAt(page: Page, local: string): Promise<void> {
  await page.clock.install({ time: await wallClock(page, local) });
  await page.reload();
}

for (const zone of zones) {
  test.describe(`days in ${zone.timezoneId}`, () => {
    test.use({ locale: 'en-US', timezoneId: zone.timezoneId });

    test(`on the 25-hour day (${zone.clocksBack}) Today groups by the real day, and the evening neither reloads in a loop nor misses midnight`, async ({
      app,
    }) => {
      const page = app.page;
      const day = zone.clocksBack;
      const { anna, bob, renewal, pilot } = await seedTasks(app, day);
      const touched = app.core.db.prepare('UPDATE contacts SET updated_at = ? WHERE id = ?');
      touched.run(await wallClock(page, `${dayAfter(day, -1)}T23:30`), anna.id);
      touched.run(await wallClock(page, `${day}T00:30`), bob.id);
      await call(app.core, 'activities.create', {
        kind: 'call',
        subject: 'Call after midnight',
        occurredAt: await wallClock(page, `${day}T00:30`),
        contactId: anna.id,
      });
      await call(app.core, 'activities.create', {
        kind: 'call',
        subject: 'Call before midnight',
        occurredAt: await wallClock(page, `${dayAfter(day, -1)}T23:30`),
        contactId: anna.id,
      });
      await update(app.core, 'deals.update', { id: renewal.id, expectedCloseDate: dayAfter(day, -1) });
      await update(app.core, 'deals.update', { id: pilot.id, expectedCloseDate: day });
      await startClockAt(page, `${day}T10:00`);

      await expectTodayByTheCalendar(page);

      // The list's times, the timeline's day words and due words.
      await openContact(page, 'Anna Berg');
      const updated = (name: string) =>
        page
          .getByRole('grid', { name: 'Contacts' })
          .getByRole('row', { name: new RegExp(name) })
          .locator('.cell--updatedAt');
      await expect(updated('Anna Berg')).toHaveText('Yesterday');
      await expect(updated('Bob Stone')).toHaveText('Today, 12:30 AM');
      await expect(timelineEntry(page, 'Call after midnight')).toContainText('Today 12:30 AM');
      await expect(timelineEntry(page, 'Call before midnight')).toContainText('Yesterday 11:30 PM');
      await expect(timelineEntry(page, 'Late call')).toContainText('Due today 11:30 PM');
      await expect(timelineEntry(page, 'Just after midnight')).toContainText('Due tomorrow 12:30 AM');
      await expect(timelineEntry(page, 'Call from last night')).toContainText('Overdue, was due yesterday 11:30 PM');

      // A deal that should have closed yesterday is late; one closing today is not yet.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Deals' }).click();
      await expect(page.locator(`[data-deal-id="${renewal.id}"] .deal-card__date`)).toHaveAttribute(
        'title',
        'Expected close date (passed)',
      );
      await expect(page.locator(`[data-deal-id="${pilot.id}"] .deal-card__date`)).toHaveAttribute(
        'title',
        'Expected close date',
      );

      // From 23:00 (the hour a 24-hour day would already have ended) Today waits for midnight.
      await openToday(page);
      await expect(section(page, 'Due today')).toContainText('Late call');
      await page.clock.pauseAt(await wallClock(page, `${day}T23:00:01`));
      const todayCalls = await countCalls(page, 'activities.today');
      for (let step = 0; step < 30; step++) await page.clock.runFor(100);
      expect(await todayCalls()).toBeLessThanOrEqual(1);
      await expect(section(page, 'Due today')).toContainText('Late call');

      await page.clock.runFor('01:00:00');
      await expect(section(page, 'Overdue')).toContainText('Late call');
      await expect(section(page, 'Due today')).toContainText('Just after midnight');
      expect(await todayCalls()).toBeLessThanOrEqual(2);
    });

    test(`on the 23-hour day (${zone.clocksForward}) tomorrow's first hour is not today, midnight comes on time, and a task for the day is due at its last minute`, async ({
      app,
    }) => {
      const page = app.page;
      const day = zone.clocksForward;
      const { bob } = await seedTasks(app, day);
      await startClockAt(page, `${day}T10:00`);

      await expectTodayByTheCalendar(page);

      // A task for the day with no time is due at the day's last minute, and edits back to the day alone.
      await main(page).getByRole('button', { name: 'New task' }).click();
      const dialog = page.getByRole('dialog', { name: 'New task' });
      await dialog.getByLabel('Task', { exact: true }).fill('Any time today');
      await expect(dialog.getByLabel('Due')).toHaveValue(day);
      await dialog.getByRole('combobox', { name: 'For' }).fill('Bob');
      await dialog.getByRole('option', { name: /Bob Stone/ }).click();
      await dialog.getByRole('button', { name: 'Add task' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(
        section(page, 'Due today').getByRole('listitem').filter({ hasText: 'Any time today' }),
      ).toContainText('Any time');
      const saved = app.core.db.prepare("SELECT due_at FROM activities WHERE subject = 'Any time today'").pluck().get();
      expect(saved).toBe(await wallClock(page, `${day}T23:59`));
      await openContact(page, bob.name);
      await timelineEntry(page, 'Any time today').getByRole('button', { name: 'Edit “Any time today”' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit task' });
      await expect(edit.getByLabel('Due')).toHaveValue(day);
      await expect(edit.getByLabel('Time (optional)')).toHaveValue('');
      await edit.getByRole('button', { name: 'Cancel' }).click();

      // Midnight reloads at midnight, not an hour later.
      await openToday(page);
      await page.clock.pauseAt(await wallClock(page, `${day}T23:59:50`));
      await page.clock.runFor('00:20');
      await expect(section(page, 'Overdue')).toContainText('Late call');
      await expect(section(page, 'Due today')).toContainText('Just after midnight');
    });
  });
}
