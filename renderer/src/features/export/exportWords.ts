import type { CsvDelimiter, ExportFormat } from '../../../../shared/schemas/export';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { countOf } from '../../lib/format';

const wholeNumber = new Intl.NumberFormat(undefined);

export interface FormatChoice {
  format: ExportFormat;
  label: string;
  explain: string;
}

/** The file types a list can be written to; vCard only for people. */
export function formatChoices(kind: FieldedKind, singular: string): FormatChoice[] {
  const choices: FormatChoice[] = [
    {
      format: 'csv',
      label: 'CSV (.csv)',
      explain: 'Opens in Excel, Numbers, Google Sheets and almost any other program.',
    },
    { format: 'xlsx', label: 'Excel workbook (.xlsx)', explain: `One sheet, one row per ${singular}.` },
  ];
  if (kind === 'contact')
    choices.push({
      format: 'vcard',
      label: 'vCard (.vcf)',
      explain: 'Contact cards for Outlook, Apple or Google Contacts, or a phone.',
    });
  return choices;
}

export const delimiterChoices: ReadonlyArray<{ delimiter: CsvDelimiter; label: string }> = [
  { delimiter: ',', label: 'Comma' },
  { delimiter: ';', label: 'Semicolon, for Excel in countries that use a decimal comma' },
];

/** What the progress line says: "Writing 12,000 of 30,000 contacts…". */
export function progressWords(rows: number, total: number | null, plural: string): string {
  if (rows === 0) return 'Starting…';
  if (total === null || total < rows) return `Writing ${wholeNumber.format(rows)} ${plural}…`;
  return `Writing ${wholeNumber.format(rows)} of ${wholeNumber.format(total)} ${plural}…`;
}

/** The toast after a finished export: "Exported 1,234 contacts to Contacts 2026-12-06.csv". */
export function exportedWords(rows: number, singular: string, plural: string, fileName: string | undefined): string {
  const what = `Exported ${countOf(rows, singular, plural)}`;
  return fileName ? `${what} to ${fileName}` : what;
}

/** What narrows a list, as the dialog reminds the user: "the search “acme” and the tag filter"; null when nothing does. */
export function narrowedBy(query: {
  search?: string | undefined;
  tagIds?: readonly number[] | undefined;
  custom?: readonly unknown[] | undefined;
}): string | null {
  const parts: string[] = [];
  const search = query.search?.trim() ?? '';
  if (search !== '') parts.push(`the search “${search}”`);
  if ((query.tagIds?.length ?? 0) > 0) parts.push('the tag filter');
  if ((query.custom?.length ?? 0) > 0) parts.push('the field filters');
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
