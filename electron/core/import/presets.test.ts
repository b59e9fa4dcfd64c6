import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { call } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { CustomField } from '../../../shared/schemas/custom-field';
import { suggestMapping } from './presets';
import { importTempFolder } from './handlers';

const mapped = (headers: string[], mapping: string[]) =>
  Object.fromEntries(headers.map((header, column) => [header, mapping[column]]));

describe('mapping presets recognised from the header row', () => {
  it('Google Contacts, the new CSV: extra emails and phones to notes, labels to tags', () => {
    const headers = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Organization Name',
      'Organization Title',
      'Birthday',
      'Notes',
      'Labels',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'E-mail 2 - Label',
      'E-mail 2 - Value',
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Phone 2 - Label',
      'Phone 2 - Value',
    ];
    const suggestion = suggestMapping('contact', headers, 'csv');
    expect(suggestion.preset).toBe('Google Contacts');
    expect(mapped(headers, suggestion.mapping)).toEqual({
      'First Name': 'firstName',
      'Middle Name': 'ignore',
      'Last Name': 'lastName',
      'Organization Name': 'company',
      'Organization Title': 'notes',
      Birthday: 'notes',
      Notes: 'notes',
      Labels: 'tag',
      'E-mail 1 - Label': 'ignore',
      'E-mail 1 - Value': 'email',
      'E-mail 2 - Label': 'ignore',
      'E-mail 2 - Value': 'notes',
      'Phone 1 - Label': 'ignore',
      'Phone 1 - Value': 'phone',
      'Phone 2 - Label': 'ignore',
      'Phone 2 - Value': 'notes',
    });
  });

  it('Google Contacts, the old CSV (Given Name / Family Name, Group Membership)', () => {
    const headers = [
      'Name',
      'Given Name',
      'Family Name',
      'Group Membership',
      'E-mail 1 - Type',
      'E-mail 1 - Value',
      'Phone 1 - Type',
      'Phone 1 - Value',
      'Organization 1 - Name',
      'Organization 1 - Title',
    ];
    const suggestion = suggestMapping('contact', headers, 'csv');
    expect(suggestion.preset).toBe('Google Contacts');
    expect(suggestion.mapping).toEqual([
      'name',
      'firstName',
      'lastName',
      'tag',
      'ignore',
      'email',
      'ignore',
      'phone',
      'company',
      'notes',
    ]);
  });

  it('Outlook', () => {
    const headers = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Title',
      'Company',
      'Job Title',
      'Business Phone',
      'Mobile Phone',
      'E-mail Address',
      'E-mail 2 Address',
      'Notes',
      'Categories',
    ];
    const suggestion = suggestMapping('contact', headers, 'csv');
    expect(suggestion.preset).toBe('Outlook');
    expect(suggestion.mapping).toEqual([
      'firstName',
      'ignore',
      'lastName',
      'notes',
      'company',
      'notes',
      'phone',
      'notes',
      'email',
      'notes',
      'notes',
      'tag',
    ]);
  });

  it('HubSpot, contacts and companies', () => {
    const people = [
      'Record ID',
      'First Name',
      'Last Name',
      'Email',
      'Phone Number',
      'Company Name',
      'Job Title',
      'Contact owner',
      'Lifecycle Stage',
    ];
    expect(suggestMapping('contact', people, 'csv')).toEqual({
      preset: 'HubSpot',
      mapping: ['ignore', 'firstName', 'lastName', 'email', 'phone', 'company', 'notes', 'ignore', 'ignore'],
    });
    const companies = [
      'Record ID',
      'Company name',
      'Company Domain Name',
      'Phone Number',
      'Industry',
      'Street Address',
      'City',
    ];
    expect(suggestMapping('company', companies, 'csv')).toEqual({
      preset: 'HubSpot',
      mapping: ['ignore', 'name', 'website', 'phone', 'industry', 'address', 'notes'],
    });
  });

  it('Pipedrive, people and organizations', () => {
    const people = [
      'Person - Name',
      'Person - Organization',
      'Person - Email - Work',
      'Person - Email - Home',
      'Person - Phone - Work',
      'Person - Phone - Mobile',
      'Person - Labels',
    ];
    expect(suggestMapping('contact', people, 'csv')).toEqual({
      preset: 'Pipedrive',
      mapping: ['name', 'company', 'email', 'notes', 'phone', 'notes', 'tag'],
    });
    const organizations = [
      'Organization - Name',
      'Organization - Address',
      'Organization - Labels',
      'Organization - Industry',
    ];
    expect(suggestMapping('company', organizations, 'csv')).toEqual({
      preset: 'Pipedrive',
      mapping: ['name', 'address', 'tag', 'industry'],
    });
  });

  it('a vCard file’s fixed columns, for people and for companies', () => {
    const headers = [
      'Full name',
      'Given name',
      'Family name',
      'Organization',
      'Title',
      'Email',
      'Email 2',
      'Phone',
      'Phone 2',
      'Address',
      'Website',
      'Birthday',
      'Note',
      'Categories',
    ];
    expect(suggestMapping('contact', headers, 'vcard')).toEqual({
      preset: 'vCard',
      mapping: [
        'name',
        'firstName',
        'lastName',
        'company',
        'notes',
        'email',
        'notes',
        'phone',
        'notes',
        'notes',
        'notes',
        'notes',
        'notes',
        'tag',
      ],
    });
    expect(suggestMapping('company', headers, 'vcard').mapping).toEqual([
      'notes',
      'ignore',
      'ignore',
      'name',
      'ignore',
      'notes',
      'notes',
      'phone',
      'notes',
      'address',
      'website',
      'notes',
      'notes',
      'tag',
    ]);
  });

  it('a plain Excel list in other words and languages; nothing recognised says so', () => {
    expect(
      suggestMapping('contact', ['Vorname', 'Nachname', 'Mail', 'Telephone', 'Firm', 'Comments', 'Shoe size'], 'xlsx'),
    ).toEqual({
      preset: 'Plain list',
      mapping: ['firstName', 'lastName', 'email', 'phone', 'company', 'notes', 'ignore'],
    });
    expect(suggestMapping('contact', ['Column 1', 'Column 2'], 'csv')).toEqual({
      preset: null,
      mapping: ['ignore', 'ignore'],
    });
  });
});

