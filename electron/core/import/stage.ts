import type { CustomField } from '../../../shared/schemas/custom-field';
import type { ImportKind, Mapping, SourceInfo } from '../../../shared/schemas/import';
import type { JobTools } from '../jobs/job-list';
import { dateOrderEvidence, type DateOrder } from './dates';
import { withDecimalPoint } from './decimal-comma';
import { readSource } from './read/source';
import { mapRow } from './rows';
import { openStaging, type Staging } from './staging';
import { checkMapping } from './targets';

export type ImportPhase = 'reading' | 'checking' | 'writing';

/** What an import job reports beside its fraction: the import.progress event's phase and rows. */
export interface PhaseProgress {
  phase: ImportPhase;
  rows: number;
}

/** Reports a phase's progress at most five times a second (a 100,000-row file must not send 100,000 messages). */
export function phaseReporter(tools: JobTools, phase: ImportPhase) {
  let last = 0;
  return (fraction: number, rows: number, force = false): void => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    tools.progress(Math.max(0, Math.min(1, fraction)), { phase, rows } satisfies PhaseProgress);
  };
}

/** Everything that decides what an import of one file does; the same for its preview and its run. */
export interface ImportSpec {
  /** The live database (jobs name their file so a restore can stop them). */
  file: string;
  /** The file being imported. */
  source: string;
  info: SourceInfo;
  kind: ImportKind;
  mapping: Mapping;
  duplicates: 'skip' | 'fill' | 'overwrite' | 'create';
  /** A consent column may change people who opted out (else they keep their status). */
  overwriteOptOuts: boolean;
  dateOrder: 'auto' | DateOrder;
  /** Where this run keeps the file's rows while it works (deleted after). */
  stagingFile: string;
  customFields: CustomField[];
}

/**
 * Reads the whole file into staging (each row sorted by the mapping as it
 * is read back), and works out the date order from the dates of custom date
 * columns when it is 'auto'. In a semicolon-separated file, custom numbers
 * have a decimal comma. The file is read exactly once per preview or run.
 */
export async function stageFile(
  spec: ImportSpec,
  tools: JobTools,
): Promise<{ staging: Staging; dateOrder: DateOrder; rows: number }> {
  checkMapping(spec.kind, spec.mapping, spec.info.headers, spec.customFields);
  const dateColumns = spec.mapping.flatMap((target, column) => {
    const field = spec.customFields.find((candidate) => `custom:${candidate.id}` === target);
    return field?.type === 'date' ? [column] : [];
  });
  const decimalCommaFields =
    spec.info.delimiter !== ';'
      ? []
      : spec.customFields.filter((field) => field.type === 'number').map((field) => String(field.id));
  const spreadsheet = spec.info.format !== 'vcard';
  const staging = openStaging(spec.stagingFile, (row) => {
    const mapped = mapRow(row, spec.mapping, spec.info.headers, { spreadsheet });
    for (const id of decimalCommaFields)
      if (mapped.custom[id] !== undefined) mapped.custom[id] = withDecimalPoint(mapped.custom[id]);
    return mapped;
  });
  const evidence = dateOrderEvidence();
  const report = phaseReporter(tools, 'reading');
  let rows = 0;
  let fraction = 0;
  try {
    for await (const row of readSource(spec.source, spec.info, { onProgress: (done) => (fraction = done) })) {
      for (const column of dateColumns) evidence.see(row.cells[column] ?? '');
      staging.add(row);
      rows++;
      report(fraction, rows);
    }
    staging.flush();
    report(1, rows, true);
  } catch (error) {
    staging.close();
    throw error;
  }
  return { staging, dateOrder: spec.dateOrder === 'auto' ? evidence.order() : spec.dateOrder, rows };
}
