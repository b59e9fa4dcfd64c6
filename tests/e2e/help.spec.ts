import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPaths } from '../../electron/core/paths';
import { leaksIn, privacyMarkers as m } from '../support/privacy-markers';
import { expect, test, type RolodeskApp } from './app';

// The harness writes the app's own log file, <data>/logs/main.log, as main does.
test.use({ logFile: true, locale: 'en-US' });

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

/** Screenshots at the usual size and at a narrow one, back to the usual size after. */
async function bothWidths(app: RolodeskApp, name: string): Promise<void> {
  await app.screenshot(`${name}-1280`);
  await app.page.setViewportSize({ width: 560, height: 800 });
  await app.screenshot(`${name}-narrow`);
  await app.page.setViewportSize({ width: 1280, height: 800 });
}

const logText = (app: RolodeskApp) => readFileSync(join(dataPaths(app.dataDir).logs, 'main.log'), 'utf8');

async function invoke(page: Page, channel: string, input: unknown): Promise<void> {
  const result = await page.evaluate(
    ([name, data]) =>
      (window as unknown as { crm: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).crm.invoke(
        name,
        data,
      ),
    [channel, input] as const,
  );
  expect(result.ok, channel).toBe(true);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('Help › About Rolodesk shows the versions, the data folder and the last verified backup', async ({
  app,
  page,
}) => {
  await app.emit('menu.command', { command: 'about' });
  const about = dialog(page, 'About Rolodesk');
  await expect(about).toBeVisible();
  await expect(about.getByRole('definition').filter({ hasText: '0.0.0-test' })).toBeVisible();
  // The harness runs the core in plain Node: it says so rather than inventing versions.
  await expect(about.getByText('not running in Electron')).toHaveCount(2);
  await expect(about.getByText(/^3\.\d+\.\d+$/)).toBeVisible();
  await expect(about.getByText(app.dataDir, { exact: true })).toBeVisible();
  await expect(about.getByText('none yet')).toBeVisible();
  await bothWidths(app, 'help-about');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();

  await app.core.backups.snapshot('manual');
  await app.emit('menu.command', { command: 'about' });
  await expect(about.getByText(/^Today at /)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('Help › Copy Diagnostics copies the facts, settings and log, and none of the records', async ({ app, page }) => {
  await invoke(page, 'contacts.create', { name: m.contact, email: m.email, notes: m.note, company: m.company });
  await invoke(page, 'sending.settings.update', {
    host: m.smtpHost,
    port: 2525,
    security: 'starttls',
    user: m.importName,
    fromName: m.importName,
    fromAddress: m.importEmail,
    messagesPerMinute: 12,
  });
  await app.emit('menu.command', { command: 'copy-diagnostics' });
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Diagnostics copied');
  expect(app.desktop.copied).toHaveLength(1);
  const text = app.desktop.copied[0]!;
  expect(text).toContain('Rolodesk: 0.0.0-test');
  expect(text).toContain(`Data folder: ${app.dataDir}`);
  expect(text).toContain('sending.email.port = 2525');
  expect(text).toMatch(/Log: the last \d+ lines of logs\/main\.log/);
  expect(leaksIn(text, Object.values(m))).toEqual([]);
  await app.screenshot('help-diagnostics-copied');
});

test('Help › Keyboard Shortcuts lists every shortcut, grouped, from the table the keys use', async ({ app, page }) => {
  await app.emit('menu.command', { command: 'keyboard-shortcuts' });
  const list = dialog(page, 'Keyboard shortcuts');
  await expect(list).toBeVisible();
  for (const group of ['Anywhere', 'Record panel', 'Lists', 'Pipeline board', 'Dialogs and pickers', 'Tabs and menus'])
    await expect(list.getByRole('heading', { name: group })).toBeVisible();
  // Chromium here is not a Mac: Ctrl, not ⌘.
  await expect(list.locator('.shortcut-row', { hasText: 'Search everything' }).locator('kbd')).toHaveText('Ctrl+K');
  await expect(list.locator('.shortcut-row', { hasText: 'Export a backup file' }).locator('kbd')).toHaveText(
    'Ctrl+Shift+E',
  );
  await bothWidths(app, 'help-shortcuts');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  // What the list says is what the keys do.
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Search everything' })).toBeVisible();
});

test('an error in the window is logged with its stack, a banner says so, and its button copies diagnostics; the screen stays', async ({
  app,
  page,
}) => {
  const search = page.getByRole('main', { name: 'Contacts' }).getByRole('searchbox', { name: 'Search' });
  await search.fill('still here');
  await page.evaluate(() => {
    window.setTimeout(() => {
      throw new Error('help-spec window failure');
    });
  });
  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('nothing was sent anywhere');
  await expect(search).toHaveValue('still here');
  await expect.poll(() => logText(app)).toContain('help-spec window failure');
  // The entry, with its message and its stack ("at …" lines).
  const entry = logText(app).slice(logText(app).indexOf('the window met an error it did not handle'));
  expect(entry).toMatch(/help-spec window failure[\s\S]*stack[\s\S]*help-spec window failure[\s\S]*\bat /);
  await bothWidths(app, 'help-window-error');
  await banner.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Diagnostics copied');
  expect(app.desktop.copied.at(-1)).toContain('help-spec window failure');
});

test('a screen that fails to draw says Something went wrong in its place, keeps the sidebar, and can be shown again', async ({
  app,
  page,
}) => {
  await app.core.backups.snapshot('manual');
  // Test-only: every date the window formats now throws, as a bug in a screen would.
  await page.evaluate(() => {
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!;
    (window as unknown as { __restoreDates: () => void }).__restoreDates = () =>
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', original);
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
      configurable: true,
      get() {
        throw new Error('help-spec screen failure');
      },
    });
  });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Backups' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'This screen could not be shown' });
  await expect(problem).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect.poll(() => logText(app)).toContain('help-spec screen failure');
  await bothWidths(app, 'help-screen-error');
  await page.evaluate(() => (window as unknown as { __restoreDates: () => void }).__restoreDates());
  await problem.getByRole('button', { name: 'Show the screen again' }).click();
  await expect(page.getByRole('main', { name: 'Backups' })).toBeVisible();
});
