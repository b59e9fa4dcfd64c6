import { join } from 'node:path';
import { damageTablePages } from '../support/damage';
import { expect, test } from './app';

test.describe('opening checks', () => {
  test('a bad sector found by the background check after a clean start brings up the recovery screen', async ({
    app,
  }) => {
    const page = app.page;
    for (let i = 0; i < 300; i++) {
      const reply = await app.core.dispatch('contacts.create', { name: `Client ${String(i).padStart(3, '0')}` });
      if (!reply.ok) throw new Error(reply.error.message);
    }
    await app.quit();
    expect(damageTablePages(join(app.dataDir, 'crm.db'), 'contacts')).toBeGreaterThan(2);
    await app.launch();

    // Nothing was in the way at start: the check ran after the window opened, and found the damage.
    const screen = page.getByRole('main', { name: 'Let’s get your data back' });
    await expect(screen).toBeVisible();
    await expect(screen).toContainText('Rolodesk found a problem with its database file.');
    await expect(screen).not.toContainText('Your backups are safe');
    const order = app.logs.map((record) => record.message);
    expect(order.indexOf('database opened')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('a background check found the database damaged')).toBeGreaterThan(
      order.indexOf('database opened'),
    );
    await app.screenshot('recovery-found-in-background');
  });
});
