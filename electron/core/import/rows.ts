import type { z } from 'zod';
import { readExactNumber } from '../../../shared/exact-number';
import { companyFieldSchemas, companyLimits } from '../../../shared/schemas/company';
import { contactFieldSchemas, contactLimits } from '../../../shared/schemas/contact';
import { customTextLimit, tooLong } from '../../../shared/schemas/common';
import type { CustomField } from '../../../shared/schemas/custom-field';
import type { ColumnTarget, ImportKind, Mapping, SourceRow } from '../../../shared/schemas/import';
import { LeadSourceValue, leadSourceLimits, utmFieldSchemas } from '../../../shared/schemas/lead-source';
import { tagLimits } from '../../../shared/schemas/tag';
import type { StoredValue } from '../custom-fields/repo';
import { ConsentCell } from './consent-words';
import { readDate, type DateOrder } from './dates';
import { withoutFormulaMark } from './formula-mark';
import { normalHeader } from '../records/column-titles';
import { customFieldId, fieldLabels } from './targets';

/**
 * A row of the file sorted by where its cells go, before anything is
 * checked: what staging keeps (with the cells as they were, for the CSV of
 * rejected rows). Dates stay as typed until the file's date order is known.
 */
export interface MappedRow {
  line: number;
  cells: string[];
  /** The reader found the row unusable (ragged). */
  problem?: string;
  fields: Record<string, string>;
  /** "Header: value" for every extra column sent to the notes. */
  noteLines: string[];
  tags: string[];
  custom: Record<string, string>;
}

/** A row as it will be stored, or why it cannot be. */
export interface CheckedRow {
  line: number;
  /** The kind's built-in fields, every one, '' when blank (first and last name joined into name). */
  values: Record<string, string>;
  tags: string[];
  /** Custom values by field number, as stored. */
  custom: Record<string, StoredValue>;
  problems: string[];
}

const notesHeaders = /^(person|organization)?(notes?|comments?|description|remarks)$/;

/**
 * Tag names in one cell: split on semicolons (how Rolodesk exports them, so a
 * name with a comma survives) or Google's " ::: " when there are any, else on
 * commas (how HubSpot and Pipedrive list labels).
 */
export const splitTags = (cell: string): string[] =>
  cell
    .split(/;|:::/.test(cell) ? /;|:::/ : /,/)
    .map((name) =>
      name
        .trim()
        .replace(/^\*\s*/, '')
        .trim(),
    )
    .filter((name) => name !== '');

/**
 * Sorts one row's cells by the mapping (checked before: one column per field
 * but notes and tag), each without an export's formula mark; `cells` keeps
 * them as the file has them, for the CSV of rejected rows.
 */
export function mapRow(
  row: SourceRow,
  mapping: Mapping,
  headers: readonly string[],
  { spreadsheet }: { spreadsheet: boolean },
): MappedRow {
  const mapped: MappedRow = { line: row.line, cells: row.cells, fields: {}, noteLines: [], tags: [], custom: {} };
  if (row.problem !== undefined) mapped.problem = row.problem;
  mapping.forEach((target: ColumnTarget, column) => {
    const cell = spreadsheet ? withoutFormulaMark(row.cells[column] ?? '') : (row.cells[column] ?? '');
    if (target === 'ignore' || cell.trim() === '') return;
    if (target === 'tag') mapped.tags.push(...splitTags(cell));
    else if (target === 'notes') {
      // A notes column is the notes themselves; any other column sent there is labelled with its header.
      const header = headers[column] ?? `Column ${column + 1}`;
      if (mapped.fields.notes === undefined && notesHeaders.test(normalHeader(header)))
        mapped.fields.notes = cell.trim();
      else mapped.noteLines.push(`${header}: ${cell.trim()}`);
    } else if (customFieldId(target) !== undefined) mapped.custom[String(customFieldId(target))] = cell;
    else mapped.fields[target] = cell;
  });
  return mapped;
}

/** The name a row would be stored under: the name column, else first and last name joined. */
export function rowName(row: MappedRow): string {
  const name = (row.fields.name ?? '').trim();
  if (name !== '') return name;
  return [row.fields.firstName, row.fields.lastName]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join(' ');
}

// A lead source not in the list is added to it by the run (write.ts); a consent cell is a word for a status (consent-words.ts).
const marketingSchemas = { leadSource: LeadSourceValue, ...utmFieldSchemas };
const marketingLimits = {
  leadSource: leadSourceLimits.name,
  utmSource: leadSourceLimits.utm,
  utmMedium: leadSourceLimits.utm,
  utmCampaign: leadSourceLimits.utm,
};
const schemas: Record<ImportKind, Record<string, z.ZodType<string>>> = {
  contact: {
    name: contactFieldSchemas.name,
    email: contactFieldSchemas.email,
    phone: contactFieldSchemas.phone,
    company: contactFieldSchemas.company,
    notes: contactFieldSchemas.notes,
    ...marketingSchemas,
    consent: ConsentCell,
  },
  company: { ...companyFieldSchemas, ...marketingSchemas },
};
const limits: Record<ImportKind, Record<string, number>> = {
  contact: { ...contactLimits, ...marketingLimits, consent: 40 },
  company: { ...companyLimits, ...marketingLimits },
};

