// Issue 11, point 13: an export imports back into an empty Rolodesk with the same records, fields, tags and
// custom values — with the mapping the import suggests, nothing chosen by hand.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CsvDelimiter, ExportFormat } from '../../shared/schemas/export';
import type { ImportKind } from '../../shared/schemas/import';
import { openCore, type Core } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { useCores } from '../support/core';
import { call } from '../support/crm';
import { openFile } from '../support/import-files';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';
import { stringMatching } from '../support/matchers';

/** The custom fields both databases hold: one of each type per kind, and one labelled like a built-in column. */
const contactFields = [
  { label: 'Tier', type: 'choice', choices: ['Gold', 'Silver'] },
  { label: 'Score', type: 'number', choices: [] },
  { label: 'Customer since', type: 'date', choices: [] },
  { label: 'Nickname', type: 'text', choices: [] },
  { label: 'Notes', type: 'text', choices: [] },
  // Titled like the built-in Email once accents and punctuation are ignored: exported with the suffix, read back into this field.
  { label: 'É-mail', type: 'text', choices: [] },
] as const;
const companyFields = [
  { label: 'Employees', type: 'number', choices: [] },
  { label: 'Région', type: 'text', choices: [] },
  { label: 'Founded', type: 'date', choices: [] },
  { label: 'Size', type: 'choice', choices: ['Small', 'Large'] },
] as const;

async function createFields(core: Core) {
  const create = (
    kind: 'contact' | 'company',
    field: { label: string; type: 'choice' | 'number' | 'date' | 'text'; choices: readonly string[] },
  ) => call(core, 'customFields.create', { kind, label: field.label, type: field.type, choices: [...field.choices] });
  const contact: Record<string, number> = {};
  for (const field of contactFields) contact[field.label] = (await create('contact', field)).id;
  const company: Record<string, number> = {};
  for (const field of companyFields) company[field.label] = (await create('company', field)).id;
  return { contact, company };
}

// Ten thousand characters (the notes' limit), with accents, line breaks, quotes and both separators in them.
const longNotes = Array.from({ length: 400 }, (_, line) => `Zeile ${String(line).padStart(3, '0')}: «ça»; "x", y`)
  .join('\n')
  .padEnd(10_000, 'é')
  .slice(0, 10_000);

/** A database with the records a real office has, and the ones that try an export's edges. */
async function seed(core: Core) {
  const fields = await createFields(core);
  const tag = async (name: string) => (await call(core, 'tags.create', { name })).id;
  const [vip, press, cafe, firm] = [
    await tag('VIP'),
    await tag('Press'),
    await tag('Café ☕'),
    await tag('Smith, Jones & Co'),
  ];
  const societe = await call(core, 'companies.create', {
    name: 'Société Générale',
    website: 'https://societegenerale.example',
    phone: '+33 1 42 14 20 00',
    address: '29 Boulevard Haussmann\n75009 Paris',
    industry: 'Banking',
    notes: '=HYPERLINK("http://evil.example")',
    tagIds: [vip],
    custom: {
      [fields.company.Employees!]: 117_000,
      [fields.company['Région']!]: 'Île-de-France',
      [fields.company.Founded!]: '1864-05-04',
      [fields.company.Size!]: 'Large',
    },
  });
  const acme = await call(core, 'companies.create', {
    name: '@Acme; Ltd, "the best"',
    industry: '-',
    custom: { [fields.company.Employees!]: 1_234_567.5, [fields.company.Size!]: 'Small' },
  });
  await call(core, 'companies.create', { name: 'Zürich Versicherung 🏔' });
  const c = fields.contact;
  await call(core, 'contacts.create', {
    name: 'Chloé Dubois 🎉',
    email: 'chloe@example.fr',
    phone: '+33 1 23 45 67 89',
    companyId: societe.id,
    notes: 'Line one\nLine "two"; comma, semicolon\n\tindented',
    tagIds: [vip, press, cafe, firm],
    custom: {
      [c.Tier!]: 'Gold',
      [c.Score!]: -5.25,
      [c['Customer since']!]: '2019-04-01',
      [c.Nickname!]: 'Clo, the 1st; "boss"',
      [c.Notes!]: 'A custom note',
    },
  });
  await call(core, 'contacts.create', {
    name: '=SUM(A1)',
    phone: '+44 20 7946 0958',
    companyId: acme.id,
    notes: '=1+1 is not a formula',
    custom: {
      [c.Score!]: 3,
      [c.Nickname!]: "'=quoted by hand",
      [c.Tier!]: 'Silver',
      [c['É-mail']!]: 'private@example.com',
    },
  });
  await call(core, 'contacts.create', {
    name: 'Jürgen Weiß',
    email: 'jw@example.de',
    notes: longNotes,
    tagIds: [press],
    custom: { [c['Customer since']!]: '1999-12-31' },
  });
  await call(core, 'contacts.create', {
    name: '👩‍💻 Dev 😀 Person',
    email: 'dev@example.com',
    phone: '-2+3',
    custom: { [c.Nickname!]: '@home', [c.Score!]: 1.234 },
  });
  await call(core, 'contacts.create', { name: 'Ann' });
}

