import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { consentWriter } from '../../electron/core/contacts/consent';
import { call, count, smallCrm } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const members = (page: Page) => page.getByRole('table', { name: 'Members' });
const memberRow = (page: Page, name: string) => members(page).getByRole('row', { name: new RegExp(name) });

async function openCampaigns(page: Page): Promise<void> {
  await sections(page).getByRole('button', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
}

async function addPerson(page: Page, search: string, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Find a person' }).fill(search);
  await dialog.getByRole('option', { name: new RegExp(name) }).click();
  await expect(dialog.getByRole('list', { name: 'People to add' })).toContainText(name);
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** Six more people, one of them unsubscribed (never added), with accented and emoji names. */
async function seedPeople(app: RolodeskApp) {
  const crm = await smallCrm(app.core);
  const extra = [];
  for (const [name, email] of [
    ['Zoë Ångström', 'zoe@example.com'],
    ['Émile Noël 🎉', 'emile@example.com'],
    ['Dora Unsub', 'dora@example.com'],
  ] as const) {
    extra.push(await call(app.core, 'contacts.create', { name, email }));
  }
  consentWriter(app.core.db)({
    contactId: extra[2]!.id,
    status: 'unsubscribed',
    source: 'email',
    at: new Date().toISOString(),
  });
  return { ...crm, zoe: extra[0]!, emile: extra[1]!, dora: extra[2]! };
}

test.describe('Campaigns', () => {
  test('create a campaign, add people, change statuses in bulk, import a report, see results and the contact timeline', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await seedPeople(app);
    await call(app.core, 'campaigns.create', {
      name: 'Autumn fair',
      channel: 'event',
      startsOn: '2026-09-01',
      endsOn: '2026-09-03',
    });
    await openCampaigns(page);

    await page.getByRole('button', { name: 'New campaign' }).first().click();
    const form = page.getByRole('dialog', { name: 'New campaign' });
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await expect(form.getByText('Please enter a name.')).toBeVisible();
    await form.getByLabel('Name').fill('Spring offer');
    await form.getByLabel('Goal').fill('Win back last year’s customers');
    await form.getByLabel('Start date').fill('2026-03-01');
    await form.getByLabel('End date').fill('2026-02-01');
    await form.getByLabel('Budget').fill('300');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await expect(form.getByText('The end date is before the start date.')).toBeVisible();
    await form.getByLabel('End date').fill('2026-03-31');
    // A double click creates one campaign.
    await form.getByRole('button', { name: 'Create campaign' }).dblclick();
    await expect(page.getByRole('heading', { name: 'Spring offer', level: 1 })).toBeVisible();
    expect((await call(app.core, 'campaigns.list', {})).campaigns.map((campaign) => campaign.name)).toEqual([
      'Spring offer',
      'Autumn fair',
    ]);

    await page.getByRole('button', { name: 'Add people…' }).click();
    await addPerson(page, 'anna', 'Anna Berg');
    await addPerson(page, 'bob', 'Bob Stone');
    await addPerson(page, 'zoe', 'Zoë Ångström');
    await addPerson(page, 'emile', 'Émile Noël');
    await addPerson(page, 'dora', 'Dora Unsub');
    await page.getByRole('dialog').getByRole('button', { name: 'Add 5 people' }).click();
    await expect(page.getByText('4 people added. 1 left out: unsubscribed or do not contact.')).toBeVisible();
    await expect(members(page).getByRole('row')).toHaveCount(5);
    await expect(memberRow(page, 'Zoë Ångström')).toContainText('Planned');

    // Bulk: tick every member, mark them sent.
    await members(page).getByRole('checkbox', { name: 'Tick every member shown' }).check();
    await page.getByRole('group', { name: 'Change many members' }).getByLabel('New status').selectOption('sent');
    await page.getByRole('group', { name: 'Change many members' }).getByRole('button', { name: 'Set status' }).click();
    await expect(page.getByText('4 members now Sent')).toBeVisible();
    await expect(memberRow(page, 'Anna Berg')).toContainText('Sent');

    // One at a time: Bob replied.
    await memberRow(page, 'Bob Stone').getByLabel('Status of Bob Stone').selectOption('replied');
    await expect(memberRow(page, 'Bob Stone').locator('.status-chip')).toHaveText('Replied');
    await app.screenshot('campaign-members');

    // A report: Anna opened, Bob "sent" (stays replied), Zoë unsubscribed, a stranger and an unknown status.
    const report = join(scratch, 'mailchimp report.csv');
    writeFileSync(
      report,
      'Email Address,Opened,Clicked,Bounced,Unsubscribed\nanna@acme.example,yes,yes,no,no\nbob@acme.example,no,no,no,no\nzoe@example.com,yes,no,no,yes\nstranger@else.example,yes,no,no,no\nemile@example.com,perhaps,no,no,no\n',
    );
    app.desktop.importFile = report;
    await page.getByRole('button', { name: 'Import report…' }).click();
    const summary = page.getByRole('dialog', { name: 'Report imported' });
    await expect(summary).toContainText('2 members updated.');
    await expect(summary).toContainText('1 member was further along than the report says');
    await expect(summary).toContainText('1 person unsubscribed');
    await expect(summary).toContainText('1 row names an email not in this campaign: stranger@else.example.');
    await expect(summary).toContainText('“Opened: perhaps”');
    await app.screenshot('campaign-report-summary');
    await summary.getByRole('button', { name: 'Done' }).click();
    await expect(memberRow(page, 'Anna Berg').locator('.status-chip')).toHaveText('Opened');
    await expect(memberRow(page, 'Zoë Ångström').locator('.status-chip')).toHaveText('Unsubscribed');

    // Results: the chart, its table, and the CSV.
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect(
      page.getByRole('img', {
        name: /Members: 4 \(100%\), Sent: 4 \(100%\), Opened: 2 \(50%\), Replied: 1 \(25%\), Converted: 0 \(0%\)/,
      }),
    ).toBeVisible();
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByText('No conversions yet')).toBeVisible();
    await app.screenshot('campaign-results');
    await page.getByRole('button', { name: 'Show as table' }).click();
    await expect(page.getByRole('table', { name: 'Funnel' }).getByRole('row', { name: /Opened/ })).toContainText('50%');
    const destination = join(scratch, 'results.csv');
    app.desktop.saveLocation = destination;
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await expect(page.getByText('Results saved as CSV')).toBeVisible();
    expect(readFileSync(destination, 'utf8')).toContain('Spring offer,Funnel,Opened,2,50,,');

    // Narrow window: still readable, nothing sideways.
    await page.setViewportSize({ width: 700, height: 800 });
    await page.getByRole('button', { name: 'Show as chart' }).click();
    await noHorizontalOverflow(page);
    await app.screenshot('campaign-results-narrow');
    await page.getByRole('tab', { name: 'Members' }).click();
    await expect(memberRow(page, 'Anna Berg')).toBeVisible();
    await noHorizontalOverflow(page);
    await app.screenshot('campaign-members-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The contact's timeline shows the status changes.
    await sections(page).getByRole('button', { name: 'Contacts' }).click();
    await page
      .getByRole('grid', { name: 'Contacts' })
      .getByRole('row', { name: /Anna Berg/ })
      .click();
    const timeline = page
      .getByRole('complementary', { name: 'Contact details' })
      .getByRole('list', { name: 'Timeline' });
    await expect(timeline).toContainText('Spring offer: Sent → Opened (report)');
    await expect(timeline).toContainText('Spring offer: Planned → Sent (bulk change)');
    await expect(timeline).toContainText('Added to Spring offer (Planned)');

    await openCampaigns(page);
    await expect(
      page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: /Spring offer/ }),
    ).toContainText('4');
    await app.screenshot('campaign-list');
  });

  test('record an unsubscribe reply in one click, remove a member, and delete a campaign after Rolodesk says how many members go', async ({
    app,
  }) => {
    const page = app.page;
    const { anna, bob } = await seedPeople(app);
    const campaign = await call(app.core, 'campaigns.create', { name: 'Newsletter', budgetMinor: 10_000 });
    await call(app.core, 'campaigns.addMembers', { campaignId: campaign.id, contactIds: [anna.id, bob.id] });
    await openCampaigns(page);
    await page.getByRole('button', { name: 'Newsletter' }).click();
    await memberRow(page, 'Anna Berg').getByRole('button', { name: 'Record unsubscribe reply from Anna Berg' }).click();
    await expect(page.getByText('Anna Berg unsubscribed: they will not be contacted again')).toBeVisible();
    expect(
      count(
        app.core,
        "SELECT count(*) FROM contacts WHERE id = ? AND consent = 'unsubscribed' AND consent_source = 'email'",
        anna.id,
      ),
    ).toBe(1);
    await memberRow(page, 'Bob Stone').getByRole('button', { name: 'Remove Bob Stone from the campaign' }).click();
    await expect(members(page).getByRole('row')).toHaveCount(2);

    // Rolodesk's own native dialog asks, naming what goes; the page does not ask again. "No" keeps everything, quietly.
    app.desktop.confirmAnswer = false;
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => app.desktop.confirmations.length).toBe(1);
    expect(app.desktop.confirmations[0]).toMatchObject({
      message: 'Delete the campaign “Newsletter”?',
      detail: expect.stringContaining('1 member and their result go. The contacts stay.'),
    });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Newsletter', level: 1 })).toBeVisible();
    await expect(members(page).getByRole('row')).toHaveCount(2);
    expect(count(app.core, 'SELECT count(*) FROM campaign_members WHERE campaign_id = ?', campaign.id)).toBe(1);

    app.desktop.confirmAnswer = true;
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
    expect(app.desktop.confirmations).toHaveLength(2);
    await expect(page.getByText('No campaigns yet')).toBeVisible();
  });
});

