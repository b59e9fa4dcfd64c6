import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronTarget } from './electron-binary';

/**
 * The seed's persistence check on the real app: Electron's main process, the preload, the core in its
 * worker, better-sqlite3 built for Electron, the menu and the native dialogs (answered by stubs put
 * into main). Runs on the release runners against the packaged app, and wherever an Electron binary
 * exists; elsewhere it is skipped and says why.
 */
const target = electronTarget();
if (target.kind === 'none') console.log(`tests/electron skipped: ${target.reason}`);
else console.log(`tests/electron launches the ${target.kind} app: ${target.executable}`);

const screenshots = resolve(__dirname, '../../test-results/screenshots');

/** Starts Rolodesk on a data folder, as a user double-clicking it would (CRM_DATA_DIR keeps it off the real one). */
async function launch(dataDir: string): Promise<{ app: ElectronApplication; window: Page }> {
  if (target.kind === 'none') throw new Error(target.reason);
  const app = await _electron.launch({
    executablePath: target.executable,
    args: target.args,
    env: { ...process.env, CRM_DATA_DIR: dataDir },
    timeout: 90_000,
  });
  const window = await app.firstWindow();
  await window.setViewportSize({ width: 1280, height: 800 }).catch(() => undefined);
  await answerNativeDialogs(app);
  return { app, window };
}

/** Native message boxes (confirmations) answer with their confirm button: the one that is not Cancel. */
async function answerNativeDialogs(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ dialog }) => {
    const confirm = (...args: unknown[]) => {
      const options = args.find(
        (arg): arg is Electron.MessageBoxOptions => typeof arg === 'object' && arg !== null && 'buttons' in arg,
      );
      const buttons = options?.buttons ?? ['OK'];
      const index = buttons.findIndex((label) => label !== 'Cancel');
      return Promise.resolve({ response: index === -1 ? 0 : index, checkboxChecked: false });
    };
    dialog.showMessageBox = confirm;
  });
}

/** The next Save dialog answers this path (File › Export Backup…). */
async function saveDialogAnswers(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: chosen });
  }, path);
}

/** The next Open dialog answers this file (Restore from a backup file). */
async function openDialogAnswers(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: [chosen] });
  }, path);
}

/** Clicks an item of the application menu by its id, as a user choosing it. */
async function chooseMenuItem(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    item?.click();
    return Boolean(item);
  }, id);
  expect(found, `the menu has an item "${id}"`).toBe(true);
}

/** Quits as File › Quit does, and waits for the process (and its last backup) to end. */
async function quit(app: ElectronApplication): Promise<void> {
  const exited = new Promise<void>((done) => app.process().once('exit', () => done()));
  // The answer may never come: the process is on its way out.
  await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
  await exited;
}

const sections = (window: Page) => window.getByRole('navigation', { name: 'Sections' });
const contactRow = (window: Page, name: string) =>
  window.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });
const panel = (window: Page) => window.getByRole('complementary', { name: 'Contact details' });
const attachments = (window: Page) => panel(window).getByRole('region', { name: 'Attachments' });
const toasts = (window: Page) => window.getByRole('status', { name: 'Notifications' });

/** A new data folder opens on the welcome; "Start empty" leads past it. A folder with data opens without it. */
async function toContacts(window: Page, firstRun: boolean): Promise<void> {
  await window.locator('main').first().waitFor();
  if (firstRun) await window.getByRole('button', { name: /^Start empty/ }).click();
  await sections(window).getByRole('button', { name: 'Contacts' }).click();
  await expect(window.getByRole('main', { name: 'Contacts' })).toBeVisible();
}

async function createContact(window: Page, name: string, email: string): Promise<void> {
  await window.getByRole('button', { name: 'New contact' }).click();
  await window.getByLabel('Name').fill(name);
  await window.getByLabel('Email').fill(email);
  await window.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(contactRow(window, name)).toBeVisible();
}

