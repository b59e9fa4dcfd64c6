import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { consentWriter } from '../../electron/core/contacts/consent';
import { call, count, type TestCore } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

const at = '2026-03-01T10:00:00.000Z';

/** Anna at Acme, Bob (unsubscribed), Carl (no email), Zoë (accents and emoji) in a campaign. */
async function campaignWithPeople(core: TestCore) {
  const acme = await call(core, 'companies.create', { name: 'Acme & Söhne', industry: 'Engineering' });
  const anna = await call(core, 'contacts.create', {
    name: 'Anna Berg',
    email: 'anna@acme.example',
    companyId: acme.id,
  });
  const bob = await call(core, 'contacts.create', { name: 'Bob Stone', email: 'bob@example.com' });
  const carl = await call(core, 'contacts.create', { name: 'Carl Grey' });
  const zoe = await call(core, 'contacts.create', { name: 'Zoë Ångström 🌸', email: 'zoe@example.com' });
  const { db } = core;
  db.transaction(() => consentWriter(db)({ contactId: bob.id, status: 'unsubscribed', source: 'email', at }))();
  const campaignId = Number(
    db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Spring news', 'email', 'EUR', ?, ?)",
      )
      .run(at, at).lastInsertRowid,
  );
  const add = db.prepare(
    'INSERT INTO campaign_members (campaign_id, contact_id, status_at, added_at) VALUES (?, ?, ?, ?)',
  );
  for (const person of [anna, bob, carl, zoe]) add.run(campaignId, person.id, at, at);
  return { campaignId, anna, bob, carl, zoe };
}

/** Opens the campaign's Message tab the way a user does: Campaigns, the campaign, Message. */
async function openMessage(app: RolodeskApp, campaignName: string): Promise<Page> {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Campaigns' }).click();
  await page.getByRole('button', { name: campaignName }).click();
  await page.getByRole('tab', { name: 'Message' }).click();
  await expect(page.getByLabel('Template', { exact: true })).toBeVisible();
  return page;
}

const problems = (page: Page) => page.getByRole('list', { name: 'Problems in this template' });
const outcome = (page: Page) => page.locator('.message-output').getByRole('status');

