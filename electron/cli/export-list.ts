import { extname } from 'node:path';
import type { ExportFormat, CsvDelimiter, ExportResult } from '../../shared/schemas/export';
import { vcardOnlyForContacts } from '../../shared/schemas/export';
import type { FieldedKind } from '../../shared/schemas/record';
import { countOf } from '../core/records/kinds';

/** What `export --kind …` was asked, checked before the data is opened. */
export interface ListExportPlan {
  kind: FieldedKind;
  format: ExportFormat;
  delimiter?: CsvDelimiter;
}

const kinds: Record<string, FieldedKind> = { contacts: 'contact', companies: 'company', deals: 'deal' };
const formats: Record<string, ExportFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.vcf': 'vcard' };
// The character itself, or its name as the import command takes it.
const delimiters: Record<string, CsvDelimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';' };

/** The plan, or why the options do not make one (the caller shows it with the usage). */
export function listExportPlan(options: {
  kind: string;
  to: string;
  delimiter?: string | undefined;
}): ListExportPlan | string {
  const kind = kinds[options.kind];
  if (!kind) return `--kind must be contacts, companies or deals, not "${options.kind}".`;
  const format = formats[extname(options.to).toLowerCase()];
  if (!format) return `--to must name a .csv, .xlsx or .vcf file, not "${options.to}".`;
  if (format === 'vcard' && kind !== 'contact')
    return vcardOnlyForContacts.replace('Choose CSV or Excel for this list.', 'Write a .csv or .xlsx file instead.');
  if (options.delimiter === undefined) return { kind, format };
  if (format !== 'csv') return '--delimiter is only for a .csv file.';
  const delimiter = delimiters[options.delimiter];
  if (!delimiter) return `--delimiter must be "," or ";" (or comma or semicolon), not "${options.delimiter}".`;
  return { kind, format, delimiter };
}

/** The export.list request for a plan: every record of the kind, in its list's default order. */
export function listExportRequest(plan: ListExportPlan) {
  return {
    list: { kind: plan.kind, query: {} },
    format: plan.format,
    ...(plan.delimiter ? { delimiter: plan.delimiter } : {}),
  };
}

/** "Exported 1,234 contacts to out.csv". */
export function exportedLine(plan: ListExportPlan, result: ExportResult, to: string): string {
  return `Exported ${countOf(plan.kind, result.rows)} to ${to}`;
}
