import type { Page } from '@playwright/test';
import { call } from '../support/crm';
import { people, queueCampaign } from '../support/outbox';
import { startTestSmtp } from '../support/smtp-server';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

/** A real SMTP server in the spec's process that refuses one address with 550. */
const refusing = (address: string) =>
  startTestSmtp({ behaviour: (_index, to) => (to === address ? '550 5.1.1 No such user here' : 'accept') });

async function openEmailSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Email' }).click();
  await expect(page.getByRole('heading', { name: 'Email', level: 2 })).toBeVisible();
}

test.describe('Settings › Email', () => {
  test('filled in with bad values says why per field; saved with the password; a test message reaches the server', async ({
    app,
  }) => {
    const { page } = app;
    const smtp = await startTestSmtp({ login: { user: 'office@berg.example', pass: 'Pässwörd 42' } });
    try {
      await openEmailSettings(page);
      await expect(page.getByRole('status').filter({ hasText: 'Save the settings first' })).toBeVisible();
      await page.getByLabel('Server name').fill('smtp example.com');
      await page.getByLabel('Port').fill('0');
      await page.getByLabel('From address').fill('office at berg');
      await page.getByLabel('Messages per minute').fill('1000');
      await page.getByRole('button', { name: 'Save email settings' }).click();
      await expect(page.getByLabel('Server name')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Server name')).toBeFocused();
      await expect(page.getByText('The port must be between 1 and 65535.')).toBeVisible();
      await expect(page.getByText('Send at most 600 messages per minute.')).toBeVisible();
      await expect(page.getByText(/from address does not look like an email address/)).toBeVisible();

      await page.getByLabel('Connection security').selectOption('none');
      await page.getByLabel('Server name').fill('127.0.0.1');
      await page.getByLabel('Port').fill(String(smtp.port));
      await page.getByLabel('User name').fill('office@berg.example');
      await page.getByLabel('Password').fill('Pässwörd 42');
      await page.getByLabel('From name').fill('Berg & Co — Sköldpadda 🐢');
      await page.getByLabel('From address').fill('office@berg.example');
      await page.getByLabel('Messages per minute').fill('30');
      await page.getByRole('button', { name: 'Save email settings' }).click();
      await expect(page.getByText('Email settings saved')).toBeVisible();
      await expect(page.getByLabel('Password')).toHaveValue('');
      await expect(page.getByText('A password is saved. Type a new one to replace it.')).toBeVisible();
      expect(app.desktop.secrets.get('smtp-password')).toBe('Pässwörd 42');

      await page.getByRole('button', { name: 'Send a test message' }).click();
      await expect(page.getByText(/^The server accepted the test message for office@berg\.example: 250/)).toBeVisible();
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.raw).toMatch(/^To: office@berg\.example/m);
      await app.screenshot('settings-email');
      await page.setViewportSize({ width: 700, height: 800 });
      await app.screenshot('settings-email-narrow');
      await page.setViewportSize({ width: 1280, height: 800 });

      // A wrong password: the server's words, never the password.
      await page.getByLabel('Password').fill('wrong one');
      await page.getByRole('button', { name: 'Save email settings' }).click();
      await expect(page.getByLabel('Password')).toHaveValue('');
      await page.getByRole('button', { name: 'Send a test message' }).click();
      await expect(page.getByText(/^Rolodesk could not log in to 127\.0\.0\.1: the server said 535/)).toBeVisible();
      await expect(page.getByText('wrong one')).toHaveCount(0);
      expect(JSON.stringify(app.logs)).not.toContain('Pässwörd');
      expect(JSON.stringify(app.logs)).not.toContain('wrong one');
    } finally {
      await smtp.close();
    }
  });

  test('an unreachable server is said in words by the test message', async ({ app }) => {
    const { page, core } = app;
    const smtp = await startTestSmtp();
    await smtp.close();
    await call(core, 'sending.settings.update', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: '',
      fromName: '',
      fromAddress: 'office@berg.example',
      messagesPerMinute: 30,
    });
    await openEmailSettings(page);
    await page.getByRole('button', { name: 'Send a test message' }).click();
    await expect(page.getByText(/refused the connection: nothing is listening there/)).toBeVisible();
  });
});

/** Campaigns › the campaign › Sending, as a user gets there. */
async function openSendingPanel(page: Page, campaignName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Campaigns' }).click();
  await page.getByRole('button', { name: campaignName }).click();
  await page.getByRole('tab', { name: 'Sending' }).click();
}

test.describe('a campaign’s sending panel', () => {
  test('shows progress, pauses and resumes; every message goes out once; a refused one waits for "Send again"', async ({
    app,
  }) => {
    const { page, core } = app;
    const smtp = await refusing('person4@example.com');
    try {
      await call(core, 'sending.settings.update', {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: '',
        fromName: 'Berg & Co',
        fromAddress: 'office@berg.example',
        messagesPerMinute: 60,
      });
      const { campaignId } = queueCampaign(
        core.db,
        [{ name: 'Ånna Öberg 🌷', email: 'anna@example.com' }, ...people(9)],
        'Spring offer',
      );
      await openSendingPanel(page, 'Spring offer');
      const panel = page.getByRole('region', { name: 'Sending' });
      await panel.getByRole('button', { name: 'Send 10 messages' }).click();
      await expect(panel.getByText(/^Sending: [1-9] of 10 sent/)).toBeVisible();
      await panel.getByRole('button', { name: 'Pause' }).click();
      await expect(panel.getByText(/^Paused: \d+ of 10 sent/)).toBeVisible();
      const whenPaused = smtp.received.length;
      await app.screenshot('campaign-sending-paused');
      await panel.getByRole('button', { name: 'Resume sending' }).click();
      await expect(panel.getByText('Done: 9 of 10 sent')).toBeVisible({ timeout: 30_000 });
      expect(whenPaused).toBeLessThan(9);
      expect(smtp.received).toHaveLength(9);
      expect(new Set(smtp.messageIds()).size).toBe(9);
      await expect(panel.getByRole('progressbar', { name: 'Sending progress' })).toHaveAttribute(
        'aria-valuenow',
        '100',
      );
      const refused = panel.getByRole('listitem').filter({ hasText: 'person4@example.com' });
      await expect(refused).toContainText('Refused by the server: 550 5.1.1 No such user here');
      await app.screenshot('campaign-sending-done');
      await page.setViewportSize({ width: 700, height: 800 });
      await app.screenshot('campaign-sending-narrow');
      await page.setViewportSize({ width: 1280, height: 800 });
      await refused.getByRole('button', { name: 'Send again' }).click();
      await expect(page.getByText('Person 4 is back in the queue')).toBeVisible();
      await expect(panel.getByText('Done: 9 of 10 sent')).toBeVisible();
      await expect(refused).toBeVisible();
      expect((await call(core, 'sending.status', { campaignId })).counts).toMatchObject({ sent: 9, failed: 1 });
      expect(smtp.received).toHaveLength(9);
    } finally {
      await smtp.close();
    }
  });
});

test.describe('a campaign that cannot send yet', () => {
  test('says Email is not set up and leads straight to Settings › Email', async ({ app }) => {
    const { page, core } = app;
    queueCampaign(core.db, people(2), 'Winter news');
    await openSendingPanel(page, 'Winter news');
    await expect(page.getByText('Email is not set up yet')).toBeVisible();
    await page.getByRole('button', { name: 'Open Settings › Email' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Email' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Server name')).toBeVisible();
  });
});