test.describe('Campaign message (mail merge)', () => {
  test('a template with a fallback and an unknown field is flagged, previewed for two members, exported and queued', async ({
    app,
    scratch,
  }) => {
    const { campaignId, anna, carl } = await campaignWithPeople(app.core);
    const page = await openMessage(app, 'Spring news');

    await page.getByLabel('Template name').fill('Spring hello');
    await page.getByLabel('Subject').fill('News for {{first_name}}');
    const body = page.getByRole('textbox', { name: 'Message', exact: true });
    await body.fill('Dear {{first_name | "friend"}},\nGreetings from {{company.name}}.\n{{frist_name}}');
    await expect(problems(page)).toHaveText('Line 3: unknown field {{frist_name}} — did you mean {{first_name}}?');
    await expect(page.getByTestId('preview-unknown')).toHaveText(
      'Unknown field {{frist_name}}: fix it before anything goes out.',
    );
    await expect(page.getByText('Fix the problems listed under the message first')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Queue for sending' })).toBeDisabled();
    await app.screenshot('template-editor-problems');

    // "Insert field" puts the field where the cursor is.
    await body.fill('Dear {{first_name | "friend"}},\nGreetings from .');
    await body.press('End');
    await body.press('ArrowLeft');
    await page.getByLabel('Insert field').selectOption({ label: 'Company: Company name  {{company.name}}' });
    await expect(body).toHaveValue('Dear {{first_name | "friend"}},\nGreetings from {{company.name}}.');
    await expect(page.getByText('No problems found.')).toBeVisible();

    // Two members: Anna has every field; Carl has no company (noted) and no email.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(page.getByLabel('Preview for')).toHaveValue(String(anna.id));
    await expect(preview.locator('.message-preview__subject')).toHaveText('Subject News for Anna');
    await expect(preview.locator('.message-preview__body')).toHaveText('Dear Anna,\nGreetings from Acme & Söhne.');
    await page.getByLabel('Preview for').selectOption(String(carl.id));
    await expect(preview.locator('.message-preview__body')).toHaveText('Dear Carl,\nGreetings from .');
    await expect(page.getByTestId('preview-empty')).toHaveText(
      'Empty for Carl Grey: {{company.name}} (merged as nothing).',
    );
    await expect(page.getByRole('button', { name: 'Open in mail app' })).toBeDisabled();
    await page.getByLabel('Find a member').fill('zo');
    await expect(preview.locator('.message-preview__body')).toHaveText('Dear Zoë,\nGreetings from .');
    await page.getByLabel('Find a member').fill('');
    await expect(page.getByLabel('Preview for')).toHaveValue(String(carl.id));
    await page.getByLabel('Preview for').selectOption(String(anna.id));
    await expect(preview.locator('.message-preview__body')).toHaveText('Dear Anna,\nGreetings from Acme & Söhne.');
    await app.screenshot('template-editor-preview');
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('template-editor-preview-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Export saves the template first, and leaves out Bob (unsubscribed) and Carl (no email).
    app.desktop.saveLocation = join(scratch, 'spring.csv');
    await page.getByRole('button', { name: 'Export for a mail tool (CSV)…' }).click();
    await expect(outcome(page)).toHaveText(
      'Saved 2 messages to the CSV file. Left out: 1 person who must not be contacted (unsubscribed or do not contact), 1 person without an email address.',
    );
    const csv = readFileSync(app.desktop.saveLocation, 'utf8');
    expect(csv).toContain('anna@acme.example,Anna,Berg,Anna Berg,Acme & Söhne,News for Anna,');
    expect(csv).toContain('zoe@example.com,Zoë,Ångström 🌸,Zoë Ångström 🌸,,News for Zoë,');
    expect(csv).not.toContain('bob@example.com');
    await expect(page.getByRole('button', { name: 'Saved' })).toBeDisabled();
    expect(count(app.core, "SELECT count(*) FROM templates WHERE name = 'Spring hello'")).toBe(1);

    // Queue twice (a double click's worth): each person once in the outbox.
    await page.getByRole('button', { name: 'Queue for sending' }).click();
    await expect(outcome(page)).toHaveText(
      'Queued 2 messages for sending. Left out: 1 person who must not be contacted (unsubscribed or do not contact), 1 person without an email address.',
    );
    await page.getByRole('button', { name: 'Queue for sending' }).click();
    await expect(outcome(page)).toHaveText(/^Queued 0 messages for sending\. 2 messages were already queued/);
    expect(count(app.core, 'SELECT count(*) FROM outbox WHERE campaign_id = ?', campaignId)).toBe(2);

    await page.getByRole('button', { name: 'Open in mail app' }).click();
    await expect(outcome(page)).toHaveText('Opened the message for Anna Berg in your mail app.');
    expect(app.desktop.mailtos).toHaveLength(1);
    expect(app.desktop.mailtos[0]).toMatch(
      /^mailto:anna@acme\.example\?subject=News%20for%20Anna&body=Dear%20Anna%2C%0D%0A/,
    );

    // The campaign remembers its template when opened again.
    await page.reload();
    await openMessage(app, 'Spring news');
    await expect(page.getByLabel('Template', { exact: true })).toHaveValue(
      String((await call(app.core, 'templates.ofCampaign', { campaignId })).templateId),
    );
    await expect(page.getByLabel('Template name')).toHaveValue('Spring hello');
  });

  test('a 1 MB body is refused in words and nothing can go out', async ({ app }) => {
    await campaignWithPeople(app.core);
    const page = await openMessage(app, 'Spring news');
    await page.getByLabel('Template name').fill('Huge');
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('x'.repeat(1024 * 1024));
    await expect(problems(page)).toHaveText('Body is too long: 1,048,576 characters, at most 100,000.');
    await expect(page.getByRole('button', { name: 'Queue for sending' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export for a mail tool (CSV)…' })).toBeDisabled();
    expect(count(app.core, 'SELECT count(*) FROM outbox')).toBe(0);
  });

  test('formatted text previews as HTML, with a merged value shown as written, never as markup', async ({ app }) => {
    const { campaignId } = await campaignWithPeople(app.core);
    const eve = await call(app.core, 'contacts.create', { name: '<b>Eve</b> **Evil**', email: 'eve@example.com' });
    app.core.db
      .prepare('INSERT INTO campaign_members (campaign_id, contact_id, status_at, added_at) VALUES (?, ?, ?, ?)')
      .run(campaignId, eve.id, at, at);
    const page = await openMessage(app, 'Spring news');
    await page.getByLabel('Template name').fill('Formatted');
    await page.getByLabel('Format').selectOption('formatted');
    await page
      .getByRole('textbox', { name: 'Message', exact: true })
      .fill('Hello **{{name}}**,\n\n- see [our site](https://example.com)\n- *soon*');
    await page.getByLabel('Preview for').selectOption(String(eve.id));
    const body = page.locator('.message-preview__body--html');
    await expect(body.locator('strong')).toHaveText('<b>Eve</b> **Evil**');
    await expect(body.locator('b')).toHaveCount(0);
    await expect(body.getByRole('link', { name: 'our site' })).toHaveAttribute('href', 'https://example.com');
    await expect(body.getByRole('listitem')).toHaveText(['see our site', 'soon']);
    await expect(page.getByText('Write a subject and a message to send or open emails.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Queue for sending' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export for a mail tool (CSV)…' })).toBeEnabled();
    await app.screenshot('template-editor-formatted');
  });

  test('a template being written is never lost without asking: another tab asks, Discard drops it, Save keeps it', async ({
    app,
  }) => {
    await campaignWithPeople(app.core);
    const page = await openMessage(app, 'Spring news');
    await page.getByLabel('Template name').fill('Draft');
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello {{first_name}}');
    const question = page.getByRole('dialog', { name: /^Save your changes to/ });

    await page.getByRole('tab', { name: 'Members' }).click();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue('Hello {{first_name}}');

    await page.getByRole('tab', { name: 'Results' }).click();
    await question.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('tab', { name: 'Results' })).toHaveAttribute('aria-selected', 'true');
    expect((await call(app.core, 'templates.list', {})).templates.map((template) => template.name)).toEqual(['Draft']);
  });
});
