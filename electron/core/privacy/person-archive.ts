import { stringify } from 'csv-stringify/sync';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { BlobStore } from '../attachments/blob-store';
import { syncFile, syncFolder } from '../durable-files';
import { partialPathFor } from '../export/file-names';
import { neutraliseFormula } from '../export/formula-injection';
import { safeFileName, uniqueNames } from './archive-names';
import type { Cell, PersonData, Row, SectionName } from './person-data';

/** Each table's CSV, and what the README says it holds. */
const csvFiles: Array<{ section: SectionName; file: string; about: string }> = [
  { section: 'company', file: 'company.csv', about: 'the company they belong to' },
  { section: 'consentHistory', file: 'consent-history.csv', about: 'every change to their marketing consent' },
  { section: 'deals', file: 'deals.csv', about: 'deals they are the contact of' },
  { section: 'activities', file: 'activities.csv', about: 'notes, calls, meetings, emails and tasks about them' },
  { section: 'history', file: 'history.csv', about: 'their timeline: every change made to their record' },
  { section: 'campaignMemberships', file: 'campaigns.csv', about: 'campaigns they are in, with their status' },
  { section: 'campaignEvents', file: 'campaign-events.csv', about: 'every status change in those campaigns' },
  { section: 'messages', file: 'messages.csv', about: 'messages queued or sent to them' },
  { section: 'files', file: 'files.csv', about: 'their files, and where each is in this archive' },
];

/** "occurredAt" → "Occurred at": CSV headers in words. */
const title = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (first) => first.toUpperCase())
    .replace(/ ([A-Z])(?=[a-z])/g, (_, letter: string) => ` ${letter.toLowerCase()}`);

/** A CSV as Excel opens it (UTF-8 with a BOM, CRLF); text a spreadsheet would run as a formula starts with an apostrophe. */
function csvOf(
  columns: readonly string[],
  rows: readonly Row[],
  headers: readonly string[] = columns.map(title),
): string {
  const cell = (value: Cell) => (value === null ? '' : typeof value === 'string' ? neutraliseFormula(value) : value);
  return (
    '\ufeff' +
    stringify(
      [headers.map(neutraliseFormula), ...rows.map((row) => columns.map((column) => cell(row[column] ?? null)))],
      { record_delimiter: 'windows' },
    )
  );
}

function readme(data: PersonData, madeAt: Date, appVersion: string, fileNames: readonly string[]): string {
  const lines = [
    `Everything Rolodesk holds about ${data.contact.name}`,
    '',
    `Made on ${madeAt.toISOString().slice(0, 10)} at ${madeAt.toISOString().slice(11, 16)} UTC by Rolodesk ${appVersion}, in answer to a request to see one's personal data.`,
    'Everything was read at one moment, so the parts agree with each other.',
    '',
    'What is in this archive:',
    '- person.json: all of it in one file (for a program to read), with their custom fields and tags.',
    '- contact.csv: their own record: name, email, phone, company, notes, lead source and UTM, marketing consent, custom fields, tags.',
    ...csvFiles.map(({ file, about, section }) => `- ${file}: ${about} (${data.sections[section].rows.length}).`),
    `- files/: their files (${fileNames.length}), named as in Rolodesk (a name used twice gets a number).`,
    '',
    'The CSV files open in Excel and other spreadsheet programs. Text that a spreadsheet would run as a formula starts with an apostrophe.',
    'Times are in UTC (coordinated universal time).',
    '',
  ];
  return lines.join('\r\n');
}

/**
 * Writes the person's archive: person.json, the CSVs, their files and a
 * README. Written beside the destination under a temporary name, flushed to
 * disk and renamed into place, so a crash or a full disk leaves no half file
 * under the chosen name.
 */
export async function writePersonArchive(
  data: PersonData,
  store: BlobStore,
  destination: string,
  madeAt: Date,
  appVersion: string,
): Promise<void> {
  const unique = uniqueNames();
  const placed = data.files.map((file) => ({
    ...file,
    inArchive: `files/${unique(safeFileName(file.fileName, file.mimeType))}`,
  }));
  const filesSection = {
    columns: [...data.sections.files.columns, 'inArchive'],
    rows: data.sections.files.rows.map((row, at) => ({ ...row, inArchive: placed[at]!.inArchive })),
  };
  const sections = { ...data.sections, files: filesSection };
  const person = {
    madeAt: madeAt.toISOString(),
    contact: data.contact,
    customFields: data.customFields,
    tags: data.tags,
    ...sections,
  };
  const json = Object.fromEntries(
    Object.entries(person).map(([key, value]) => [
      key,
      value && typeof value === 'object' && 'rows' in value ? value.rows : value,
    ]),
  );

  const contactColumns = Object.keys(data.contact);
  const customLabels = Object.keys(data.customFields);
  // Custom fields by their own labels, kept apart from the built-in columns (a field may be called "Email" too).
  const contactRow: Row = {
    ...data.contact,
    ...Object.fromEntries(customLabels.map((label) => [`custom:${label}`, data.customFields[label]!])),
    tags: data.tags.join(', '),
  };
  const zip = new ZipFile();
  const text = (content: string, name: string) => zip.addBuffer(Buffer.from(content, 'utf8'), name, { mtime: madeAt });
  text(
    readme(
      data,
      madeAt,
      appVersion,
      placed.map((file) => file.inArchive),
    ),
    'README.txt',
  );
  text(`${JSON.stringify(json, null, 2)}\n`, 'person.json');
  text(
    csvOf(
      [...contactColumns, ...customLabels.map((label) => `custom:${label}`), 'tags'],
      [contactRow],
      [...contactColumns.map(title), ...customLabels, 'Tags'],
    ),
    'contact.csv',
  );
  for (const { section, file } of csvFiles) text(csvOf(sections[section].columns, sections[section].rows), file);
  // Photos and PDFs are compressed already: stored as they are.
  for (const file of placed)
    zip.addFile(store.pathFor(file.sha256), file.inArchive, { compress: false, mtime: madeAt });
  zip.end();

  const partial = partialPathFor(destination);
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    await syncFile(partial);
    await rename(partial, destination);
    syncFolder(dirname(destination));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