/** Everything a round trip keeps, by names rather than ids: each contact and each company, sorted by name. */
async function contents(core: Core) {
  const { tags } = await call(core, 'tags.list', {});
  const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
  const tagsOf = (ids: number[]) =>
    ids
      .map((id) => tagName.get(id)!)
      .filter((name) => !/^Imported \d{4}-\d{2}-\d{2}$/.test(name))
      .sort();
  const labels = async (kind: 'contact' | 'company') =>
    new Map((await call(core, 'customFields.list', { kind })).fields.map((field) => [String(field.id), field.label]));
  const contactLabel = await labels('contact');
  const companyLabel = await labels('company');
  const byLabel = (custom: Record<string, unknown>, label: Map<string, string>) =>
    Object.fromEntries(
      Object.entries(custom)
        .map(([field, value]) => [label.get(field)!, value] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );

  const companies = await Promise.all(
    (await call(core, 'companies.list', { limit: 500 })).rows.map(async ({ id }) => {
      const { name, website, phone, address, industry, notes, tagIds, custom } = await call(core, 'companies.get', {
        id,
      });
      return {
        name,
        website,
        phone,
        address,
        industry,
        notes,
        tags: tagsOf(tagIds),
        custom: byLabel(custom, companyLabel),
      };
    }),
  );
  const companyName = new Map(
    (await call(core, 'companies.list', { limit: 500 })).rows.map((row) => [row.id, row.name]),
  );
  const contacts = await Promise.all(
    (await call(core, 'contacts.list', { limit: 500 })).rows.map(async ({ id }) => {
      const { name, email, phone, company, companyId, notes, tagIds, custom } = await call(core, 'contacts.get', {
        id,
      });
      return {
        name,
        email,
        phone,
        company,
        linkedTo: companyId === null ? null : companyName.get(companyId),
        notes,
        tags: tagsOf(tagIds),
        custom: byLabel(custom, contactLabel),
      };
    }),
  );
  const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name));
  return { contacts: byName(contacts), companies: byName(companies) };
}

const extension: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', vcard: 'vcf' };

async function exportList(
  core: Core,
  desktop: RecordingDesktop,
  kind: ImportKind,
  format: ExportFormat,
  path: string,
  delimiter?: CsvDelimiter,
) {
  desktop.saveLocation = path;
  const list =
    kind === 'contact' ? ({ kind: 'contact', query: {} } as const) : ({ kind: 'company', query: {} } as const);
  const result = await call(core, 'export.list', { list, format, ...(delimiter ? { delimiter } : {}) });
  expect(result).toMatchObject({ saved: true });
}

