import { minorDigits } from '../../../shared/currency';
import { customFieldSuffix, normalHeader } from '../records/column-titles';
import type { CustomField } from '../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../shared/schemas/record';
import { consentLabels } from '../../../shared/schemas/marketing';
import { dateCell, timeCell, type Cell } from './cells';
import type { CompanyRecord, ContactRecord, DealRecord, RecordOf } from './records';

/** One column of an export: its title in the header row, and its cell for a record. */
export interface Column<R> {
  title: string;
  value: (record: R) => Cell;
}

const text = (value: string | null): Cell => value;

const contactColumns: Array<Column<ContactRecord>> = [
  { title: 'Name', value: (r) => r.name },
  { title: 'Email', value: (r) => text(r.email) },
  { title: 'Phone', value: (r) => text(r.phone) },
  { title: 'Company', value: (r) => text(r.company) },
  { title: 'Notes', value: (r) => text(r.notes) },
  { title: 'Created', value: (r) => timeCell(r.createdAt) },
  { title: 'Updated', value: (r) => timeCell(r.updatedAt) },
  { title: 'Lead source', value: (r) => text(r.leadSource) },
  { title: 'UTM source', value: (r) => text(r.utmSource) },
  { title: 'UTM medium', value: (r) => text(r.utmMedium) },
  { title: 'UTM campaign', value: (r) => text(r.utmCampaign) },
  // In words, as an import reads them back.
  { title: 'Marketing consent', value: (r) => consentLabels[r.consent] },
  { title: 'Consent changed', value: (r) => timeCell(r.consentChangedAt) },
];

const companyColumns: Array<Column<CompanyRecord>> = [
  { title: 'Name', value: (r) => r.name },
  { title: 'Website', value: (r) => text(r.website) },
  { title: 'Phone', value: (r) => text(r.phone) },
  { title: 'Address', value: (r) => text(r.address) },
  { title: 'Industry', value: (r) => text(r.industry) },
  { title: 'Notes', value: (r) => text(r.notes) },
  { title: 'Created', value: (r) => timeCell(r.createdAt) },
  { title: 'Updated', value: (r) => timeCell(r.updatedAt) },
  { title: 'Lead source', value: (r) => text(r.leadSource) },
  { title: 'UTM source', value: (r) => text(r.utmSource) },
  { title: 'UTM medium', value: (r) => text(r.utmMedium) },
  { title: 'UTM campaign', value: (r) => text(r.utmCampaign) },
];

const dealColumns: Array<Column<DealRecord>> = [
  { title: 'Title', value: (r) => r.title },
  // In major units (5000 for €5,000.00), as a number: exact, since a value is a whole number of cents.
  { title: 'Value', value: (r) => r.valueMinor / 10 ** minorDigits(r.currency) },
  { title: 'Currency', value: (r) => r.currency },
  { title: 'Stage', value: (r) => r.stage },
  { title: 'Company', value: (r) => text(r.company) },
  { title: 'Contact', value: (r) => text(r.contact) },
  { title: 'Expected close', value: (r) => dateCell(r.expectedClose) },
  { title: 'Probability', value: (r) => r.probability },
  { title: 'Owner', value: (r) => text(r.owner) },
  { title: 'Notes', value: (r) => text(r.notes) },
  { title: 'Closed', value: (r) => timeCell(r.closedAt) },
  { title: 'Created', value: (r) => timeCell(r.createdAt) },
  { title: 'Updated', value: (r) => timeCell(r.updatedAt) },
];

const builtIn: { [K in FieldedKind]: Array<Column<RecordOf[K]>> } = {
  contact: contactColumns,
  company: companyColumns,
  deal: dealColumns,
};

/** A custom field's cell: dates as dates, numbers as numbers, text and choices as their text. */
function customColumn<R extends { custom: ReadonlyMap<number, string | number> }>(
  field: CustomField,
  title: string,
): Column<R> {
  return {
    title,
    value(record) {
      const value = record.custom.get(field.id);
      if (value === undefined) return null;
      if (field.type === 'date' && typeof value === 'string') return dateCell(value);
      return value;
    },
  };
}

/**
 * Every column of a kind's export: its built-in fields, each custom field
 * (by its label, in the order Settings shows them), then its tags (names
 * joined with "; "). A custom field labelled like a built-in column says so,
 * so no two columns share a title.
 */
export function columnsOf<K extends FieldedKind>(kind: K, fields: readonly CustomField[]): Array<Column<RecordOf[K]>> {
  const fixed = builtIn[kind] as Array<Column<RecordOf[K]>>;
  const taken = new Set([...fixed.map((column) => normalHeader(column.title)), 'tags']);
  const custom = fields
    .filter((field) => field.kind === kind)
    .map((field) =>
      customColumn<RecordOf[K]>(
        field,
        taken.has(normalHeader(field.label)) ? field.label + customFieldSuffix : field.label,
      ),
    );
  return [
    ...fixed,
    ...custom,
    { title: 'Tags', value: (record) => (record.tags.length === 0 ? null : record.tags.join('; ')) },
  ];
}
