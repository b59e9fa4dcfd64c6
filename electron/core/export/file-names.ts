import type { ExportFormat } from '../../../shared/schemas/export';
import type { FieldedKind } from '../../../shared/schemas/record';
import { nouns } from '../records/kinds';

const extensions: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', vcard: 'vcf' };

/** What the save dialog suggests: "Contacts 2026-12-06.csv". */
export function suggestedFileName(kind: FieldedKind, format: ExportFormat, now: Date): string {
  const noun = nouns[kind].many;
  return `${noun[0]!.toUpperCase()}${noun.slice(1)} ${now.toISOString().slice(0, 10)}.${extensions[format]}`;
}

/** The temporary name an export is written under, beside its destination (so the final rename stays on one disk). */
export function partialPathFor(destination: string): string {
  const slash = Math.max(destination.lastIndexOf('/'), destination.lastIndexOf('\\'));
  return `${destination.slice(0, slash + 1)}.${destination.slice(slash + 1)}.partial`;
}