/** Imports a file as the wizard would with everything left as suggested; every row must be created. */
async function importAsSuggested(core: Core, desktop: RecordingDesktop, path: string, kind: ImportKind, rows: number) {
  const file = await openFile(core, desktop, path, kind);
  const summary = await file.run();
  expect({
    created: summary.created,
    updated: summary.updated,
    skipped: summary.skipped,
    rejected: summary.rejected,
  }).toEqual({ created: rows, updated: 0, skipped: 0, rejected: 0 });
  return file.inspection;
}

const cliPath = resolve(__dirname, '../../electron/cli/index.ts');
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('round trip: an export imports back into an empty Rolodesk unchanged', () => {
  const tempDir = useTempDirs();
  const openCoreAt = useCores();

  const cases: Array<{ title: string; format: ExportFormat; delimiter?: CsvDelimiter }> = [
    { title: 'CSV with commas', format: 'csv' },
    { title: 'CSV with semicolons (decimal commas)', format: 'csv', delimiter: ';' },
    { title: 'Excel .xlsx', format: 'xlsx' },
    { title: 'vCard (contacts; their companies come from ORG)', format: 'vcard' },
  ];

  for (const { title, format, delimiter } of cases) {
    it(title, async () => {
      const desktop = recordingDesktop();
      const source = await openCoreAt(tempDir(), { desktop });
      await seed(source);
      const out = tempDir();
      const contactsFile = join(out, `contacts.${extension[format]}`);
      await exportList(source, desktop, 'contact', format, contactsFile, delimiter);

      const target = await openCoreAt(tempDir(), { desktop });
      await createFields(target);
      const before = await contents(source);
      if (format !== 'vcard') {
        const companiesFile = join(out, `companies.${extension[format]}`);
        await exportList(source, desktop, 'company', format, companiesFile, delimiter);
        await importAsSuggested(target, desktop, companiesFile, 'company', before.companies.length);
      }
      const inspection = await importAsSuggested(target, desktop, contactsFile, 'contact', before.contacts.length);
      // Nothing was left for the user to map: every column the export wrote has its place but the time stamps
      // (an import records its own: a consent it sets says "changed now, by an import").
      const ignored = inspection.info.headers.filter((_, column) => inspection.suggested[column] === 'ignore');
      expect(ignored).toEqual(format === 'vcard' ? [] : ['Created', 'Updated', 'Consent changed']);
      const after = await contents(target);

      expect(after.contacts).toEqual(before.contacts);
      if (format === 'vcard') {
        // A vCard holds people: their companies come back by name, linked, and nothing else of them.
        expect(after.companies.map((company) => company.name)).toEqual(
          before.contacts.flatMap((contact) => contact.linkedTo ?? []).sort((a, b) => a.localeCompare(b)),
        );
      } else {
        expect(after.companies).toEqual(before.companies);
      }
    });
  }

  it('through the command line: export, then import into an empty data folder', async () => {
    const from = tempDir();
    const source = await openCore({ dataDir: from, logger: memoryLogger(), appVersion: 'test' });
    await seed(source);
    const before = await contents(source);
    await source.close();
    const to = tempDir();
    const target = await openCore({ dataDir: to, logger: memoryLogger(), appVersion: 'test' });
    await createFields(target);
    await target.close();

    const out = tempDir();
    for (const kind of ['companies', 'contacts']) {
      const file = join(out, `${kind}.csv`);
      expect(cli('export', '--data-dir', from, '--kind', kind, '--to', file, '--delimiter', 'semicolon')).toMatchObject(
        { code: 0 },
      );
      const imported = cli('import', '--data-dir', to, '--file', file, '--kind', kind);
      expect(imported).toMatchObject({
        code: 0,
        out: stringMatching(
          new RegExp(
            `: ${kind === 'contacts' ? before.contacts.length : before.companies.length} created, 0 updated, 0 skipped, 0 rejected`,
          ),
        ),
      });
    }

    const reopened = await openCore({ dataDir: to, logger: memoryLogger(), appVersion: 'test' });
    try {
      expect(await contents(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }
  });
});
