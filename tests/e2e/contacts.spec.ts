import type { Locator, Page } from '@playwright/test';
import { expect, test, type RolodeskApp } from './app';

// Counts like "3 contacts" are written in the user's locale; pin it so the words are predictable.
test.use({ locale: 'en-US' });

interface NewContact {
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  notes?: string;
}

const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
const rowOf = (page: Page, name: string) => contactGrid(page).getByRole('row', { name: new RegExp(name) });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const panelTitle = (page: Page) => panel(page).getByRole('heading', { level: 2 });

/** Seeds contacts straight into the core, faster than typing them. */
async function seed(app: RolodeskApp, contacts: NewContact[]): Promise<void> {
  for (const contact of contacts) {
    const reply = await app.core.dispatch('contacts.create', contact);
    expect(reply.ok).toBe(true);
  }
}

async function contactTotal(app: RolodeskApp): Promise<number> {
  const reply = await app.core.dispatch('contacts.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.data as { total: number }).total;
}

/** Creates a contact the way a user does: New contact, type, Save. */
async function createThroughForm(page: Page, contact: NewContact): Promise<void> {
  await page.getByRole('button', { name: 'New contact' }).click();
  await expect(panelTitle(page)).toHaveText('New contact');
  await page.getByLabel('Name').fill(contact.name);
  if (contact.email) await page.getByLabel('Email').fill(contact.email);
  if (contact.phone) await page.getByLabel('Phone').fill(contact.phone);
  if (contact.company) await page.getByLabel('Company').fill(contact.company);
  if (contact.notes) await page.getByLabel('Notes').fill(contact.notes);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Once saved, the panel shows the record under its own name.
  await expect(panelTitle(page)).toHaveText(contact.name);
}

/** The element Playwright's accessible description points at, i.e. the message read out with a field. */
async function describedText(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  expect(ids).not.toBe('');
  const texts = await Promise.all(ids.split(/\s+/).map((id) => field.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ').trim();
}

test.describe('contacts', () => {
  test('contacts created in the app are all still there after quitting and relaunching', async ({ app }) => {
    const page = app.page;
    const people: NewContact[] = [
      { name: 'Anna Berg', email: 'anna.berg@northwind.example', phone: '+46 8 123 456', company: 'Northwind Traders' },
      { name: 'Bruno Costa', email: 'bruno@contoso.example', company: 'Contoso' },
      { name: 'Chloé Dubois', phone: '+33 1 42 68 53 00', notes: 'Met at the Lyon trade fair.' },
    ];
    for (const person of people) await createThroughForm(page, person);
    await expect(page.getByText('3 contacts')).toBeVisible();

    await app.relaunch();

    await expect(page.getByText('3 contacts')).toBeVisible();
    for (const person of people) await expect(rowOf(page, person.name)).toBeVisible();
    await expect(rowOf(page, 'Anna Berg')).toContainText('anna.berg@northwind.example');
    await expect(rowOf(page, 'Anna Berg')).toContainText('Northwind Traders');
    // The notes are not in the list; they come back with the record.
    await rowOf(page, 'Chloé Dubois').click();
    await expect(page.getByLabel('Notes')).toHaveValue('Met at the Lyon trade fair.');
    expect(await contactTotal(app)).toBe(3);
  });

  test('viewing and editing a contact saves the new email and moves its updated time', async ({ app }) => {
    const page = app.page;
    await seed(app, [
      {
        name: 'Dmitri Ivanov',
        email: 'dmitri@fabrikam.example',
        phone: '+49 30 901820',
        company: 'Fabrikam',
        notes: 'Prefers calls.',
      },
      { name: 'Emma Fischer', email: 'emma@northwind.example', company: 'Northwind Traders' },
    ]);
    await page.reload();

    await rowOf(page, 'Dmitri Ivanov').click();
    await expect(page.getByLabel('Name')).toHaveValue('Dmitri Ivanov');
    await expect(page.getByLabel('Email')).toHaveValue('dmitri@fabrikam.example');
    await expect(page.getByLabel('Phone')).toHaveValue('+49 30 901820');
    await expect(page.getByLabel('Company')).toHaveValue('Fabrikam');
    await expect(page.getByLabel('Notes')).toHaveValue('Prefers calls.');
    const updated = panel(page).locator('time').nth(1);
    await expect(panel(page)).toContainText('Created');
    await expect(updated).toHaveText(/Today at/);
    const updatedBefore = await updated.getAttribute('datetime');
    await expect(rowOf(page, 'Dmitri Ivanov')).toHaveAttribute('aria-selected', 'true');
    await app.screenshot('contact-detail');

    await page.getByLabel('Email').fill('dmitri.ivanov@fabrikam.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Changes saved');
    await expect(rowOf(page, 'Dmitri Ivanov')).toContainText('dmitri.ivanov@fabrikam.example');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel(page)).toHaveCount(0);
    await rowOf(page, 'Dmitri Ivanov').click();
    await expect(page.getByLabel('Email')).toHaveValue('dmitri.ivanov@fabrikam.example');
    const updatedAfter = await updated.getAttribute('datetime');
    expect(Date.parse(updatedAfter ?? '')).toBeGreaterThan(Date.parse(updatedBefore ?? ''));
    // The other contact was not touched.
    await expect(rowOf(page, 'Emma Fischer')).toContainText('emma@northwind.example');
  });

  test('delete asks first: Cancel keeps the contact, confirming removes it for good', async ({ app }) => {
    const page = app.page;
    await seed(app, [
      { name: 'Farah Haddad', email: 'farah@contoso.example', company: 'Contoso' },
      { name: 'Grace Kim', email: 'grace@litware.example', company: 'Litware' },
    ]);
    await page.reload();
    await rowOf(page, 'Farah Haddad').click();

    const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Delete Farah Haddad?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toContainText('stay there for 30 days');
    await app.screenshot('delete-confirmation');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(deleteButton).toBeFocused();
    await expect(rowOf(page, 'Farah Haddad')).toBeVisible();
    expect(await contactTotal(app)).toBe(2);

    await deleteButton.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete contact' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(rowOf(page, 'Farah Haddad')).toHaveCount(0);
    await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
    // Focus lands back in the list, not lost on the page.
    await expect(page.locator(':focus')).toHaveAttribute('role', 'row');
    await expect(page.getByRole('status')).toContainText('Moved to the trash');
    expect(await contactTotal(app)).toBe(1);

    await app.relaunch();
    await expect(rowOf(page, 'Grace Kim')).toBeVisible();
    await expect(rowOf(page, 'Farah Haddad')).toHaveCount(0);
  });

  test('problems are shown beside their field in plain words, and nothing is saved until they are fixed', async ({
    app,
  }) => {
    const page = app.page;
    await page.getByRole('button', { name: 'New contact' }).click();
    const name = page.getByLabel('Name');
    const email = page.getByLabel('Email');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(await describedText(name)).toBe('Please enter a name.');
    await expect(name).toBeFocused();
    await expect(email).not.toHaveAttribute('aria-invalid', 'true');

    await email.fill('anna.example.com');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(await describedText(email)).toBe('That does not look like an email address (for example anna@example.com).');
    expect(await describedText(name)).toBe('Please enter a name.');
    await app.screenshot('contact-form-errors');
    expect(await contactTotal(app)).toBe(0);

    // Spaces alone are not a name either.
    await name.fill('   ');
    await email.fill('anna@example.com');
    await expect(email).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(await contactTotal(app)).toBe(0);

    await name.fill('Anna Berg');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(name).not.toHaveAttribute('aria-describedby', /.+/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panelTitle(page)).toHaveText('Anna Berg');
    expect(await contactTotal(app)).toBe(1);
  });

  test('an error from the core (the contact was deleted elsewhere) shows in an alert and loses no typing', async ({
    app,
  }) => {
    const page = app.page;
    await seed(app, [{ name: 'Hiro Tanaka', email: 'hiro@adatum.example' }]);
    await page.reload();
    await rowOf(page, 'Hiro Tanaka').click();
    await expect(page.getByLabel('Email')).toHaveValue('hiro@adatum.example');

    const reply = await app.core.dispatch('contacts.list', {});
    const id = (reply as { ok: true; data: { rows: Array<{ id: number }> } }).data.rows[0]!.id;
    expect((await app.core.dispatch('contacts.delete', { id })).ok).toBe(true);
    // The panel hears of the delete at once, and says so before any typing is spent on it.
    await expect(
      panel(page).getByRole('alert').filter({ hasText: 'This contact was deleted elsewhere' }),
    ).toBeVisible();

    await page.getByLabel('Email').fill('hiro.tanaka@adatum.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = panel(page).getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(alert).toContainText('This contact no longer exists');
    await expect(page.getByLabel('Email')).toHaveValue('hiro.tanaka@adatum.example');
    expect(await contactTotal(app)).toBe(0);
  });

  test('menu commands open the new-contact form and focus Search, from any section', async ({ app }) => {
    const page = app.page;
    await expect(page.getByText('No contacts yet')).toBeVisible();

    await app.emit('menu.command', { command: 'new-contact' });
    await expect(panelTitle(page)).toHaveText('New contact');
    await expect(page.getByLabel('Name')).toBeFocused();

    await app.emit('menu.command', { command: 'focus-search' });
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();

    // From another section, the command brings Contacts forward.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Campaigns' }).click();
    await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();
    await app.emit('menu.command', { command: 'new-contact' });
    await expect(panelTitle(page)).toHaveText('New contact');
    await expect(page.getByLabel('Name')).toBeFocused();
    // Each command acts once: leaving and coming back does not open the form again.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Campaigns' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
    await expect(page.getByText('No contacts yet')).toBeVisible();
    await expect(panel(page)).toHaveCount(0);
  });

  test('the keyboard reaches everything, focus is visible, rows move with the arrow keys', async ({ app }) => {
    const page = app.page;
    await seed(app, [
      { name: 'Anna Berg', email: 'anna@northwind.example' },
      { name: 'Bruno Costa', email: 'bruno@contoso.example' },
      { name: 'Chloé Dubois', email: 'chloe@fabrikam.example' },
    ]);
    await page.reload();
    await expect(rowOf(page, 'Anna Berg')).toBeVisible();

    // Tab from the top of the page, noting where focus lands and whether it can be seen.
    const stops: Array<{ what: string; outline: string }> = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const label = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
        return {
          what: `${element.getAttribute('role') ?? element.tagName.toLowerCase()}:${label}`,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
      stops.push(stop);
      if (stop.what.startsWith('row:')) break;
    }
    const order = stops.map((stop) => stop.what);
    const newContact = order.indexOf('button:New contact');
    const search = order.indexOf('input:Search');
    const row = order.findIndex((what) => what.startsWith('row:'));
    expect(newContact, order.join(' | ')).toBeGreaterThan(-1);
    expect(search, order.join(' | ')).toBeGreaterThan(newContact);
    expect(row, order.join(' | ')).toBeGreaterThan(search);
    expect(order[row]).toContain('Anna Berg');
    for (const index of [newContact, search, row]) expect(stops[index]!.outline, order[index]).toMatch(/^solid [1-9]/);

    // Arrow keys move between rows; Enter opens the one with focus, with the cursor in Name.
    await page.keyboard.press('ArrowDown');
    await expect(rowOf(page, 'Bruno Costa')).toBeFocused();
    await page.keyboard.press('End');
    await expect(rowOf(page, 'Chloé Dubois')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(rowOf(page, 'Bruno Costa')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Name')).toHaveValue('Bruno Costa');
    await expect(page.getByLabel('Name')).toBeFocused();
    // Escape closes the untouched record and puts focus back on its row.
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
    await expect(rowOf(page, 'Bruno Costa')).toBeFocused();
  });

  test('the delete dialog keeps focus inside it, Escape cancels, and focus returns', async ({ app }) => {
    const page = app.page;
    await seed(app, [{ name: 'Ines Lopez', email: 'ines@litware.example' }]);
    await page.reload();
    await rowOf(page, 'Ines Lopez').click();
    const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    await deleteButton.focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog');
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const confirm = dialog.getByRole('button', { name: 'Delete contact' });
    await expect(cancel).toBeFocused();
    // The app behind the dialog is out of reach while it is open.
    await expect(page.locator('#root')).toHaveAttribute('inert', '');
    await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm).toBeFocused();
    expect(await confirm.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('#root')).not.toHaveAttribute('inert', '');
    await expect(deleteButton).toBeFocused();
    // Escape closed only the dialog: the record is still open and still there.
    await expect(panelTitle(page)).toHaveText('Ines Lopez');
    expect(await contactTotal(app)).toBe(1);
  });

  test('the page breaks none of its own Content-Security-Policy rules and logs no errors', async ({ app }) => {
    const page = app.page;
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
        ),
      );
    });
    await page.reload();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');

    await createThroughForm(page, { name: 'Jonas Weber', email: 'jonas@adatum.example', company: 'Adatum' });
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('jonas');
    await expect(page.getByText('1 match', { exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Backups' }).click();
    await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
