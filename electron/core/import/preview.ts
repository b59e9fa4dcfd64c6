import Database from 'better-sqlite3';
import type { Preview, PreviewRow, RowOutcome } from '../../../shared/schemas/import';
import type { JobTools } from '../jobs/job-list';
import { matchKeys, recordFinder } from './matching';
import { mergeInto, outcomeOf } from './merge';
import { recordStates, tagNames } from './record-state';
import { checkRow } from './rows';
import { phaseReporter, stageFile, type ImportSpec } from './stage';

export const previewRows = 50;

/**
 * What an import would do, without doing it: the first 50 rows as they will
 * be stored, with their problems and outcome, and the counts over the whole
 * file. Reads the database on a read-only connection of its own; duplicates
 * within the file are found through the staging file's keys, as the run
 * finds them through the records it has just written.
 */
export async function previewImport(spec: ImportSpec, tools: JobTools): Promise<Preview> {
  const { staging, dateOrder, rows: total } = await stageFile(spec, tools);
  const db = new Database(spec.file, { readonly: true, fileMustExist: true });
  try {
    const fields = new Map(spec.customFields.map((field) => [String(field.id), field]));
    const finder = recordFinder(db, spec.kind);
    const stateOf = recordStates(db, spec.kind, tagNames(db));
    const counts: Record<RowOutcome, number> = { create: 0, update: 0, skip: 0, reject: 0 };
    const rows: PreviewRow[] = [];
    const report = phaseReporter(tools, 'checking');
    let done = 0;
    for (const mapped of staging.rows()) {
      const checked = checkRow(spec.kind, mapped, fields, dateOrder);
      let outcome: RowOutcome = 'reject';
      let stored = checked.values;
      let match: PreviewRow['match'] = null;
      if (checked.problems.length === 0) {
        const keys = matchKeys(spec.kind, checked.values);
        for (const key of keys) {
          const record = finder.find(key);
          if (record) {
            match = { type: 'record', id: record.id, name: record.name };
            break;
          }
          const line = staging.keys.lineOf(key);
          if (line !== undefined) {
            match = { type: 'row', line };
            break;
          }
        }
        outcome = outcomeOf(match !== null, spec.duplicates);
        if (outcome === 'update' && match?.type === 'record') {
          const current = stateOf(match.id);
          const merge = current && mergeInto(current, checked, spec.duplicates === 'overwrite' ? 'overwrite' : 'fill');
          if (merge && !merge.changed) outcome = 'skip';
          // An update shows the record as it will be after the merge.
          else if (merge) stored = merge.values;
        }
        if (outcome === 'create' || outcome === 'update') for (const key of keys) staging.keys.remember(key, checked.line);
      }
      counts[outcome]++;
      if (rows.length < previewRows) {
        rows.push({ line: checked.line, fields: stored, tags: checked.tags, custom: checked.custom, outcome, problems: checked.problems, match });
      }
      done++;
      report(done / Math.max(total, 1), done);
    }
    return { rows, counts, dateOrder };
  } finally {
    db.close();
    staging.close();
  }
}
