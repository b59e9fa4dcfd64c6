import type { Page } from '@playwright/test';
import { call, count } from '../support/crm';
import { expect, test } from './app';

test.use({ locale: 'en-US' });

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const liveCount = (page: Page) => page.locator('.segment-editor__count');
const members = (page: Page) => page.getByRole('list', { name: 'People in this segment' });

test.describe('Segments', () => {
  test('build a segment with two groups, watch the count change, save it, see its people, open Contacts filtered by it', async ({
    app,
  }) => {
    const { page, core } = app;
    const vip = await call(core, 'tags.create', { name: 'VIP ⭐', color: 'red' });
    const press = await call(core, 'tags.create', { name: 'Presse', color: 'blue' });
    const people = [
      ['Anna Berg', [vip.id]],
      ['Émile Zola', [vip.id, press.id]],
      ['Zoë Ångström', [press.id]],
      ['Bruno Costa', []],
      ['Oscar Jensen', []],
    ] as const;
    for (const [name, tagIds] of people) await call(core, 'contacts.create', { name, tagIds: [...tagIds] });
    const bruno = (await call(core, 'contacts.list', { search: 'Bruno' })).rows[0]!;
    await call(core, 'deals.create', { title: 'Costa renewal', contactId: bruno.id, stageId: 3 });
    await page.reload();

    await sections(page).getByRole('button', { name: 'Segments' }).click();
    await expect(page.getByRole('heading', { name: 'Group your contacts by what they have in common' })).toBeVisible();
    await page.getByRole('button', { name: 'New segment' }).first().click();

    // A new segment starts with "subscribed or not asked": everyone here.
    await expect(liveCount(page)).toContainText('5 people match');
    await page.getByLabel('Segment name').fill('VIPs and open deals 🚀');

    // Group 1 matches all; its first condition becomes a tag condition, then an inner "any" group is added.
    await page.getByLabel('Condition 1 of group 1: what to test').selectOption({ label: 'Tags' });
    await expect(liveCount(page)).toContainText('Choose at least one tag.');
    await page.getByRole('group', { name: 'Condition 1 of group 1: tags' }).getByLabel('VIP ⭐').check();
    await expect(liveCount(page)).toContainText('2 people match');
    await page.getByLabel('Group 1: match').selectOption('any');
    await page.getByRole('button', { name: 'Add group' }).first().click();
    const inner = 'Condition 1 of group 1.2';
    await page.getByLabel(`${inner}: what to test`).selectOption({ label: 'Deal stage' });
    await page
      .getByRole('group', { name: `${inner}: stages` })
      .getByLabel('Proposal')
      .check();
    await expect(liveCount(page)).toContainText('3 people match');
    await expect(members(page).getByRole('listitem')).toHaveText([/Anna Berg/, /Bruno Costa/, /Émile Zola/]);
    await app.screenshot('segment-editor');

    await page.getByRole('button', { name: 'Save segment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Segment added' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Saved segments' })).toContainText('VIPs and open deals 🚀');
    await expect(page.getByRole('navigation', { name: 'Saved segments' })).toContainText('3 people');
    expect(count(core, 'SELECT count(*) FROM segments')).toBe(1);

    // Saved and unchanged: nothing to save.
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    // The narrow window stacks the list above the editor.
    await page.setViewportSize({ width: 700, height: 800 });
    await app.screenshot('segment-editor-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Show in Contacts' }).click();
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await expect(page.getByText('3 matches')).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(4);
    await expect(grid).toContainText('Bruno Costa');
    await expect(grid).not.toContainText('Oscar Jensen');
    await expect(page.getByRole('button', { name: 'Segment 1 on' })).toBeVisible();
    await app.screenshot('contacts-filtered-by-segment');

    // Clicking a member opens the contact.
    await sections(page).getByRole('button', { name: 'Segments' }).click();
    await page
      .getByRole('navigation', { name: 'Saved segments' })
      .getByRole('button', { name: /VIPs and open deals/ })
      .click();
    await members(page).getByRole('button', { name: /Zola/ }).click();
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('Émile Zola');
  });

  test('a segment whose custom field was deleted says what to fix and counts nobody; Delete asks first', async ({
    app,
  }) => {
    const { page, core } = app;
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    await call(core, 'contacts.create', { name: 'Anna Berg', custom: { [budget.id]: 50 } });
    await call(core, 'segments.create', {
      name: 'Big budgets',
      definition: { match: 'all', conditions: [{ kind: 'customField', fieldId: budget.id, op: 'gt', value: 10 }] },
    });
    await call(core, 'customFields.delete', { id: budget.id });
    await page.reload();

    await sections(page).getByRole('button', { name: 'Segments' }).click();
    const saved = page.getByRole('navigation', { name: 'Saved segments' });
    await expect(saved).toContainText('Needs fixing');
    await saved.getByRole('button', { name: /Big budgets/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'needs fixing' })).toContainText(
      'This segment uses the custom field “Budget”, which was deleted; edit it to remove that condition.',
    );
    await expect(liveCount(page)).toContainText('Not counted');
    await app.screenshot('segment-problem');

    // Removing the condition fixes it: the count comes back.
    await page.getByRole('button', { name: 'Remove condition 1 of group 1' }).click();
    await expect(liveCount(page)).toContainText('1 person matches');
    await expect(page.getByRole('status').filter({ hasText: 'needs fixing' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Big budgets”?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Delete segment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Segment deleted' })).toBeVisible();
    expect(count(core, 'SELECT count(*) FROM segments')).toBe(0);
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(1);
  });

  test('changes to a segment are never lost without asking: another segment or screen asks Save / Discard / Keep editing', async ({
    app,
  }) => {
    const { page, core } = app;
    await call(core, 'contacts.create', { name: 'Anna Berg' });
    await call(core, 'segments.create', {
      name: 'Everyone',
      definition: { match: 'all', conditions: [{ kind: 'consent', values: ['subscribed', 'not_asked'] }] },
    });
    await call(core, 'segments.create', {
      name: 'Opted out',
      definition: { match: 'all', conditions: [{ kind: 'consent', values: ['unsubscribed'] }] },
    });
    await sections(page).getByRole('button', { name: 'Segments' }).click();
    await page.getByRole('button', { name: /^Everyone/ }).click();
    await page.getByLabel('Segment name').fill('Everyone we know');

    await page.getByRole('button', { name: /^Opted out/ }).click();
    const question = page.getByRole('dialog', { name: /^Save your changes to/ });
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expect(page.getByLabel('Segment name')).toHaveValue('Everyone we know');

    await sections(page).getByRole('button', { name: 'Contacts' }).click();
    await question.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
    expect((await call(core, 'segments.list', {})).segments.map((segment) => segment.name)).toEqual([
      'Everyone we know',
      'Opted out',
    ]);
  });

  test('a lead-source condition offers the lead-source list to tick', async ({ app }) => {
    const { page, core } = app;
    await call(core, 'contacts.create', { name: 'Anna Berg', leadSource: 'Referral' });
    await call(core, 'contacts.create', { name: 'Bruno Costa', leadSource: 'Website' });
    await call(core, 'contacts.create', { name: 'Carla Diaz' });
    await sections(page).getByRole('button', { name: 'Segments' }).click();
    await page.getByRole('button', { name: 'New segment' }).first().click();
    await page.getByLabel('Condition 1 of group 1: what to test').selectOption({ label: 'Lead source' });
    const sources = page.getByRole('group', { name: 'Condition 1 of group 1: lead sources' });
    await expect(sources.getByRole('checkbox')).toHaveCount(6);
    await sources.getByLabel('Referral').check();
    await expect(liveCount(page)).toContainText('1 person matches');
    await sources.getByLabel('Website').check();
    await expect(liveCount(page)).toContainText('2 people match');
    await expect(members(page).getByRole('listitem')).toHaveText([/Anna Berg/, /Bruno Costa/]);
  });
});
