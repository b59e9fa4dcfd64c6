import type { Locator, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../support/crm';
import { AxeAudit } from './axe';
import { expect, test, type RolodeskApp } from './app';

/**
 * axe (WCAG 2.0/2.1 A and AA) over every screen and dialog, with records in them, in light and dark mode.
 * Serious and critical findings fail; every finding is listed per place in test-results/axe/<group>.md.
 * One app per group of screens keeps it quick.
 */

test.use({ locale: 'en-US' });
// Each test walks a dozen screens and dialogs with a scan on each: minutes, not seconds, on a loaded machine.
test.describe.configure({ timeout: 300_000 });

const dialogSelector = '[role="dialog"], [role="alertdialog"]';
/** The record panel beside a list or board (Contact details, Company details, Deal details). */
const recordPanel = (page: Page) => page.getByRole('complementary', { name: / details$/ });

/** A sidebar entry (sections and tools alike), then its screen. */
async function goTo(page: Page, name: string): Promise<Locator> {
  await page.getByRole('complementary').getByRole('button', { name, exact: true }).click();
  const screen = page.getByRole('main', { name });
  await expect(screen).toBeVisible();
  return screen;
}

/**
 * Clicks what opens a dialog, scans the dialog, then closes it changing nothing: with Escape, pressed twice where
 * the first one closes something inside (a search's list of matches).
 */
async function scanDialog(audit: AxeAudit, page: Page, place: string, opener: Locator, escapes = 1): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog').last();
  await expect(dialog).toBeVisible();
  await audit.scan(place, dialogSelector);
  for (let pressed = 0; pressed < escapes; pressed += 1) await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Clicks what opens a record in the side panel, scans the whole window with it, then closes the panel. */
async function scanPanel(audit: AxeAudit, page: Page, place: string, opener: Locator, heading: string): Promise<void> {
  await opener.click();
  await expect(recordPanel(page).getByRole('heading', { name: heading })).toBeVisible();
  await audit.scan(place);
  await closePanel(page);
}

/** The panel's own Close button (Escape works only with focus inside the panel). */
async function closePanel(page: Page): Promise<void> {
  await recordPanel(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(recordPanel(page)).toBeHidden();
}

/** Sample data fills every screen; the page reloads to show it. */
async function withSampleData(app: RolodeskApp): Promise<void> {
  await call(app.core, 'sampleData.add', {});
  await app.page.reload();
}

/** An email campaign, "Spring news", with the sample contacts as members: its Message tab is the template editor. */
function emailCampaignOfSampleContacts(app: RolodeskApp): void {
  const { db } = app.core;
  const at = new Date().toISOString();
  const campaignId = db
    .prepare(
      "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES ('Spring news', 'email', 'EUR', ?, ?)",
    )
    .run(at, at).lastInsertRowid;
  db.prepare(
    'INSERT INTO campaign_members (campaign_id, contact_id, status_at, added_at) SELECT ?, id, ?, ? FROM contacts',
  ).run(campaignId, at, at);
}

/** Runs the group's steps, writes its table, and expects nothing serious or critical. */
async function audited(page: Page, group: string, steps: (audit: AxeAudit) => Promise<void>): Promise<void> {
  const audit = new AxeAudit(page, group);
  try {
    await steps(audit);
  } finally {
    audit.write();
  }
  expect(audit.blocking()).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`Accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('contacts, companies and their records, panels and dialogs', async ({ app, page }) => {
      await withSampleData(app);
      await audited(page, `records-${scheme}`, async (audit) => {
        const contacts = page.getByRole('main', { name: 'Contacts' });
        const grid = contacts.getByRole('grid', { name: 'Contacts' });
        await expect(grid.getByRole('row', { name: /Agnieszka Wiśniewska/ })).toBeVisible();
        await audit.scan('Contacts');
        if (scheme === 'light') await app.screenshot('a11y-sidebar-contacts');

        await grid
          .getByRole('row', { name: /Agnieszka Wiśniewska/ })
          .getByText('agnieszka@example.com')
          .click();
        await expect(recordPanel(page)).toBeVisible();
        await audit.scan('Contact panel');
        if (scheme === 'light') await app.screenshot('a11y-contact-panel');
        await closePanel(page);

        await scanPanel(
          audit,
          page,
          'New contact',
          contacts.getByRole('button', { name: 'New contact' }),
          'New contact',
        );
        await scanDialog(audit, page, 'Save view', contacts.getByRole('button', { name: 'Save view…' }));
        await scanDialog(audit, page, 'Export list', contacts.getByRole('button', { name: 'Export…', exact: true }));

        await grid.getByRole('checkbox', { name: 'Select Agnieszka Wiśniewska' }).check();
        const bulkBar = page.getByRole('toolbar', { name: 'Change the selected rows' });
        await expect(bulkBar).toBeVisible();
        await audit.scan('Contacts with a row ticked');
        await scanDialog(audit, page, 'Bulk: change a field', bulkBar.getByRole('button', { name: 'Change field…' }));
        await scanDialog(audit, page, 'Bulk: add a tag', bulkBar.getByRole('button', { name: 'Add tag…' }));
        await scanDialog(audit, page, 'Bulk: move to trash', bulkBar.getByRole('button', { name: 'Delete…' }));
        await grid.getByRole('checkbox', { name: 'Select Agnieszka Wiśniewska' }).uncheck();

        const companies = await goTo(page, 'Companies');
        const companyGrid = companies.getByRole('grid', { name: 'Companies' });
        await expect(companyGrid.getByRole('row').nth(1)).toBeVisible();
        await audit.scan('Companies');
        await companyGrid.getByRole('row').nth(1).getByRole('gridcell').nth(1).click();
        await expect(recordPanel(page)).toBeVisible();
        await audit.scan('Company panel');
        await closePanel(page);
        await scanPanel(
          audit,
          page,
          'New company',
          companies.getByRole('button', { name: 'New company' }),
          'New company',
        );
      });
    });

    test('dashboard, deals, today, and the window’s own dialogs', async ({ app, page }) => {
      await withSampleData(app);
      await audited(page, `pipeline-${scheme}`, async (audit) => {
        await goTo(page, 'Dashboard');
        await audit.scan('Dashboard');

        const deals = await goTo(page, 'Deals');
        await expect(deals.getByText('Website rebrand')).toBeVisible();
        await audit.scan('Deals board');
        if (scheme === 'light') await app.screenshot('a11y-deals-board');
        await deals.locator('[data-deal-id]').filter({ hasText: 'Website rebrand' }).click();
        await expect(recordPanel(page)).toBeVisible();
        await audit.scan('Deal panel');
        if (scheme === 'light') await app.screenshot('a11y-deal-panel');
        await closePanel(page);
        await scanPanel(audit, page, 'New deal', deals.getByRole('button', { name: 'New deal' }), 'New deal');
        await scanDialog(audit, page, 'Edit stages', deals.getByRole('button', { name: 'Edit stages' }));
        await deals.getByRole('button', { name: 'List' }).click();
        await audit.scan('Deals list');

        const today = await goTo(page, 'Today');
        await expect(today.getByRole('listitem').first()).toBeVisible();
        await audit.scan('Today');
        await scanDialog(audit, page, 'New task', today.getByRole('button', { name: 'New task' }));

        await scanDialog(audit, page, 'Search palette', page.getByRole('button', { name: /Search/ }).first());
        await app.emit('menu.command', { command: 'keyboard-shortcuts' });
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        await audit.scan('Keyboard shortcuts', dialogSelector);
        await page.keyboard.press('Escape');
        await app.emit('menu.command', { command: 'about' });
        await expect(page.getByRole('dialog', { name: 'About Rolodesk' })).toBeVisible();
        await audit.scan('About Rolodesk', dialogSelector);
        await page.keyboard.press('Escape');
      });
    });

    test('campaigns, segments and templates', async ({ app, page }) => {
      await call(app.core, 'sampleData.add', {});
      emailCampaignOfSampleContacts(app);
      await page.reload();
      await audited(page, `marketing-${scheme}`, async (audit) => {
        const campaigns = await goTo(page, 'Campaigns');
        await audit.scan('Campaigns');
        await scanDialog(audit, page, 'New campaign', campaigns.getByRole('button', { name: 'New campaign' }).first());
        await campaigns.getByRole('button', { name: 'Spring news' }).click();
        await expect(page.getByRole('heading', { name: 'Spring news', level: 1 })).toBeVisible();
        await audit.scan('Campaign › Members');
        await scanDialog(audit, page, 'Add people', page.getByRole('button', { name: 'Add people…' }), 2);
        await page.getByRole('tab', { name: 'Message' }).click();
        await expect(page.getByLabel('Template', { exact: true })).toBeVisible();
        await audit.scan('Campaign › Message');
        await page.getByRole('tab', { name: 'Results' }).click();
        await audit.scan('Campaign › Results');

        const segments = await goTo(page, 'Segments');
        await audit.scan('Segments');
        await segments.getByRole('button', { name: 'New segment' }).first().click();
        await audit.scan('New segment');
      });
    });

    test('duplicates, trash, backups, settings and import', async ({ app, page }) => {
      await withSampleData(app);
      // Something in the trash, and a backup to restore.
      const contactId = (await call(app.core, 'sampleData.status', {})).ids.contact[0]!;
      await call(app.core, 'contacts.delete', { id: contactId });
      await app.core.backups.snapshot('manual');
      await app.page.reload();
      await audited(page, `housekeeping-${scheme}`, async (audit) => {
        await goTo(page, 'Duplicates');
        await audit.scan('Duplicates');
        const trash = await goTo(page, 'Trash');
        await expect(trash.getByRole('list', { name: 'Deleted items' }).getByRole('listitem').first()).toBeVisible();
        await audit.scan('Trash');

        const backups = await goTo(page, 'Backups');
        await audit.scan('Backups');
        await scanDialog(
          audit,
          page,
          'Restore from a backup',
          backups.getByRole('button', { name: 'Restore from backup…' }),
        );

        const settings = await goTo(page, 'Settings');
        for (const tab of await settings.getByRole('tab').all()) {
          const name = (await tab.textContent()) ?? '';
          await tab.click();
          await audit.scan(`Settings › ${name}`);
        }

        await goTo(page, 'Contacts');
        await app.emit('menu.command', { command: 'import' });
        const wizard = page.getByRole('dialog', { name: /^Import/ });
        await expect(wizard).toBeVisible();
        const stepTitle = wizard.getByRole('heading', { level: 3 }).first();
        await expect(stepTitle).toHaveText('What to import');
        await audit.scan('Import: what to import', dialogSelector);
        await wizard.getByRole('button', { name: 'Next', exact: true }).click();
        await audit.scan('Import: choose a file', dialogSelector);
        const csv = join(app.dataDir, 'people.csv');
        writeFileSync(csv, 'Name,Email,Company\nAnna Berg,anna@example.com,Contoso\nBo Ek,bo@example,\n');
        app.desktop.importFile = csv;
        await wizard.getByRole('button', { name: 'Choose a file…' }).click();
        await expect(wizard.getByRole('button', { name: 'Next: match columns' })).toBeVisible();
        await audit.scan('Import: the file', dialogSelector);
        // Match columns, then the steps after it, up to (not through) the import itself.
        for (let step = 0; step < 3; step += 1) {
          const next = wizard.getByRole('button', { name: /^Next: / });
          if ((await next.count()) === 0) break;
          const before = await stepTitle.textContent();
          await next.click();
          await expect(stepTitle).not.toHaveText(before ?? '');
          await audit.scan(`Import: ${await stepTitle.textContent()}`, dialogSelector);
        }
      });
    });
  });
}

test.describe('Accessibility (first run)', () => {
  test.use({ welcome: 'as on a new folder', firstScreen: 'as the app chooses' });
  test('the welcome', async ({ app }) => {
    await audited(app.page, 'welcome', async (audit) => {
      await expect(app.page.getByRole('dialog', { name: 'Welcome to Rolodesk' })).toBeVisible();
      await audit.scan('Welcome', dialogSelector);
    });
  });
});
