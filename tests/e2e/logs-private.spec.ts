import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { dataPaths } from '../../electron/core/paths';
import { leaksIn, privacyMarkers as m } from '../support/privacy-markers';
import { expect, test, type RolodeskApp } from './app';

// The harness writes the app's own log file, <data>/logs/main.log, as main does.
test.use({ logFile: true, locale: 'en-US' });

const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact details' });
const contactRow = (page: Page, name: string) =>
  page.getByRole('grid', { name: 'Contacts' }).getByRole('row', { name: new RegExp(name) });

/** Calls window.crm.invoke in the page, as the renderer's client does: the same bridge and dispatch as every screen. */
async function invoke<T = unknown>(
  page: Page,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; data?: T; error?: { message: string } }> {
  return page.evaluate(
    ([name, data]) =>
      (window as unknown as { crm: { invoke: (c: string, i: unknown) => Promise<never> } }).crm.invoke(name, data),
    [channel, input] as const,
  );
}

async function must<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await invoke<T>(page, channel, input);
  expect(result.ok, `${channel}: ${result.error?.message}`).toBe(true);
  return result.data as T;
}

async function refused(page: Page, channel: string, input: unknown): Promise<string> {
  const result = await invoke(page, channel, input);
  expect(result.ok, `${channel} should be refused`).toBe(false);
  return result.error!.message;
}

/** Everything main.log holds after the data folder's own start line, which alone may name the folder. */
async function logAfterStart(app: RolodeskApp): Promise<string> {
  await app.quit();
  const text = readFileSync(join(dataPaths(app.dataDir).logs, 'main.log'), 'utf8');
  const [first, ...rest] = text.split('\n');
  expect(first).toContain(`data folder: ${app.dataDir}`);
  return rest.join('\n');
}

async function createContactInForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('Name').fill(m.contact);
  await page.getByLabel('Email').fill(m.email);
  await page.getByLabel('Notes').fill(m.note);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(m.contact);
}