test.describe('Campaigns from segments', () => {
  test('a saved segment adds who it matches now, leaving out and counting who must not be contacted', async ({
    app,
  }) => {
    const page = app.page;
    const { zoe, emile, dora } = await seedPeople(app);
    const fans = await call(app.core, 'tags.create', { name: 'Fans' });
    for (const person of [zoe, emile, dora])
      await call(app.core, 'tags.link', { record: { kind: 'contact', id: person.id }, tagId: fans.id });
    await call(app.core, 'segments.create', {
      name: 'Fans ⭐',
      definition: { match: 'all', conditions: [{ kind: 'tags', op: 'any', tagIds: [fans.id] }] },
    });
    await call(app.core, 'campaigns.create', { name: 'Fan mail' });
    await openCampaigns(page);
    await page.getByRole('button', { name: 'Fan mail' }).click();

    await page.getByRole('button', { name: 'Add from segment…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a segment to “Fan mail”' });
    await expect(dialog.getByLabel('Segment')).toHaveText('Fans ⭐ (3 people)');
    await dialog.getByRole('button', { name: 'Add 3 people' }).click();
    await expect(
      page.getByText('From “Fans ⭐”: 2 people added. 1 left out: unsubscribed or do not contact.'),
    ).toBeVisible();
    await expect(members(page).getByRole('row')).toHaveCount(3);
    await expect(memberRow(page, 'Zoë Ångström')).toBeVisible();
    await expect(memberRow(page, 'Dora Unsub')).toHaveCount(0);
  });
});
