import type { Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeUnwritable } from '../support/fault-fs';
import { samples } from '../support/sample-files';
import { upload } from '../support/upload';
import { expect, test, type RolodeskApp } from './app';
import { recordAnswers, recordShown } from './page-watch';

// Times and sizes are written in the user's locale; pin it so the words are predictable.
test.use({ locale: 'en-US' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
const contactRow = (page: Page, name: string) => contactGrid(page).getByRole('row', { name: new RegExp(name) });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const history = (page: Page) => page.getByRole('list', { name: /Backup history/ });
const toasts = (page: Page) => page.getByRole('status', { name: 'Notifications' });
const failureBanner = (page: Page) => page.getByRole('alert', { name: 'The last backup failed' });
const restoredBanner = (page: Page) => page.getByRole('status', { name: 'Backup restored' });

async function openBackups(page: Page): Promise<void> {
  await nav(page).getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
}

async function createContacts(
  app: RolodeskApp,
  people: ReadonlyArray<{ name: string; email?: string; company?: string }>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const person of people) {
    const reply = await app.core.dispatch('contacts.create', person);
    if (!reply.ok) throw new Error(reply.error.message);
    ids.set(person.name, (reply.data as { id: number }).id);
  }
  return ids;
}

async function attach(app: RolodeskApp, contactId: number, fileName: string, bytes: Buffer): Promise<void> {
  const stored = await upload(app.core, contactId, fileName, bytes);
  if (!stored.ok) throw new Error(stored.error.message);
}

/** A text file of `megabytes` MB whose lines carry `label`, so each one is different bytes. */
function bigText(label: string, megabytes: number): Buffer {
  const line = `${label}: minutes of the quarterly meeting, with every figure discussed.\n`;
  const size = megabytes * 1024 * 1024;
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

async function takeSnapshot(app: RolodeskApp): Promise<{ id: string; createdAt: string }> {
  const reply = await app.core.dispatch('backups.create', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as { id: string; createdAt: string };
}

/** Waits until every snapshot's verification, which follows its copy, has run. */
async function untilVerified(app: RolodeskApp): Promise<void> {
  await expect
    .poll(async () => {
      const reply = await app.core.dispatch('backups.list', {});
      if (!reply.ok) throw new Error(reply.error.message);
      return (reply.data as { snapshots: Array<{ verifying: boolean }> }).snapshots.some(
        (snapshot) => snapshot.verifying,
      );
    })
    .toBe(false);
}

/** "2:31 PM", as the header and the rows write a time in en-US. */
const clockTime = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** Holds the next desktop save dialog open until release(), as a person deciding where to save does. */
function holdSaveDialog(app: RolodeskApp, answer: string | undefined): () => void {
  const original = app.desktop.chooseSaveLocation;
  let release = () => {};
  app.desktop.chooseSaveLocation = () =>
    new Promise((resolve) => {
      release = () => resolve(answer);
    });
  return () => {
    app.desktop.chooseSaveLocation = original;
    release();
  };
}

test.describe('backups', () => {
  test('an exported backup brings back every contact and attached file after the data folder is wiped', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    const people = [
      { name: 'Anna Berg', email: 'anna@northwind.example', company: 'Northwind Traders' },
      { name: 'Bruno Costa', email: 'bruno@contoso.example', company: 'Contoso' },
      { name: 'Chloé Dubois', email: 'chloe@fabrikam.example', company: 'Fabrikam' },
      { name: 'Dmitri Ivanov', email: 'dmitri@adatum.example', company: 'Adatum' },
      { name: 'Emma Schulz', email: 'emma@litware.example', company: 'Litware' },
    ];
    const ids = await createContacts(app, people);
    const files: Record<string, Array<{ name: string; bytes: Buffer }>> = {
      'Anna Berg': [
        { name: 'business-card.png', bytes: samples.png },
        { name: 'quote-1042.pdf', bytes: samples.pdf },
      ],
      'Bruno Costa': [{ name: 'call-notes.txt', bytes: samples.text }],
      'Chloé Dubois': [{ name: 'site-visit.jpg', bytes: samples.jpeg }],
      'Emma Schulz': [{ name: 'contact.vcf', bytes: samples.vcard }],
    };
    for (const [name, list] of Object.entries(files))
      for (const file of list) await attach(app, ids.get(name)!, file.name, file.bytes);
    await page.reload();
    await expect(contactRow(page, 'Anna Berg')).toBeVisible();

    // File › Export Backup…: the progress dialog shows while the system asks where to save, then the work, then a toast.
    const exported = join(scratch, 'Rolodesk backup.zip');
    const release = holdSaveDialog(app, exported);
    await app.emit('menu.command', { command: 'export-backup' });
    const exporting = page.getByRole('dialog', { name: 'Exporting backup' });
    await expect(exporting).toBeVisible();
    await expect(exporting.getByRole('progressbar', { name: 'Exporting backup' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    await expect(exporting.getByRole('button', { name: 'Stop' })).toBeVisible();
    release();
    await expect(toasts(page)).toContainText('Backup exported and checked');
    await expect(exporting).toBeHidden();
    expect(existsSync(exported)).toBe(true);

    // Wipe: everything inside the data folder goes, snapshots included.
    await app.quit();
    for (const entry of readdirSync(app.dataDir)) rmSync(join(app.dataDir, entry), { recursive: true, force: true });
    await app.launch();
    await expect(page.getByText('No contacts yet')).toBeVisible();

    // File › Restore from Backup… → Choose file… → confirm.
    await app.emit('menu.command', { command: 'restore-backup' });
    const chooser = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(chooser).toContainText('There are no backups in the backup folder yet.');
    app.desktop.backupFile = exported;
    await chooser.getByRole('button', { name: 'Choose file…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore from a backup file?' });
    await expect(confirm).toContainText('You can go back afterwards.');
    await confirm.getByRole('button', { name: 'Choose file and restore…' }).click();
    await expect(toasts(page)).toContainText('Backup restored');
    await expect(restoredBanner(page)).toContainText(
      'Your data was restored from the backup file “Rolodesk backup.zip”',
    );

    for (const person of people) await expect(contactRow(page, person.name)).toBeVisible();
    await expect(page.getByText(`${people.length} contacts`)).toBeVisible();
    for (const [name, list] of Object.entries(files)) {
      await contactRow(page, name).click();
      await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(name);
      const attachments = panel(page).getByRole('region', { name: 'Attachments' });
      for (const file of list) {
        app.desktop.opened.length = 0;
        await attachments.getByRole('button', { name: `Open ${file.name}`, exact: true }).click();
        await expect.poll(() => app.desktop.opened.length).toBe(1);
        expect(readFileSync(app.desktop.opened[0]!)).toEqual(file.bytes);
      }
      await expect(attachments.getByRole('listitem')).toHaveCount(list.length);
    }
    // The picture previews in the app, from the restored bytes.
    await contactRow(page, 'Anna Berg').click();
    await panel(page).getByRole('button', { name: 'Preview business-card.png' }).click();
    const preview = page.getByRole('dialog', { name: 'business-card.png' });
    const image = preview.getByRole('img', { name: 'business-card.png' });
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
      .toBe(1);
  });

  test('Back up now adds a verified backup, the header shows its time, and backups can go to another folder', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await createContacts(app, [{ name: 'Anna Berg' }, { name: 'Bruno Costa' }]);
    await openBackups(page);
    await expect(page.getByText('No verified backup yet')).toBeVisible();
    await expect(history(page)).toHaveCount(0);
    await expect(page.getByText('No backups in this folder yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(toasts(page)).toContainText('Backup taken. Checking it now…');
    const snapshot = history(page).getByRole('listitem');
    await expect(snapshot).toHaveCount(1);
    await expect(snapshot).toContainText('Verified');
    await expect(snapshot).toContainText('Backed up by you');
    await expect(snapshot).toContainText('2 contacts');
    const [taken] = (await app.core.backups.list()).map((info) => info.createdAt);
    await expect(page.getByText(`Last verified backup: today at ${clockTime(taken!)}`)).toBeVisible();
    await expect(page.getByText('No verified backup yet')).toHaveCount(0);

    // Change folder…: the desktop's folder dialog answers; backups go to our own subfolder there, starting with one now.
    const status = page.getByRole('region', { name: 'Backup status' });
    await expect(status).toContainText(join(app.dataDir, 'backups'));
    await expect(status.getByRole('button', { name: 'Use the default folder' })).toHaveCount(0);
    app.desktop.folder = scratch;
    await status.getByRole('button', { name: 'Change folder…' }).click();
    await expect(status).toContainText(join(scratch, 'Rolodesk Backups'));
    await expect(toasts(page)).toContainText('Backups now go to the new folder');
    await expect(history(page).getByRole('listitem')).toHaveCount(1);
    await expect(history(page).getByRole('listitem')).toContainText('When the folder changed');
    expect(readdirSync(join(scratch, 'Rolodesk Backups')).some((name) => name.startsWith('snapshot-'))).toBe(true);

    // Cancelling the folder dialog changes nothing.
    app.desktop.folder = undefined;
    await status.getByRole('button', { name: 'Change folder…' }).click();
    await expect(status).toContainText(join(scratch, 'Rolodesk Backups'));

    // Back to the default folder: the backups there are listed again, with a fresh one on top.
    await status.getByRole('button', { name: 'Use the default folder' }).click();
    await expect(status).toContainText(join(app.dataDir, 'backups'));
    await expect(history(page).getByRole('listitem')).toHaveCount(2);
    await expect(history(page).getByRole('listitem').nth(1)).toContainText('Backed up by you');
    await expect(status.getByRole('button', { name: 'Use the default folder' })).toHaveCount(0);
  });

  test('a backup is usable once copied and shows Verifying… until its checks pass, then Verified; until then it cannot be restored', async ({
    app,
  }) => {
    const page = app.page;
    await createContacts(app, [{ name: 'Anna Berg' }, { name: 'Bruno Costa' }]);
    const earlier = await takeSnapshot(app);
    await untilVerified(app);
    // As between a copy and its verification (or after a crash in between): the record of its verification is not there yet.
    rmSync(join(app.dataDir, 'backups', earlier.id, 'verification.json'));
    await page.reload();

    await openBackups(page);
    const row = history(page).getByRole('listitem');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Verifying…');
    await expect(row).not.toContainText('Problem:');
    await expect(row.getByRole('button', { name: /^Check again the backup of / })).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^Restore the backup of/ })).toHaveCount(0);
    // Never the last verified backup while it is being checked.
    const status = page.getByRole('region', { name: 'Backup status' });
    await expect(status).toContainText('Checking the first backup…');
    await expect(status).toContainText('It counts as verified once the checks pass.');
    await expect(status).not.toContainText('Last verified backup');
    await page.mouse.move(0, 0);
    await app.screenshot('backups-verifying');
    await page.setViewportSize({ width: 600, height: 800 });
    await expect(row).toContainText('Verifying…');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await app.screenshot('backups-verifying-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(chooser.getByRole('radio')).toBeDisabled();
    await expect(chooser).toContainText('It can be restored once its checks pass.');
    await expect(chooser.getByRole('button', { name: 'Restore…', exact: true })).toBeDisabled();
    await app.screenshot('restore-dialog-verifying');
    await chooser.getByRole('button', { name: 'Cancel' }).click();

    // Back up now: the new backup answers once copied; the checks that follow verify every backup waiting for them.
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(toasts(page)).toContainText('Backup taken. Checking it now…');
    await expect(history(page).getByRole('listitem')).toHaveCount(2);
    for (const each of await history(page).getByRole('listitem').all()) await expect(each).toContainText('Verified');
    await expect(page.getByText('Verifying…')).toHaveCount(0);
    await expect(page.getByText(/^Last verified backup: today at/)).toBeVisible();
    await expect(
      history(page)
        .getByRole('listitem')
        .nth(1)
        .getByRole('button', { name: /^Restore the backup of/ }),
    ).toBeVisible();
  });

  test('the schedule is checked beside each field before it is saved', async ({ app }) => {
    const page = app.page;
    await openBackups(page);
    const schedule = page.getByRole('form', { name: 'Schedule' });
    const interval = schedule.getByLabel('Back up every (minutes)');
    await expect(interval).toHaveValue('15');
    await expect(schedule.getByLabel('Newest backups to keep')).toHaveValue('4');

    await interval.fill('1');
    await schedule.getByLabel('Weekly backups to keep').fill('');
    await schedule.getByRole('button', { name: 'Save schedule' }).click();
    await expect(interval).toHaveAttribute('aria-invalid', 'true');
    await expect(interval).toHaveAccessibleDescription(/Enter a whole number of minutes from 5 to 1,440\./);
    await expect(schedule.getByLabel('Weekly backups to keep')).toHaveAccessibleDescription(
      /Please fill this in\. Enter a whole number of weeks from 0 to 520\./,
    );
    await expect(interval).toBeFocused();
    await app.screenshot('backups-schedule-errors');
    // Nothing reached the core.
    expect((await app.core.backups.settings()).intervalMinutes).toBe(15);

    await interval.fill('30');
    await expect(interval).not.toHaveAttribute('aria-invalid', 'true');
    await schedule.getByLabel('Weekly backups to keep').fill('8');
    await schedule.getByRole('button', { name: 'Save schedule' }).click();
    await expect(toasts(page)).toContainText('Schedule saved');
    expect(await app.core.backups.settings()).toEqual({
      intervalMinutes: 30,
      keepNewest: 4,
      keepDaily: 7,
      keepWeekly: 8,
    });
    await expect(page.getByRole('region', { name: 'Backup status' })).toContainText('No verified backup yet');

    // Keeping fewer is asked in Rolodesk's native dialog; "no" changes nothing and is said quietly, not as a problem.
    app.desktop.confirmAnswer = false;
    await schedule.getByLabel('Newest backups to keep').fill('2');
    await schedule.getByRole('button', { name: 'Save schedule' }).click();
    await expect(toasts(page)).toContainText('The schedule was not changed.');
    expect(app.desktop.confirmations).toEqual([
      expect.objectContaining({
        message: 'Keep fewer backups?',
        detail: expect.stringContaining('2 newest backups instead of 4'),
      }),
    ]);
    await expect(schedule.getByRole('alert')).toHaveCount(0);
    expect(await app.core.backups.settings()).toEqual({
      intervalMinutes: 30,
      keepNewest: 4,
      keepDaily: 7,
      keepWeekly: 8,
    });
    app.desktop.confirmAnswer = true;

    // Kept across a relaunch, and the status line speaks of the new interval.
    await takeSnapshot(app);
    await app.relaunch();
    await openBackups(page);
    await expect(page.getByRole('form', { name: 'Schedule' }).getByLabel('Back up every (minutes)')).toHaveValue('30');
    await expect(page.getByText('Rolodesk backs up every 30 minutes while you work')).toBeVisible();
  });

  test('a backup that no longer matches its checksums says so, cannot be restored, and the screen reads well wide and narrow', async ({
    app,
  }) => {
    const page = app.page;
    const ids = await createContacts(app, [
      { name: 'Anna Berg', company: 'Northwind Traders' },
      { name: 'Bruno Costa', company: 'Contoso' },
      { name: 'Chloé Dubois', company: 'Fabrikam' },
    ]);
    await attach(app, ids.get('Anna Berg')!, 'business-card.png', samples.png);
    // Taken the ways Rolodesk takes them: at start-up, on schedule, and by hand.
    const oldest = await app.core.backups.snapshot('start-up');
    await createContacts(app, [{ name: 'Dmitri Ivanov' }]);
    await app.core.backups.snapshot('scheduled');
    await createContacts(app, [{ name: 'Emma Schulz' }]);
    await takeSnapshot(app);
    await untilVerified(app);
    // A failing disk: the oldest snapshot's database changes under it.
    const damagedCopy = join(app.dataDir, 'backups', oldest.id, 'crm.db');
    const bytes = readFileSync(damagedCopy);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(damagedCopy, bytes);

    await openBackups(page);
    const rows = history(page).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('5 contacts, 1 attached file');
    await expect(rows.nth(0)).toContainText('Backed up by you');
    await expect(rows.nth(1)).toContainText('On schedule');
    await expect(rows.nth(2)).toContainText('When Rolodesk started');
    const damagedRow = rows.nth(2);
    await expect(damagedRow).toContainText('Verified');
    await damagedRow.getByRole('button', { name: /^Check again the backup of / }).click();
    await expect(toasts(page)).toContainText('Backup checked: it has problems');
    await expect(damagedRow).toContainText('Not verified');
    await expect(damagedRow).toContainText('Problem:');
    await expect(damagedRow.getByRole('button', { name: /^Restore the backup of/ })).toHaveCount(0);
    await expect(rows.nth(0).getByRole('button', { name: /^Restore the backup of/ })).toBeVisible();
    await page.mouse.move(0, 0);
    await app.screenshot('backups-screen');

    await page.setViewportSize({ width: 600, height: 800 });
    await expect(rows.nth(0)).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    for (const name of ['Restore from backup…', 'Export backup…', 'Back up now']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(600);
    }
    await app.screenshot('backups-screen-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    // In the restore dialog the damaged one cannot be chosen, and says why; the newest verified one is chosen already.
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Restore from a backup' });
    const choices = chooser.getByRole('radio');
    await expect(choices).toHaveCount(3);
    await expect(choices.nth(0)).toBeChecked();
    await expect(choices.nth(2)).toBeDisabled();
    await expect(chooser).toContainText('Cannot be restored:');
    await app.screenshot('restore-dialog');
    await chooser.getByRole('button', { name: 'Cancel' }).click();
    await expect(chooser).toBeHidden();
  });

  test('restoring a snapshot from the list takes the data back to it, and the banner returns to the data from before', async ({
    app,
  }) => {
    const page = app.page;
    await createContacts(app, [{ name: 'Anna Berg' }, { name: 'Bruno Costa' }]);
    const before = await takeSnapshot(app);
    await createContacts(app, [{ name: 'Chloé Dubois' }, { name: 'Dmitri Ivanov' }]);
    await page.reload();
    await expect(contactRow(page, 'Dmitri Ivanov')).toBeVisible();
    // An open record must not survive the restore with data that no longer exists.
    await contactRow(page, 'Dmitri Ivanov').click();
    await expect(panel(page)).toBeVisible();

    await openBackups(page);
    const when = `Today at ${new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(new Date(before.createdAt))}`;
    await history(page)
      .getByRole('button', { name: `Restore the backup of ${when}` })
      .click();
    const confirm = page.getByRole('dialog', {
      name: `Restore the backup of today at ${clockTime(before.createdAt)}?`,
    });
    await expect(confirm).toContainText(
      `Rolodesk will first save your current data as a backup, then replace it with the backup from today at ${clockTime(before.createdAt)} (2 contacts). You can go back afterwards.`,
    );
    await app.screenshot('restore-confirm');
    await confirm.getByRole('button', { name: 'Restore backup' }).click();
    await expect(toasts(page)).toContainText('Backup restored');
    await expect(restoredBanner(page)).toContainText(
      `Your data was restored from the backup of today at ${clockTime(before.createdAt)}.`,
    );
    // The safety backup taken first is in the list.
    await expect(history(page).getByRole('listitem').filter({ hasText: 'Before a restore' })).toHaveCount(1);
    await app.screenshot('restore-undo-banner');

    await nav(page).getByRole('button', { name: 'Contacts' }).click();
    await expect(contactRow(page, 'Anna Berg')).toBeVisible();
    await expect(page.getByText('2 contacts')).toBeVisible();
    await expect(contactRow(page, 'Chloé Dubois')).toHaveCount(0);
    await expect(panel(page)).toHaveCount(0);

    await restoredBanner(page).getByRole('button', { name: 'Return to the data from before the restore' }).click();
    const undo = page.getByRole('dialog', { name: 'Return to the data from before the restore?' });
    await undo.getByRole('button', { name: 'Return to earlier data' }).click();
    await expect(toasts(page)).toContainText('Your earlier data is back');
    await expect(contactRow(page, 'Dmitri Ivanov')).toBeVisible();
    await expect(page.getByText('4 contacts')).toBeVisible();
    await expect(restoredBanner(page)).toHaveCount(0);
  });

  test('the restored banner can be closed, and stays closed', async ({ app }) => {
    const page = app.page;
    await createContacts(app, [{ name: 'Anna Berg' }]);
    const snapshot = await takeSnapshot(app);
    await createContacts(app, [{ name: 'Bruno Costa' }]);
    await page.reload();
    await expect(contactRow(page, 'Bruno Costa')).toBeVisible();
    await app.emit('menu.command', { command: 'restore-backup' });
    const chooser = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(chooser.getByRole('radio')).toHaveCount(1);
    await chooser.getByRole('button', { name: 'Restore…', exact: true }).click();
    await page
      .getByRole('dialog', { name: `Restore the backup of today at ${clockTime(snapshot.createdAt)}?` })
      .getByRole('button', { name: 'Restore backup' })
      .click();
    await expect(restoredBanner(page)).toBeVisible();
    await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
    await restoredBanner(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(restoredBanner(page)).toHaveCount(0);
    await openBackups(page);
    await expect(restoredBanner(page)).toHaveCount(0);
  });

  test('a failed backup is loud: a banner across the window until a backup succeeds', async ({ app, scratch }) => {
    const page = app.page;
    await createContacts(app, [{ name: 'Anna Berg' }]);
    await openBackups(page);
    app.desktop.folder = scratch;
    await page.getByRole('button', { name: 'Change folder…' }).click();
    await expect(page.getByRole('region', { name: 'Backup status' })).toContainText(join(scratch, 'Rolodesk Backups'));

    // The folder refuses new files, for real.
    const undo = makeUnwritable(join(scratch, 'Rolodesk Backups'));
    try {
      await page.getByRole('button', { name: 'Back up now' }).click();
      await expect(failureBanner(page)).toBeVisible();
      await expect(failureBanner(page)).toContainText(
        'Rolodesk is not allowed to write to the backup folder, so it could not take a backup.',
      );
      expect(app.logs.some((record) => record.level === 'error' && /take a backup failed/.test(record.message))).toBe(
        true,
      );
      await app.screenshot('backup-failed-banner');
      // In a narrow window the button wraps under the message, inside the window.
      await page.setViewportSize({ width: 600, height: 800 });
      const retry = (await failureBanner(page).getByRole('button', { name: 'Back up now' }).boundingBox())!;
      expect(retry.x + retry.width).toBeLessThanOrEqual(600);
      await app.screenshot('backup-failed-banner-narrow');
      await page.setViewportSize({ width: 1280, height: 800 });
      // On every screen, not only Backups.
      await nav(page).getByRole('button', { name: 'Contacts' }).click();
      await expect(failureBanner(page)).toBeVisible();
      // And after the window is reloaded: the core remembers the failure.
      await page.reload();
      await expect(failureBanner(page)).toBeVisible();
      // Retrying while the folder still refuses keeps the banner.
      await failureBanner(page).getByRole('button', { name: 'Back up now' }).click();
      await expect(failureBanner(page).getByRole('button', { name: 'Back up now' })).toBeVisible();
      await expect(failureBanner(page)).toBeVisible();
    } finally {
      undo();
    }
    await failureBanner(page).getByRole('button', { name: 'Back up now' }).click();
    await expect(toasts(page)).toContainText('Backup taken. Checking it now…');
    await expect(failureBanner(page)).toHaveCount(0);
  });

  test('Stop ends an export: a toast, not an error, and no file is left', async ({ app, scratch }) => {
    const page = app.page;
    const ids = await createContacts(app, [{ name: 'Anna Berg' }]);
    for (const label of ['January', 'February', 'March'])
      await attach(app, ids.get('Anna Berg')!, `${label} minutes.txt`, bigText(label, 5));
    await openBackups(page);

    const destination = join(scratch, 'Rolodesk backup.zip');
    const release = holdSaveDialog(app, destination);
    await page.getByRole('button', { name: 'Export backup…' }).click();
    const exporting = page.getByRole('dialog', { name: 'Exporting backup' });
    await expect(exporting).toContainText('Choose where to save the backup file…');
    // The fresh backup's checks, then half-way through writing, as the core reports them: the words and the bar follow.
    await app.emit('backup.progress', { job: 'verify', fraction: 0.5 });
    await expect(exporting).toContainText('Checking the fresh backup…');
    await expect(exporting.getByRole('progressbar', { name: 'Exporting backup' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    await app.emit('backup.progress', { job: 'export', fraction: 0.4 });
    await expect(exporting).toContainText('Writing the backup file…');
    await expect(exporting.getByRole('progressbar', { name: 'Exporting backup' })).toHaveAttribute(
      'aria-valuenow',
      '64',
    );
    await app.screenshot('export-progress');
    // The user stops it before the system dialog's answer reaches the core (stopping mid-write is the core's
    // own test: here the export of 15 MB could finish before the click lands), then the dialog answers.
    await exporting.getByRole('button', { name: 'Stop' }).click();
    release();
    await expect(toasts(page)).toContainText('Export stopped. No file was written.');
    await expect(exporting).toBeHidden();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(readdirSync(scratch)).toEqual([]);
    expect(existsSync(destination)).toBe(false);
  });

  test('the export dialog shows its progress, and a cancelled save dialog does nothing', async ({ app, scratch }) => {
    const page = app.page;
    const ids = await createContacts(app, [{ name: 'Anna Berg' }]);
    await attach(app, ids.get('Anna Berg')!, 'April minutes.txt', bigText('April', 5));
    await openBackups(page);

    // Cancelled: no dialog stays, no toast, no file.
    app.desktop.saveLocation = undefined;
    const answered = await recordAnswers(page);
    const toastsShown = await recordShown(page, '[role="status"][aria-label="Notifications"] .toast > span');
    await page.getByRole('button', { name: 'Export backup…' }).click();
    await expect.poll(answered).toContain('backups.export');
    await expect(page.getByRole('dialog', { name: 'Exporting backup' })).toBeHidden();

    // The bar moves: every value it showed is recorded by the page itself, however fast the export is.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="dialog"] [role="progressbar"]');
        if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
    });
    app.desktop.saveLocation = join(scratch, 'backup.zip');
    await page.getByRole('button', { name: 'Export backup…' }).click();
    // A verified snapshot, the file, and the file read back twice (its directory, then every entry): slower on a loaded machine.
    await expect(toasts(page)).toContainText('Backup exported and checked', { timeout: 30_000 });
    // The cancelled export, answered before this one was asked, showed nothing: this is the only message.
    expect(await toastsShown()).toEqual(['Backup exported and checked']);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
    expect(existsSync(join(scratch, 'backup.zip'))).toBe(true);
  });

  test('a file that is not a Rolodesk backup is refused in the dialog, and the data is unchanged', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await createContacts(app, [{ name: 'Anna Berg' }, { name: 'Bruno Costa' }]);
    await page.reload();
    await expect(contactRow(page, 'Bruno Costa')).toBeVisible();
    const notABackup = join(scratch, 'holiday photos.zip');
    writeFileSync(notABackup, 'These are not the files you are looking for.\n');

    await app.emit('menu.command', { command: 'restore-backup' });
    const chooser = page.getByRole('dialog', { name: 'Restore from a backup' });
    app.desktop.backupFile = notABackup;
    await chooser.getByRole('button', { name: 'Choose file…' }).click();
    await page
      .getByRole('dialog', { name: 'Restore from a backup file?' })
      .getByRole('button', { name: 'Choose file and restore…' })
      .click();
    const refusedChooser = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(refusedChooser.getByRole('alert')).toContainText('not a Rolodesk backup');
    await expect(refusedChooser.getByRole('alert')).toContainText('Nothing was changed.');
    await app.screenshot('restore-refused');

    // Cancelling the file dialog from there leaves the dialog as it is, ready for another try.
    app.desktop.backupFile = undefined;
    await refusedChooser.getByRole('button', { name: 'Choose file…' }).click();
    await page
      .getByRole('dialog', { name: 'Restore from a backup file?' })
      .getByRole('button', { name: 'Choose file and restore…' })
      .click();
    await expect(page.getByRole('dialog', { name: 'Restore from a backup' })).toBeVisible();
    await page.getByRole('dialog', { name: 'Restore from a backup' }).getByRole('button', { name: 'Cancel' }).click();

    // A backup the user chose and the core refused is not a failing backup: no window banner.
    await expect(failureBanner(page)).toHaveCount(0);
    await expect(contactRow(page, 'Anna Berg')).toBeVisible();
    await expect(contactRow(page, 'Bruno Costa')).toBeVisible();
    await expect(page.getByText('2 contacts')).toBeVisible();
    await expect(restoredBanner(page)).toHaveCount(0);
  });
});
