import Database from 'better-sqlite3';
import {
  duplicateActions,
  type DuplicateAction,
  type ImportCounts,
  type Preview,
  type PreviewRow,
  type RowOutcome,
} from '../../../shared/schemas/import';
import type { JobTools } from '../jobs/job-list';
import { matchKeys, recordFinder, type FoundRecord } from './matching';
import { mergeInto, outcomeOf, type Merge, type RecordState } from './merge';
import { recordStates, tagNames } from './record-state';
import { checkRow, type CheckedRow } from './rows';
import { phaseReporter, stageFile, type ImportSpec } from './stage';
import { previewKeys, type LinesByAction, type PreviewKeys } from './preview-keys';

export const previewRows = 50;

type Match = PreviewRow['match'];

/** What one row gives under one duplicates choice. */
interface RowResult {
  outcome: RowOutcome;
  match: Match;
  /** The record after the merge, for a row that updates one. */
  merged?: Merge;
  /** The row would change the consent of someone who opted out (kept unless the plan says otherwise). */
  optOutChange: boolean;
}

/**
 * What an import would do, without doing it: the first 50 rows as they will
 * be stored, with their problems and outcome, and the counts over the whole
 * file for every duplicates choice at once (the wizard's duplicates step shows
 * them all; one pass instead of four over a big file). Reads the database on a
 * read-only connection of its own; duplicates within the file are found
 * through the keys of the rows passed (see previewKeys), as the run finds
 * them through the records it has just written.
 */
export async function previewImport(spec: ImportSpec, tools: JobTools): Promise<Preview> {
  const { staging, dateOrder, rows: total } = await stageFile(spec, tools);
  const db = new Database(spec.file, { readonly: true, fileMustExist: true });
  const earlier = previewKeys(`${spec.stagingFile}.keys`);
  try {
    const fields = new Map(spec.customFields.map((field) => [String(field.id), field]));
    const finder = recordFinder(db, spec.kind);
    const stateOf = recordStates(db, spec.kind, tagNames(db));
    const countsByAction = Object.fromEntries(
      duplicateActions.map((action) => [action, { create: 0, update: 0, skip: 0, reject: 0 }]),
    ) as Record<DuplicateAction, ImportCounts>;
    const rows: PreviewRow[] = [];
    // Lead sources compare as the list's column does (any capitals); the run adds the new ones.
    const listed = new Set(
      db
        .prepare<[], string>('SELECT name FROM lead_sources')
        .pluck()
        .all()
        .map((name) => name.toLowerCase()),
    );
    const newLeadSources = new Map<string, string>();
    let optOutChanges = 0;
    const report = phaseReporter(tools, 'checking');
    let done = 0;
    for (const mapped of staging.rows()) {
      const checked = checkRow(spec.kind, mapped, fields, dateOrder);
      const results =
        checked.problems.length === 0
          ? resultsByAction(spec.kind, checked, earlier, finder.find.bind(finder), stateOf, spec.overwriteOptOuts)
          : undefined;
      const leadSource = checked.problems.length === 0 ? (checked.values.leadSource ?? '') : '';
      if (leadSource !== '' && !listed.has(leadSource.toLowerCase()) && newLeadSources.size < 100)
        newLeadSources.set(leadSource.toLowerCase(), leadSource);
      // Only Overwrite can change a status that is set, so that is the count the duplicates step asks about.
      if (results?.overwrite.optOutChange) optOutChanges++;
      for (const action of duplicateActions) countsByAction[action][results?.[action].outcome ?? 'reject']++;
      if (rows.length < previewRows) {
        const shown = results?.[spec.duplicates];
        // An update shows the record as it will be after the merge.
        const stored = shown?.merged?.values ?? checked.values;
        rows.push({
          line: checked.line,
          fields: stored,
          tags: checked.tags,
          custom: checked.custom,
          outcome: shown?.outcome ?? 'reject',
          problems: checked.problems,
          match: shown?.match ?? null,
        });
      }
      done++;
      report(done / Math.max(total, 1), done);
    }
    return {
      rows,
      counts: countsByAction[spec.duplicates],
      countsByAction,
      dateOrder,
      optOutChanges,
      newLeadSources: [...newLeadSources.values()],
    };
  } finally {
    db.close();
    earlier.close();
    staging.close();
  }
}

/**
 * A valid row's outcome under each duplicates choice. The records it matches
 * are the same for every choice (looked up once); the earlier rows it matches
 * are not: under 'skip' a matching earlier row was not written, under 'create'
 * it was.
 */
function resultsByAction(
  kind: ImportSpec['kind'],
  checked: CheckedRow,
  earlier: PreviewKeys,
  findRecord: (key: string) => FoundRecord | undefined,
  stateOf: (id: number) => RecordState | undefined,
  overwriteOptOuts: boolean,
): Record<DuplicateAction, RowResult> {
  const keys = matchKeys(kind, checked.values);
  const matches = new Map<DuplicateAction, Match>();
  for (const key of keys) {
    if (matches.size === duplicateActions.length) break;
    const record = findRecord(key);
    const lines: LinesByAction = record ? {} : earlier.linesOf(key);
    for (const action of duplicateActions) {
      if (matches.has(action)) continue;
      const line = lines[action];
      if (record) matches.set(action, { type: 'record', id: record.id, name: record.name });
      else if (line !== undefined) matches.set(action, { type: 'row', line });
    }
  }
  let current: RecordState | undefined | null = null;
  const results = {} as Record<DuplicateAction, RowResult>;
  const writtenUnder: DuplicateAction[] = [];
  for (const action of duplicateActions) {
    const match = matches.get(action) ?? null;
    let outcome: RowOutcome = outcomeOf(match !== null, action);
    let merged: Merge | undefined;
    let optOutChange = false;
    if (outcome === 'update' && match?.type === 'record') {
      if (current === null) current = stateOf(match.id);
      merged = current && mergeInto(current, checked, action === 'overwrite' ? 'overwrite' : 'fill', overwriteOptOuts);
      optOutChange = merged?.optOutChange ?? false;
      if (merged && !merged.changed) {
        outcome = 'skip';
        merged = undefined;
      }
    }
    if (outcome === 'create' || outcome === 'update') writtenUnder.push(action);
    results[action] = { outcome, match, merged, optOutChange };
  }
  earlier.remember(keys, checked.line, writtenUnder);
  return results;
}