describe('columns titled like a custom field, and Rolodesk’s own export', () => {
  let nextId = 1;
  const field = (kind: CustomField['kind'], label: string): CustomField => ({
    id: nextId++,
    kind,
    label,
    type: 'text',
    choices: [],
    position: 0,
    createdAt: '2026-12-01T00:00:00.000Z',
  });
  const tier = field('contact', 'Customer tier');
  const notes = field('contact', 'Notes');
  const region = field('company', 'Région');

  it('a column titled like a custom field goes to it (any capitals or accents); one of another kind does not', () => {
    const headers = ['Name', 'CUSTOMER TIER', 'Region', 'Shoe size'];
    expect(suggestMapping('contact', headers, 'csv', [tier, notes, region]).mapping).toEqual([
      'name',
      `custom:${tier.id}`,
      'ignore',
      'ignore',
    ]);
    expect(suggestMapping('company', headers, 'csv', [tier, notes, region]).mapping).toEqual([
      'name',
      'ignore',
      `custom:${region.id}`,
      'ignore',
    ]);
  });

  it('a built-in field’s own title stays that field’s; the export’s “(custom field)” title goes to the custom field', () => {
    const headers = ['Name', 'Notes', 'Notes (custom field)'];
    expect(suggestMapping('contact', headers, 'csv', [notes]).mapping).toEqual(['name', 'notes', `custom:${notes.id}`]);
  });

  it('a Rolodesk export: every column has its place but the time stamps, which are ignored', () => {
    const contacts = [
      'Name',
      'Email',
      'Phone',
      'Company',
      'Notes',
      'Created',
      'Updated',
      'Customer tier',
      'Notes (custom field)',
      'Tags',
    ];
    expect(mapped(contacts, suggestMapping('contact', contacts, 'csv', [tier, notes, region]).mapping)).toEqual({
      Name: 'name',
      Email: 'email',
      Phone: 'phone',
      Company: 'company',
      Notes: 'notes',
      Created: 'ignore',
      Updated: 'ignore',
      'Customer tier': `custom:${tier.id}`,
      'Notes (custom field)': `custom:${notes.id}`,
      Tags: 'tag',
    });
    const companies = [
      'Name',
      'Website',
      'Phone',
      'Address',
      'Industry',
      'Notes',
      'Created',
      'Updated',
      'Région',
      'Tags',
    ];
    expect(suggestMapping('company', companies, 'xlsx', [tier, region]).mapping).toEqual([
      'name',
      'website',
      'phone',
      'address',
      'industry',
      'notes',
      'ignore',
      'ignore',
      `custom:${region.id}`,
      'tag',
    ]);
    // Where records came from and their consent go back to their fields, so an export imports again.
    const marketing = [
      'Name',
      'Lead source',
      'UTM source',
      'UTM medium',
      'UTM campaign',
      'Marketing consent',
      'Consent changed',
    ];
    expect(suggestMapping('contact', marketing, 'csv').mapping).toEqual([
      'name',
      'leadSource',
      'utmSource',
      'utmMedium',
      'utmCampaign',
      'consent',
      'ignore',
    ]);
    // Tags by their other usual titles too.
    expect(suggestMapping('contact', ['Name', 'Categories', 'Labels'], 'csv').mapping).toEqual(['name', 'tag', 'tag']);
  });

  it('a vCard’s custom field columns go to the fields of those labels', () => {
    const headers = [
      'Full name',
      'Given name',
      'Family name',
      'Organization',
      'Title',
      'Email',
      'Phone',
      'Address',
      'Website',
      'Birthday',
      'Note',
      'Categories',
      'Customer tier',
      'Notes (custom field)',
    ];
    expect(suggestMapping('contact', headers, 'vcard', [tier, notes]).mapping.slice(-4)).toEqual([
      'notes',
      'tag',
      `custom:${tier.id}`,
      `custom:${notes.id}`,
    ]);
    // Labels no field has go to the notes ("Shoe size: 42"), so nothing of the card is lost.
    expect(suggestMapping('contact', [...headers, 'Shoe size'], 'vcard', [tier]).mapping.slice(-4)).toEqual([
      'tag',
      `custom:${tier.id}`,
      'notes',
      'notes',
    ]);
  });
});

