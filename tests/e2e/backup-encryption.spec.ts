import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSealedFile } from '../../electron/core/backups/encryption/sealed-file';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

// scrypt runs at its real cost (2^17) and the machine is shared: the key's work takes seconds, not milliseconds.
const slow = 90_000;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const contactRow = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });
const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });

async function createContact(app: RolodeskApp, name: string, email: string): Promise<void> {
  const reply = await app.core.dispatch('contacts.create', { name, email });
  if (!reply.ok) throw new Error(reply.error.message);
}

/** Holds the save dialog open until released, so the export dialog can be seen before the work starts. */
function holdSaveDialog(app: RolodeskApp, answer: string): { release: () => void; suggested: string[] } {
  const original = app.desktop.chooseSaveLocation;
  const suggested: string[] = [];
  let release = () => {};
  app.desktop.chooseSaveLocation = (name) => {
    suggested.push(name);
    return new Promise((resolve) => {
      release = () => resolve(answer);
    });
  };
  return {
    suggested,
    release: () => {
      app.desktop.chooseSaveLocation = original;
      release();
    },
  };
}

/** File › Restore from Backup… → Choose file… → confirm: an encrypted file then asks for its password. */
async function chooseFileToRestore(app: RolodeskApp, file: string) {
  const page = app.page;
  await app.emit('menu.command', { command: 'restore-backup' });
  app.desktop.backupFile = file;
  await page
    .getByRole('dialog', { name: 'Restore from a backup' })
    .getByRole('button', { name: 'Choose file…' })
    .click();
  await page
    .getByRole('dialog', { name: 'Restore from a backup file?' })
    .getByRole('button', { name: 'Choose file and restore…' })
    .click();
  const asking = page.getByRole('dialog', { name: 'This backup file is encrypted' });
  await expect(asking).toBeVisible({ timeout: slow });
  return asking;
}