/**
 * Each kind's fields with their checks, listed once. A blank cell's check is
 * made here too, once per field: a large file has blank cells in most rows,
 * and every check allocates objects that outlive V8's quick collections, so
 * the write's memory grew with the file.
 */
const fieldChecks = Object.fromEntries(
  (['contact', 'company'] as const).map((kind) => [
    kind,
    Object.entries(schemas[kind]).map(([field, schema]) => ({
      field,
      schema,
      label: fieldLabels[field]!,
      limit: limits[kind][field]!,
      blank: schema.safeParse(''),
    })),
  ]),
) as Record<
  ImportKind,
  Array<{
    field: string;
    schema: z.ZodType<string>;
    label: string;
    limit: number;
    blank: ReturnType<z.ZodType<string>['safeParse']>;
  }>
>;

/** "Email: that does not look like…" unless the form's message names the field already ("Notes is too long…"). */
function worded(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}

function customValue(
  field: CustomField,
  typed: string,
  dateOrder: DateOrder,
): { value: StoredValue } | { problem: string } {
  const text = typed.trim();
  switch (field.type) {
    case 'text':
      return text.length > customTextLimit
        ? { problem: tooLong(field.label, text.length, customTextLimit) }
        : { value: text };
    case 'number': {
      // "1,5" from a European sheet means one and a half; "1,500" with a point elsewhere groups thousands.
      const normal =
        /^[-+]?\d+,\d+$/.test(text) && !/^[-+]?\d{1,3}(,\d{3})+$/.test(text)
          ? text.replace(',', '.')
          : text.replace(/,(?=\d{3}(\D|$))/g, '');
      const reading = readExactNumber(normal, field.label);
      return reading.ok ? { value: reading.value } : { problem: reading.message };
    }
    case 'date': {
      const date = readDate(text, dateOrder);
      return date
        ? { value: date }
        : {
            problem: `${field.label}: “${text.slice(0, 40)}” is not a date Rolodesk can read (use ${dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year'} or YYYY-MM-DD).`,
          };
    }
    case 'choice': {
      const choice = field.choices.find((option) => option.toLowerCase() === text.toLowerCase());
      return choice !== undefined
        ? { value: choice }
        : {
            problem: `${field.label}: “${text.slice(0, 40)}” is not one of its choices (${field.choices.join(', ')}).`,
          };
    }
  }
}

/**
 * Checks a row with the rules the forms use (lengths, email and web address
 * patterns, custom values by type) and builds the values it will be stored
 * with. Each problem is a sentence naming the field.
 */
export function checkRow(
  kind: ImportKind,
  row: MappedRow,
  customFields: ReadonlyMap<string, CustomField>,
  dateOrder: DateOrder,
): CheckedRow {
  const problems: string[] = [];
  if (row.problem !== undefined) problems.push(row.problem);
  const notes =
    row.noteLines.length === 0
      ? (row.fields.notes ?? '')
      : [row.fields.notes ?? '', ...row.noteLines].filter((part) => part !== '').join('\n');
  const values: Record<string, string> = {};
  for (const { field, schema, label, limit, blank } of fieldChecks[kind]) {
    const text = field === 'name' ? rowName(row) : field === 'notes' ? notes : (row.fields[field] ?? '');
    if (field === 'name' && text.trim() === '') {
      problems.push(
        kind === 'contact' ? 'The row has no name (no name, first name or last name).' : 'The row has no company name.',
      );
      values[field] = '';
      continue;
    }
    const parsed = text === '' ? blank : schema.safeParse(text);
    if (parsed.success) values[field] = parsed.data;
    else {
      values[field] = text.length > limit ? `${text.slice(0, 60)}…` : text;
      problems.push(worded(label, parsed.error.issues[0]?.message ?? 'not a usable value.'));
    }
  }
  const tags: string[] = [];
  for (const name of row.tags) {
    if (name.length > tagLimits.name)
      problems.push(
        `Tag “${name.slice(0, 30)}…” is too long: ${name.length.toLocaleString('en')} characters, at most ${tagLimits.name}.`,
      );
    else if (!tags.some((known) => known.toLowerCase() === name.toLowerCase())) tags.push(name);
  }
  const custom: Record<string, StoredValue> = {};
  for (const [id, text] of Object.entries(row.custom)) {
    const field = customFields.get(id);
    if (!field) continue;
    const result = customValue(field, text, dateOrder);
    if ('problem' in result) problems.push(result.problem);
    else if (result.value !== '') custom[id] = result.value;
  }
  return { line: row.line, values, tags, custom, problems };
}