describe('preset files through the whole import', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('an Excel list of companies (second sheet chosen) imports with its mapping', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const path = join(tempDir(), 'clients.xlsx');
    await writeExcelFile([
      { sheet: 'Notes', data: [['Just a note']] },
      {
        sheet: 'Clients',
        data: [
          ['Company', 'Web', 'Industry', 'Tags'],
          ['Acme GmbH', 'acme.example', 'Engineering', 'Key; Germany'],
          ['Globex', 'globex.example', 'Media', ''],
        ],
      },
    ] as never).toFile(path);
    desktop.importFile = path;
    const opened = (await call(core, 'import.open', { kind: 'company', source: { type: 'dialog' } }))!;
    const inspection = await call(core, 'import.inspect', { importId: opened.importId, read: { sheet: 'Clients' } });
    expect(inspection.info).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Clients'], sheet: 'Clients' });
    expect(inspection.suggested).toEqual(['name', 'website', 'industry', 'tag']);
    const summary = await call(core, 'import.run', {
      importId: opened.importId,
      read: { sheet: 'Clients' },
      mapping: inspection.suggested,
    });
    expect(summary).toMatchObject({ created: 2, rejected: 0 });
    const { rows } = await call(core, 'companies.list', {});
    expect(rows.map((row) => [row.name, row.website, row.industry])).toEqual([
      ['Acme GmbH', 'acme.example', 'Engineering'],
      ['Globex', 'globex.example', 'Media'],
    ]);
  });

  it('a dropped file arrives in chunks, is imported from its copy, and the copy is deleted on close', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const bytes = Buffer.from('Name,Email\nAnna,anna@example.com\n');
    const { uploadId } = await call(core, 'import.uploadStart', { fileName: 'dropped.csv', size: bytes.length });
    expect(
      await call(core, 'import.uploadChunk', { uploadId, offset: 0, data: bytes.subarray(0, 10).toString('base64') }),
    ).toEqual({ received: 10 });
    await call(core, 'import.uploadChunk', { uploadId, offset: 10, data: bytes.subarray(10).toString('base64') });
    const opened = (await call(core, 'import.open', { kind: 'contact', source: { type: 'upload', uploadId } }))!;
    expect(opened.fileName).toBe('dropped.csv');
    const inspection = await call(core, 'import.inspect', { importId: opened.importId, read: {} });
    expect(inspection.info.fileName).toBe('dropped.csv');
    expect(await call(core, 'import.run', { importId: opened.importId, mapping: inspection.suggested })).toMatchObject({
      created: 1,
    });
    expect((await call(core, 'import.list', {})).imports[0]!.fileName).toBe('dropped.csv');
    expect(
      readdirSync(importTempFolder(core.paths.database)).filter((name) => name.startsWith('upload-')),
    ).toHaveLength(1);
    expect(await call(core, 'import.close', { importId: opened.importId })).toEqual({ closed: true });
    expect(readdirSync(importTempFolder(core.paths.database))).toEqual([]);
    const gone = await core.dispatch('import.inspect', { importId: opened.importId, read: {} });
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This file is no longer open for import. Please choose it again.' },
    });
    // A cancelled Open dialog opens nothing.
    desktop.importFile = undefined;
    expect(await call(core, 'import.open', { kind: 'contact', source: { type: 'dialog' } })).toBeNull();
  });
});
