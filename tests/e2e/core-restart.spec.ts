import { call } from '../support/crm';
import { expect, test } from './app';

test.describe('the data engine restarting', () => {
  test('when the core’s thread dies, the window says so in plain words and keeps working on the same data', async ({
    app,
  }) => {
    const page = app.page;
    await call(app.core, 'contacts.create', { name: 'Anna Berg' });
    await call(app.core, 'contacts.create', { name: 'Bruno Díaz' });
    await page.reload();
    await expect(page.getByText('2 contacts')).toBeVisible();

    await app.core.host.crashForTest();
    const toasts = page.getByRole('status', { name: 'Notifications' });
    await expect(toasts).toContainText(
      'Rolodesk restarted its data engine after a problem. Everything saved before is safe',
    );
    await app.screenshot('core-restarted');

    // The restarted core answers the window: searching and adding still work, and nothing saved was lost.
    await page.getByRole('searchbox', { name: 'Search' }).fill('díaz');
    await expect(page.getByText('1 match')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await call(app.core, 'contacts.create', { name: 'Chloé Martin' });
    await expect(page.getByText('3 contacts')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