test.describe('encrypted backups', () => {
  // Starting the app counts too, and on a shared machine it alone can take a minute.
  test.describe.configure({ timeout: 600_000 });

  test('turn on, keep the recovery key, export an encrypted file, restore it with a wrong then the right password and with the recovery key', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await createContact(app, 'Ana Souza', 'ana.souza@example.org');
    await createContact(app, 'Bruno Keller', 'bruno.keller@example.org');
    await page.reload();
    await expect(contactRow(page, 'Ana Souza')).toBeVisible();

    // Settings › Backups › Encryption.
    await nav(page).getByRole('button', { name: 'Backups' }).click();
    const card = page.getByRole('region', { name: 'Encryption' });
    await expect(card).toContainText('Off: exported backups and backups in a chosen folder are not encrypted.');
    await card.getByRole('button', { name: 'Encrypt backups that leave this computer' }).click();
    const choose = page.getByRole('dialog', { name: 'Encrypt backups that leave this computer' });
    await expect(choose.getByLabel('Backup password')).toBeFocused();
    await choose.getByLabel('Backup password').fill('correct horse battery');
    await choose.getByLabel('Type it again').fill('correct horse batter');
    await choose.getByRole('button', { name: 'Turn on encryption' }).click();
    await expect(choose.getByLabel('Type it again')).toBeFocused();
    await expect(choose).toContainText('This is not the same as the password above.');
    await choose.getByLabel('Type it again').fill('correct horse battery');
    await expect(choose.getByRole('checkbox', { name: 'Remember on this computer' })).toBeEnabled();
    await app.screenshot('encryption-turn-on');
    await choose.getByRole('button', { name: 'Turn on encryption' }).click();

    // The recovery key, shown once: it cannot be closed before saying it is saved.
    const sheet = page.getByRole('dialog', { name: 'Your recovery key' });
    await expect(sheet).toBeVisible({ timeout: slow });
    const keyText = (await sheet.getByLabel('Recovery key', { exact: true }).textContent())!.trim();
    expect(keyText).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(sheet.getByRole('alert')).toContainText('it will not be shown again');
    await app.screenshot('encryption-recovery-key');
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('encryption-recovery-key-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    await sheet.getByRole('checkbox', { name: 'I have saved it somewhere safe' }).check();
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(sheet).toBeHidden();
    await expect(card).toContainText(
      'On. Exported backups and backups in a chosen folder are encrypted with your backup password.',
    );
    await expect(card).toContainText('The password is not remembered');
    await app.screenshot('encryption-on');
    await page.setViewportSize({ width: 700, height: 800 });
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('encryption-on-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Export: the dialog says it is encrypted; the file is sealed, with no client's name or email in its bytes.
    const exported = join(scratch, 'Rolodesk backup 2026.rolodesk-backup');
    const saveDialog = holdSaveDialog(app, exported);
    await app.emit('menu.command', { command: 'export-backup' });
    const exporting = page.getByRole('dialog', { name: 'Exporting backup' });
    await expect(exporting).toContainText('Encrypted with your backup password');
    await app.screenshot('encryption-export');
    saveDialog.release();
    await expect(toasts(page)).toContainText('Backup exported and checked', { timeout: slow });
    expect(saveDialog.suggested[0]).toMatch(/^Rolodesk backup \d{4}-\d{2}-\d{2}\.rolodesk-backup$/);
    expect(await isSealedFile(exported)).toBe(true);
    const bytes = readFileSync(exported);
    for (const clear of ['Ana Souza', 'ana.souza@example.org', 'Bruno Keller'])
      expect(bytes.includes(Buffer.from(clear)), clear).toBe(false);

    // A change after the export, which the restore takes back.
    await createContact(app, 'Carla Dias', 'carla@example.org');
    // This computer's key is open, so forget it: the file must ask, as it would anywhere else.
    await app.core.dispatch('backupEncryption.forget', {});

    // A wrong password: said under the field, focus back in it, nothing changed.
    let asking = await chooseFileToRestore(app, exported);
    await asking.getByLabel('Backup password').fill('correct horse batterY');
    await asking.getByRole('button', { name: 'Restore backup' }).click();
    await expect(asking).toContainText('That password does not open this backup', { timeout: slow });
    await expect(asking.getByLabel('Backup password')).toBeFocused();
    await app.screenshot('encryption-restore-wrong-password');
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('encryption-restore-wrong-password-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.core.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(3);

    // The right one: restored, without choosing the file again.
    app.desktop.backupFile = undefined;
    await asking.getByLabel('Backup password').fill('correct horse battery');
    await asking.getByRole('button', { name: 'Restore backup' }).click();
    await expect(toasts(page)).toContainText('Backup restored', { timeout: slow });
    await nav(page).getByRole('button', { name: 'Contacts' }).click();
    await expect(contactRow(page, 'Ana Souza')).toBeVisible();
    await expect(contactRow(page, 'Carla Dias')).toHaveCount(0);

    // And with the recovery key, through the link, typed in lower case.
    await createContact(app, 'Dora Lima', 'dora@example.org');
    await app.core.dispatch('backupEncryption.forget', {});
    asking = await chooseFileToRestore(app, exported);
    await asking.getByRole('button', { name: 'Forgot the password? Use the recovery key' }).click();
    await expect(asking.getByLabel('Recovery key')).toBeFocused();
    await asking.getByLabel('Recovery key').fill(keyText.toLowerCase());
    await app.screenshot('encryption-restore-recovery-key');
    await asking.getByRole('button', { name: 'Restore backup' }).click();
    await expect(toasts(page)).toContainText('Backup restored', { timeout: slow });
    await expect(contactRow(page, 'Dora Lima')).toHaveCount(0);
    await expect(contactRow(page, 'Bruno Keller')).toBeVisible();
  });

  test('an export asks for the password when it is not remembered, and a wrong one is said in the dialog', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await createContact(app, 'Ana Souza', 'ana.souza@example.org');
    const on = await app.core.dispatch('backupEncryption.turnOn', {
      password: 'correct horse battery',
      remember: false,
    });
    expect(on.ok).toBe(true);
    await app.core.dispatch('backupEncryption.forget', {});

    await app.emit('menu.command', { command: 'export-backup' });
    const asking = page.getByRole('dialog', { name: 'Type your backup password' });
    await expect(asking.getByLabel('Backup password')).toBeFocused();
    await asking.getByLabel('Backup password').fill('not the password');
    await asking.getByRole('button', { name: 'Export backup' }).click();
    await expect(asking).toContainText('does not open', { timeout: slow });
    await app.screenshot('encryption-export-password');
    app.desktop.saveLocation = join(scratch, 'asked.rolodesk-backup');
    await asking.getByLabel('Backup password').fill('correct horse battery');
    await asking.getByRole('button', { name: 'Export backup' }).click();
    await expect(toasts(page)).toContainText('Backup exported and checked', { timeout: slow });
    expect(await isSealedFile(app.desktop.saveLocation)).toBe(true);
  });
});
