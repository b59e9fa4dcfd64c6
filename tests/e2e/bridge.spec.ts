import type { Page } from '@playwright/test';
import { expect, test } from './app';

/** Calls window.crm.invoke in the page, as the renderer's client does. */
function invokeInPage(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    ([name, data]) =>
      (window as unknown as { crm: { invoke: (c: string, i: unknown) => Promise<unknown> } }).crm.invoke(name, data),
    [channel, input] as const,
  );
}

test.describe('the window.crm bridge', () => {
  test('exposes exactly invoke and on, frozen', async ({ app }) => {
    const shape = await app.page.evaluate(() => {
      const crm = (window as unknown as { crm: object }).crm;
      return { keys: Object.keys(crm).sort(), frozen: Object.isFrozen(crm) };
    });
    expect(shape).toEqual({ keys: ['invoke', 'on'], frozen: true });
  });

  test('reaches the real core and its database', async ({ app }) => {
    const reply = await invokeInPage(app.page, 'contacts.create', { name: 'Bridge Test', email: 'bridge@example.com' });
    expect(reply).toMatchObject({ ok: true, data: { name: 'Bridge Test' } });
    expect(app.core.db.prepare('SELECT email FROM contacts').pluck().all()).toEqual(['bridge@example.com']);
  });

  test('refuses a channel that is not in the contract', async ({ app }) => {
    await expect(invokeInPage(app.page, 'contacts.dropAll', {})).rejects.toThrow(/Unknown channel/);
  });

  test('bad input from the page gets a VALIDATION error naming the field and changes nothing', async ({ app }) => {
    const cases: Array<[string, unknown, string]> = [
      ['contacts.create', { name: 'x'.repeat(1024 * 1024) }, 'name'],
      ['contacts.create', { name: 42 }, 'name'],
      ['contacts.create', {}, 'name'],
      ['contacts.create', { name: 'Anna', role: 'admin' }, 'role'],
      ['contacts.update', { id: 'one', name: 'Anna' }, 'id'],
      ['contacts.list', { limit: 1e9 }, 'limit'],
      ['contacts.get', { id: null }, 'id'],
    ];
    for (const [channel, input, field] of cases) {
      const reply = (await invokeInPage(app.page, channel, input)) as {
        ok: boolean;
        error?: { code: string; details?: { fields?: Array<{ field: string }> } };
      };
      expect({ channel, field, ok: reply.ok, code: reply.error?.code }).toEqual({
        channel,
        field,
        ok: false,
        code: 'VALIDATION',
      });
      expect(reply.error?.details?.fields?.map((issue) => issue.field)).toContain(field);
    }
    // A "__proto__" key is not tested here: Playwright's argument serialisation drops it on the
    // way in, where Electron's structured clone keeps it. electron/core/ipc/dispatch.test.ts
    // sends it to dispatch exactly as main receives it, for every channel.
    expect(app.core.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
  });

  test('refuses a call from a window that is not ours', async ({ app, context }) => {
    const stranger = await context.newPage();
    await stranger.goto(`${app.origin}/index.html`);
    const reply = await invokeInPage(stranger, 'contacts.create', { name: 'Intruder' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.core.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    await stranger.close();
  });
});
