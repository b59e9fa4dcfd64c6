import type { Locator, Page } from '@playwright/test';
import { smallCrm } from '../support/crm';
import { expect, test, type RolodeskApp } from './app';

test.use({ locale: 'en-US' });

/** Every icon inside `area`: decorative (hidden from screen readers, never focused), in the app's stroke, and drawn. */
async function expectDecorativeIcons(area: Locator, atLeast: number): Promise<void> {
  const icons = area.locator('svg');
  expect(await icons.count()).toBeGreaterThanOrEqual(atLeast);
  for (const icon of await icons.all()) {
    await expect(icon).toHaveAttribute('aria-hidden', 'true');
    await expect(icon).toHaveAttribute('focusable', 'false');
    await expect(icon).toHaveAttribute('stroke-width', '1.8');
    await expect(icon).toHaveAttribute('viewBox', '0 0 24 24');
    expect(await icon.locator('path, circle, rect, line, polyline').count()).toBeGreaterThan(0);
  }
}

async function bothWidths(app: RolodeskApp, name: string): Promise<void> {
  await app.screenshot(`${name}-1280`);
  await app.page.setViewportSize({ width: 700, height: 800 });
  await app.screenshot(`${name}-narrow`);
  await app.page.setViewportSize({ width: 1280, height: 800 });
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test('the icons in the sidebar and a record are decorative, sized as before, and drawn', async ({ app }) => {
  const page = app.page;
  await smallCrm(app.core);
  await page.reload();
  await expect(sections(page)).toBeVisible();
  await expectDecorativeIcons(sections(page), 8);
  // The sidebar's icons keep their size: 16 px unless a place asks for another.
  const contactsIcon = sections(page).getByRole('button', { name: 'Contacts', exact: true }).locator('svg');
  await expect(contactsIcon).toHaveAttribute('width', '18');
  await bothWidths(app, 'icons-sidebar');

  await page
    .getByRole('grid', { name: 'Contacts' })
    .getByRole('row', { name: /Anna Berg/ })
    .click();
  const panel = page.getByRole('complementary', { name: 'Contact details' });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Anna Berg');
  await expectDecorativeIcons(panel, 5);
  await bothWidths(app, 'icons-contact');
});
