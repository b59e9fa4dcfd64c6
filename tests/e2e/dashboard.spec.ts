import type { Page } from '@playwright/test';
import { call, smallCrm } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US', firstScreen: 'as the app chooses' });

const day = 24 * 60 * 60 * 1000;
const dashboard = (page: Page) => page.getByRole('main', { name: 'Dashboard' });
const card = (page: Page, title: string) => dashboard(page).getByRole('region', { name: title });
const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

/** A few weeks of an office's work: deals in two currencies, won and lost ones, overdue tasks, activities and a campaign. */
async function seedOffice(app: RolodeskApp) {
  const crm = await smallCrm(app.core);
  const { stages } = await call(app.core, 'stages.list', {});
  const stage = (name: string) => stages.find((candidate) => candidate.name === name)!.id;
  const inMonths = (months: number) => {
    const date = new Date();
    date.setDate(15);
    date.setMonth(date.getMonth() + months);
    return date.toISOString().slice(0, 10);
  };
  const deal = (
    title: string,
    valueMinor: number,
    stageName: string,
    extra: { currency?: string; owner?: string; probability?: number | null; months?: number } = {},
  ) =>
    call(app.core, 'deals.create', {
      title,
      valueMinor,
      stageId: stage(stageName),
      currency: extra.currency ?? 'EUR',
      owner: extra.owner ?? '',
      probability: extra.probability ?? null,
      expectedCloseDate: extra.months === undefined ? null : inMonths(extra.months),
    });
  const zoë = await deal('Zoë’s café fit-out ☕', 1_250_000, 'Proposal', {
    owner: 'Zoë Åkesson',
    probability: 50,
    months: 1,
  });
  await deal('Printer lease', 300_000, 'Lead', { owner: 'Marc Dubois', months: 2 });
  await deal('Boston office', 900_000, 'Negotiation', { currency: 'USD', owner: 'Marc Dubois', months: 3 });
  await deal('Yearly support', 480_000, 'Won', { owner: 'Zoë Åkesson' });
  await deal('Lost tender', 200_000, 'Lost');
  const task = (subject: string, daysLate: number, on: { dealId: number } | { contactId: number }) =>
    call(app.core, 'activities.create', {
      kind: 'task',
      subject,
      dueAt: new Date(Date.now() - daysLate * day).toISOString(),
      ...on,
    });
  await task('Send the revised quote', 3, { dealId: zoë.id });
  await task('Call about the floor plan', 1, { dealId: zoë.id });
  await task('Check Bob’s address', 5, { contactId: crm.bob.id });
  for (let week = 0; week < 6; week++) {
    await call(app.core, 'activities.create', {
      kind: 'call',
      subject: `Weekly call ${week}`,
      occurredAt: new Date(Date.now() - week * 7 * day).toISOString(),
      contactId: crm.anna.id,
    });
  }
  const now = new Date().toISOString();
  const campaignId = Number(
    app.core.db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Spring newsletter 🌷', 'email', 'EUR', ?, ?) RETURNING id",
      )
      .pluck()
      .get(now, now),
  );
  const member = app.core.db.prepare(
    'INSERT INTO campaign_members (campaign_id, contact_id, status, status_at, added_at) VALUES (?, ?, ?, ?, ?)',
  );
  [crm.anna, crm.bob, crm.carl].forEach((person, index) =>
    member.run(campaignId, person.id, ['opened', 'sent', 'converted'][index], now, now),
  );
}

test.describe('Dashboard', () => {
  test('with data the window opens on the Dashboard: every chart shows, and its Table button shows the same figures', async ({
    app,
  }) => {
    const page = app.page;
    await seedOffice(app);
    await app.relaunch();

    await expect(dashboard(page)).toBeVisible();
    await expect(sections(page).getByRole('button', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    for (const title of [
      'Pipeline value by stage',
      'Weighted forecast by expected close month',
      'Overdue tasks by owner',
      'Activities per week',
      'Newest campaign',
    ]) {
      await expect(card(page, title).locator('.recharts-surface').first()).toBeVisible();
    }
    await expect(card(page, 'Last 12 months')).toContainText('50%');
    await expect(card(page, 'Last 12 months')).toContainText('€4,800.00');
    await expect(card(page, 'Overdue tasks by owner')).toContainText('Zoë Åkesson');
    await expect(card(page, 'Newest campaign')).toContainText('Spring newsletter 🌷');
    await app.screenshot('dashboard');

    // The pipeline as a table: the same figures, read out by stage.
    const pipeline = card(page, 'Pipeline value by stage');
    const tableButton = pipeline.getByRole('button', { name: 'Table' });
    await tableButton.click();
    await expect(tableButton).toHaveAttribute('aria-pressed', 'true');
    await expect(pipeline.getByRole('row', { name: /Proposal/ })).toContainText('€12,500.00');
    await expect(pipeline.getByRole('row', { name: /Lead/ })).toContainText('€8,000.00');
    await expect(pipeline.locator('.recharts-surface')).toHaveCount(0);
    await app.screenshot('dashboard-table');

    // Dollars are never added to euros: choosing USD shows the dollar deal alone.
    await dashboard(page).getByRole('combobox').selectOption('USD');
    await expect(pipeline.getByRole('row', { name: /Negotiation/ })).toContainText('$9,000.00');
    await expect(pipeline.getByRole('row', { name: /Proposal/ })).toContainText('$0.00');

    // From the keyboard, the table goes back to the chart.
    await tableButton.focus();
    await page.keyboard.press('Enter');
    await expect(tableButton).toHaveAttribute('aria-pressed', 'false');
    await expect(pipeline.locator('.recharts-surface')).toBeVisible();

    const tasks = card(page, 'Overdue tasks by owner');
    await tasks.getByRole('button', { name: 'Table' }).click();
    await expect(tasks.getByRole('row', { name: /Zoë Åkesson/ })).toContainText('2');
    await expect(tasks.getByRole('row', { name: /Unassigned/ })).toContainText('1');
  });

  test('an empty database opens on Contacts, and the Dashboard says what to add first', async ({ app }) => {
    const page = app.page;
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
    await sections(page).getByRole('button', { name: 'Dashboard' }).click();
    await expect(dashboard(page).getByRole('heading', { name: 'Your dashboard fills in as you work' })).toBeVisible();
    await expect(dashboard(page).locator('.recharts-surface')).toHaveCount(0);
    await app.screenshot('dashboard-empty');

    await dashboard(page).getByRole('button', { name: 'Add a contact' }).click();
    await expect(page.getByRole('main', { name: 'Contacts' })).toBeVisible();
  });

  test('in a narrow window the cards stack in one column and nothing spills sideways', async ({ app }) => {
    const page = app.page;
    await seedOffice(app);
    await page.setViewportSize({ width: 700, height: 900 });
    await app.relaunch();

    const pipeline = await card(page, 'Pipeline value by stage').boundingBox();
    const forecast = await card(page, 'Weighted forecast by expected close month').boundingBox();
    expect(forecast!.y).toBeGreaterThanOrEqual(pipeline!.y + pipeline!.height);
    expect(Math.abs(forecast!.x - pipeline!.x)).toBeLessThan(1);
    const spills = await dashboard(page).evaluate((main) => main.scrollWidth > main.clientWidth);
    expect(spills).toBe(false);
    await expect(card(page, 'Pipeline value by stage').locator('.recharts-surface')).toBeVisible();
    await app.screenshot('dashboard-narrow');
    await card(page, 'Activities per week').scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-narrow-lower');
  });
});