async function openContact(window: Page, name: string): Promise<void> {
  await contactRow(window, name).click();
  await expect(panel(window).getByRole('heading', { level: 2 })).toHaveText(name);
}

async function screenshot(window: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await window.screenshot({ path: join(screenshots, `electron-${name}.png`) });
}

test.describe('the real app', () => {
  test.skip(
    target.kind === 'none',
    target.kind === 'none' ? `No Electron binary to launch here: ${target.reason}` : '',
  );

  let dataDir = '';
  let scratch = '';
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rolodesk-electron-'));
    scratch = mkdtempSync(join(tmpdir(), 'rolodesk-electron-files-'));
  });
  test.afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  test('keeps a contact and its file across a restart, snapshots from the menu, and restores an exported backup', async () => {
    const note = join(scratch, 'call-notes.txt');
    writeFileSync(note, 'Called Anna about the spring order: 40 units, delivery in May.\n');

    // A fresh data folder: create a contact in the window and attach a file through the file chooser.
    let { app, window } = await launch(dataDir);
    await toContacts(window, true);
    await createContact(window, 'Anna Berg', 'anna@northwind.example');
    await openContact(window, 'Anna Berg');
    const chooser = window.waitForEvent('filechooser');
    await attachments(window).getByRole('button', { name: 'Add files', exact: true }).click();
    await (await chooser).setFiles(note);
    await expect(attachments(window).getByRole('button', { name: 'Remove call-notes.txt', exact: true })).toBeVisible();
    await screenshot(window, 'first-launch');

    // Quit, start again on the same folder: both are there.
    await quit(app);
    ({ app, window } = await launch(dataDir));
    await toContacts(window, false);
    await expect(window.getByRole('button', { name: /^Start empty/ })).toHaveCount(0);
    await openContact(window, 'Anna Berg');
    await expect(attachments(window).getByRole('listitem').filter({ hasText: 'call-notes.txt' })).toBeVisible();

    // File › Back Up Now: a verified snapshot the user took.
    await chooseMenuItem(app, 'back-up-now');
    await sections(window).getByRole('button', { name: 'Backups' }).click();
    const history = window.getByRole('list', { name: /Backup history/ });
    await expect(
      history.getByRole('listitem').filter({ hasText: 'Backed up by you' }).filter({ hasText: 'Verified' }),
    ).toHaveCount(1);
    await screenshot(window, 'backups');

    // File › Export Backup… into a file the Save dialog "chose".
    const exported = join(scratch, 'Rolodesk backup.zip');
    await saveDialogAnswers(app, exported);
    await chooseMenuItem(app, 'export-backup');
    await expect(toasts(window)).toContainText('Backup exported and checked');
    expect(existsSync(exported)).toBe(true);

    // A contact added after the export, which the restore must take away again.
    await sections(window).getByRole('button', { name: 'Contacts' }).click();
    await createContact(window, 'Bruno Costa', 'bruno@contoso.example');

    // File › Restore from Backup… → Choose file… (the Open dialog "chose" the export) → confirm.
    await openDialogAnswers(app, exported);
    await chooseMenuItem(app, 'restore-backup');
    await window
      .getByRole('dialog', { name: 'Restore from a backup' })
      .getByRole('button', { name: 'Choose file…' })
      .click();
    await window
      .getByRole('dialog', { name: 'Restore from a backup file?' })
      .getByRole('button', { name: 'Choose file and restore…' })
      .click();
    await expect(toasts(window)).toContainText('Backup restored');
    await expect(window.getByRole('status', { name: 'Backup restored' })).toContainText('Rolodesk backup.zip');

    await sections(window).getByRole('button', { name: 'Contacts' }).click();
    await expect(contactRow(window, 'Anna Berg')).toBeVisible();
    await expect(contactRow(window, 'Bruno Costa')).toHaveCount(0);
    await openContact(window, 'Anna Berg');
    await expect(attachments(window).getByRole('listitem').filter({ hasText: 'call-notes.txt' })).toBeVisible();
    await screenshot(window, 'restored');
    await quit(app);
  });
});
