import type { Page } from '@playwright/test';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

/** A small, believable address book for the screenshots. */
const people = [
  { name: 'Anna Berg', email: 'anna.berg@northwind.example', phone: '+46 8 123 456', company: 'Northwind Traders' },
  { name: 'Bruno Costa', email: 'bruno@contoso.example', phone: '+351 21 340 5000', company: 'Contoso' },
  { name: 'Chloé Dubois', email: 'chloe.dubois@fabrikam.example', phone: '+33 1 42 68 53 00', company: 'Fabrikam' },
  { name: 'Dmitri Ivanov', email: 'dmitri@litware.example', phone: '', company: 'Litware' },
  { name: 'Emma Fischer', email: 'emma.fischer@adatum.example', phone: '+49 30 901820', company: 'Adatum' },
  { name: 'Farah Haddad', email: '', phone: '+961 1 987 654', company: 'Tailspin Toys' },
  { name: 'Grace Kim', email: 'grace.kim@wingtip.example', phone: '+82 2 555 0134', company: 'Wingtip' },
  { name: 'Hiro Tanaka', email: 'hiro.tanaka@proseware.example', phone: '+81 3 5555 0199', company: 'Proseware' },
  { name: 'Ines Lopez', email: 'ines@cohowinery.example', phone: '+34 91 555 0147', company: 'Coho Winery' },
  { name: 'Jonas Weber', email: 'jonas.weber@fourthcoffee.example', phone: '', company: '' },
  { name: 'Kofi Mensah', email: 'kofi@northwind.example', phone: '+233 30 255 0101', company: 'Northwind Traders' },
  { name: 'Lena Novak', email: 'lena.novak@contoso.example', phone: '+420 2 5555 0123', company: 'Contoso' },
  { name: 'Mateo Rossi', email: 'mateo.rossi@fabrikam.example', phone: '+39 06 555 0188', company: 'Fabrikam' },
  { name: 'Nadia Silva', email: 'nadia@adatum.example', phone: '+55 11 5555 0110', company: 'Adatum' },
  { name: 'Oscar Jensen', email: 'oscar.jensen@litware.example', phone: '+45 33 55 50 12', company: 'Litware' },
  { name: 'Priya Patel', email: 'priya.patel@wingtip.example', phone: '+91 22 5555 0175', company: 'Wingtip' },
  { name: 'Quentin Moreau', email: 'quentin@proseware.example', phone: '+33 4 55 55 01 90', company: 'Proseware' },
  {
    name: 'Rosa Garcia',
    email: 'rosa.garcia@tailspintoys.example',
    phone: '+52 55 5555 0166',
    company: 'Tailspin Toys',
  },
];

async function seedPeople(app: RolodeskApp): Promise<void> {
  for (const person of people) expect((await app.core.dispatch('contacts.create', person)).ok).toBe(true);
}

/** True when nothing sticks out sideways: the window never needs a horizontal scrollbar. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    bodyScrollWidth: document.body.scrollWidth,
  }));
  expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
  expect(sizes.bodyScrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
}

/** The element's box lies inside the window, horizontally. */
async function expectInsideWindow(page: Page, selector: ReturnType<Page['locator']>): Promise<void> {
  const box = await selector.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

const contactGrid = (page: Page) => page.getByRole('grid', { name: 'Contacts' });
const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test.describe('layout and first impressions', () => {
  test('first run: an empty state that leads straight to the new-contact form', async ({ app }) => {
    const page = app.page;
    await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
    await expect(contactGrid(page)).toHaveCount(0);
    await app.screenshot('empty-state');

    await page.getByRole('button', { name: 'Add your first contact' }).click();
    await expect(
      page.getByRole('complementary', { name: 'Contact details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('New contact');
    await expect(page.getByLabel('Name')).toBeFocused();
  });

  test('the list at 1280×800 shows every column, a count, and fits the window', async ({ app }) => {
    const page = app.page;
    await seedPeople(app);
    await page.reload();
    await expect(page.getByText(`${people.length} contacts`)).toBeVisible();
    for (const column of ['Name', 'Company', 'Email', 'Phone', 'Updated']) {
      await expect(contactGrid(page).getByRole('columnheader', { name: column })).toBeVisible();
    }
    await expect(contactGrid(page).getByRole('row', { name: /Anna Berg/ })).toContainText('Northwind Traders');
    await expect(sections(page).getByRole('button', { name: 'Contacts' })).toHaveAttribute('aria-current', 'page');
    await expectNoHorizontalOverflow(page);
    await app.screenshot('contact-list');
  });

  test('in a narrow window (600px) the list and the form are usable and nothing overflows sideways', async ({
    app,
  }) => {
    const page = app.page;
    await page.setViewportSize({ width: 600, height: 800 });
    await seedPeople(app);
    await page.reload();

    const anna = contactGrid(page).getByRole('row', { name: /Anna Berg/ });
    await expect(anna).toBeVisible();
    await expectInsideWindow(page, anna);
    await expectInsideWindow(page, page.getByRole('button', { name: 'New contact' }));
    await expectInsideWindow(page, page.getByRole('searchbox', { name: 'Search' }));
    // The sidebar is an icon rail now, but every section keeps its name for screen readers.
    for (const name of ['Contacts', 'Companies', 'Deals', 'Today', 'Campaigns', 'Backups']) {
      await expect(sections(page).getByRole('button', { name })).toBeVisible();
    }
    for (const name of ['Duplicates', 'Trash', 'Settings']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expectNoHorizontalOverflow(page);
    await app.screenshot('narrow-list');

    await page.getByRole('button', { name: 'New contact' }).click();
    const panel = page.getByRole('complementary', { name: 'Contact details' });
    await expect(panel).toBeVisible();
    await expectInsideWindow(page, panel);
    await page.getByLabel('Name').fill('Samir Khan');
    await page.getByLabel('Email').fill('samir.khan@');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expectInsideWindow(page, page.getByRole('button', { name: 'Save', exact: true }));
    await expectNoHorizontalOverflow(page);
    await app.screenshot('narrow-form');

    await page.getByLabel('Email').fill('samir.khan@larsen.example');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(
      page.getByRole('complementary', { name: 'Contact details' }).getByRole('heading', { level: 2 }),
    ).toHaveText('Samir Khan');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(contactGrid(page).getByRole('row', { name: /Samir Khan/ })).toBeVisible();
    await expect(page.getByText(`${people.length + 1} contacts`)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});