test.describe('the log file keeps no personal data', () => {
  test('a run through every screen’s actions leaves no name, address, file name, note or value in main.log', async ({
    app,
    scratch,
  }) => {
    test.slow(); // a long walk: every screen's actions, a backup restore among them
    const page = app.page;

    // Contacts: a new contact typed in the form, a note logged on its timeline, a search for it.
    await createContactInForm(page);
    await panel(page).getByLabel('Note', { exact: true }).fill(`${m.note}\nsecond line`);
    await panel(page).getByRole('button', { name: 'Log note' }).click();
    await expect(panel(page).getByRole('list', { name: 'Timeline' })).toContainText(m.note);
    await page.getByRole('searchbox', { name: 'Search' }).fill(m.search);
    await expect(contactRow(page, m.contact)).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');

    // A company, a deal, a tag, a custom field value, through the same bridge the screens use.
    const contactId = (
      await must<{ rows: Array<{ id: number; version: number }> }>(page, 'contacts.list', {
        offset: 0,
        limit: 5,
        search: m.search,
      })
    ).rows[0]!.id;
    const company = await must<{ id: number }>(page, 'companies.create', { name: m.company, notes: m.note });
    const deal = await must<{ id: number; version: number }>(page, 'deals.create', {
      title: m.deal,
      contactId,
      companyId: company.id,
      valueMinor: 1000,
      currency: 'EUR',
    });
    const tag = await must<{ id: number }>(page, 'tags.create', { name: m.tag, color: 'red' });
    await must(page, 'tags.link', { record: { kind: 'contact', id: contactId }, tagId: tag.id });
    const field = await must<{ id: number }>(page, 'customFields.create', {
      kind: 'contact',
      label: 'Favourite colour',
      type: 'text',
    });
    const contact = await must<{ version: number }>(page, 'contacts.get', { id: contactId });
    await must(page, 'contacts.update', {
      id: contactId,
      version: contact.version,
      name: m.contact,
      email: m.email,
      custom: { [String(field.id)]: m.customValue },
    });
    await must(page, 'search.all', { text: m.search, perKind: 5 });

    // A refused action whose message names the record: an edit made from an old version.
    expect(await refused(page, 'deals.update', { id: deal.id, version: deal.version + 3, title: 'Other' })).toContain(
      m.deal,
    );

    // Marketing: a segment, a campaign from it, a template (a second with the same name is refused), a mail merge.
    const segment = await must<{ id: number }>(page, 'segments.create', {
      name: m.segment,
      definition: { match: 'all', conditions: [{ kind: 'tags', op: 'any', tagIds: [tag.id] }] },
    });
    const campaign = await must<{ id: number }>(page, 'campaigns.create', { name: m.campaign, channel: 'email' });
    await must(page, 'campaigns.addFromSegment', { campaignId: campaign.id, segmentId: segment.id });
    const template = await must<{ id: number }>(page, 'templates.create', {
      name: m.template,
      subject: 'Hello {{first_name}}',
      body: m.templateText,
      format: 'text',
    });
    expect(
      await refused(page, 'templates.create', { name: m.template, subject: 'x', body: 'y', format: 'text' }),
    ).toContain(m.template);
    app.desktop.saveLocation = join(scratch, `${m.fileName}.merge.csv`);
    await must(page, 'templates.exportCsv', { campaignId: campaign.id, templateId: template.id });

    // Import a small CSV with markers in its cells and its name, then undo it.
    const csv = join(scratch, `${m.fileName}.import.csv`);
    writeFileSync(csv, `Name,Email,Notes\n${m.importName},${m.importEmail},${m.importNote}\n`);
    app.desktop.importFile = csv;
    const opened = await must<{ importId: string }>(page, 'import.open', {
      kind: 'contact',
      source: { type: 'dialog' },
    });
    await must(page, 'import.inspect', { importId: opened.importId, read: {} });
    const run = await must<{ runId: number }>(page, 'import.run', {
      importId: opened.importId,
      mapping: ['name', 'email', 'notes'],
      duplicates: 'skip',
    });
    await must(page, 'import.undo', { runId: run.runId });
    expect(await refused(page, 'import.undo', { runId: run.runId })).toContain(m.fileName);

    // Export the contact list to a file the user named.
    app.desktop.saveLocation = join(scratch, `${m.fileName}.export.csv`);
    await must(page, 'export.list', { list: { kind: 'contact', query: { sort: 'name' } }, format: 'csv' });

    // Backups: a snapshot, an export to a chosen file, a restore from that file.
    await must(page, 'backups.create', {});
    app.desktop.saveLocation = join(scratch, `${m.fileName}.backup.zip`);
    await must(page, 'backups.export', {});
    app.desktop.backupFile = app.desktop.saveLocation;
    await must(page, 'backups.restoreFromFile', {});
    await page.reload();

    // Trash and back, on the screens: delete the contact, restore it from the Trash.
    await contactRow(page, m.contact).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete contact' }).click();
    await expect(contactRow(page, m.contact)).toHaveCount(0);
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page
      .getByRole('list', { name: 'Deleted items' })
      .getByRole('button', { name: `Restore ${m.contact}` })
      .click();
    await expect(
      page.getByRole('list', { name: 'Deleted items' }).getByRole('button', { name: `Restore ${m.contact}` }),
    ).toHaveCount(0);
    await app.screenshot('logs-private-trash');

    const log = await logAfterStart(app);
    expect(leaksIn(log, [...Object.values(m), homedir()])).toEqual([]);
    // The actions are in it, by ids and fingerprints.
    expect(log).toMatch(/request failed \{\s*channel: 'deals\.update'/);
    expect(log).toMatch(/was changed since you opened it/);
    expect(log).toMatch(/“#[0-9a-f]{12}”/);
  });

  // The attachments' own log lines are fixed in electron/core/attachments by h-files: this fails until that is merged.
  test('adding an attachment on the contact panel leaves neither its name nor its path in main.log', async ({
    app,
    scratch,
  }) => {
    const page = app.page;
    await createContactInForm(page);
    const pdf = join(scratch, m.fileName);
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const attachments = panel(page).getByRole('region', { name: 'Attachments' });
    const chooser = page.waitForEvent('filechooser');
    await attachments.getByRole('button', { name: 'Add files', exact: true }).click();
    await (await chooser).setFiles([pdf]);
    await expect(attachments.getByRole('button', { name: `Remove ${m.fileName}`, exact: true })).toBeVisible();
    const log = await logAfterStart(app);
    expect(leaksIn(log, [...Object.values(m), homedir()])).toEqual([]);
  });
});
