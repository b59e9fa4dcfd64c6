import { z } from 'zod';
import type { ImportKind } from '../../../shared/schemas/import';
import { companiesRepo } from '../companies/repo';
import { consentWriter } from '../contacts/consent';
import { contactsRepo } from '../contacts/repo';
import type { ConsentStatus } from '../../../shared/schemas/marketing';
import { leadSourcesRepo } from '../lead-sources/repo';
import { customFieldsRepo } from '../custom-fields/repo';
import { migrations } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { companyNameKey } from '../duplicates/keys';
import type { JobTools } from '../jobs/job-list';
import { historyRepo } from '../records/history';
import { ownerColumn, tagTableOf } from '../records/kinds';
import { tagsRepo } from '../tags/repo';
import { companyBatch } from './company-batch';
import { contactBatch } from './contact-batch';
import { matchKeys, recordFinder } from './matching';
import { mergeInto, outcomeOf } from './merge';
import type { NewRecord } from './record-batch';
import { recordStates, tagNames } from './record-state';
import { checkRow, type CheckedRow, type MappedRow } from './rows';
import { phaseReporter, stageFile, type ImportSpec } from './stage';

/** The first rejected rows the summary shows; all of them are kept for the CSV. */
export const summaryRejectedRows = 200;

export interface RunSpec extends ImportSpec {
  fileName: string;
  /** When the import happened (the core's clock) and the tag every record it touches gets. */
  now: string;
  tagName: string;
}

export interface RunResult {
  runId: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  rejectedRows: Array<{ line: number; reasons: string[] }>;
  keptOptOuts: number;
  leadSourcesAdded: string[];
}

/** What undo puts back on a record the import changed, as stored with it. */
export const BeforeValues = z.object({
  values: z.record(z.string(), z.string()),
  companyId: z.int().nullable(),
  tagIds: z.array(z.int()),
  /** The custom values the import changed, as they were (null: there was none). */
  custom: z.record(z.string(), z.union([z.string(), z.number()]).nullable()),
});
export type BeforeValues = z.infer<typeof BeforeValues>;

/**
 * Reads the file into staging (no lock held), then writes every row in ONE
 * transaction on a connection of its own to the live database: the app's
 * own repositories (search index, versions, history, tags, custom values,
 * companies; new records a batch at a time, see recordBatch), matching
 * each row against the records as they stand inside the transaction (so a
 * row matches a record an earlier row created). The
 * import, what it created and changed (with the values before) and its
 * rejected rows are saved in the same transaction. Nothing is visible to
 * anyone until COMMIT; a failure, a cancel (the worker ended) or a crash
 * leaves the data exactly as it was.
 */
export async function runImport(spec: RunSpec, tools: JobTools): Promise<RunResult> {
  const { staging, dateOrder, rows: total } = await stageFile(spec, tools);
  let db: Db | undefined;
  try {
    // The live file, opened as the app opens it (pragmas checked), without another quick check.
    db = await openDatabase(spec.file, migrations, tools.logger, { checkBeforeUse: () => undefined });
    const live = db;
    live.exec('BEGIN IMMEDIATE');
    try {
      const result = writeRows(live, spec, staging.rows(), dateOrder, total, tools);
      live.exec('COMMIT');
      return result;
    } catch (error) {
      if (live.inTransaction) live.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db?.close();
    staging.close();
  }
}

function writeRows(
  db: Db,
  spec: RunSpec,
  rows: Iterable<MappedRow>,
  dateOrder: 'dmy' | 'mdy',
  total: number,
  tools: JobTools,
): RunResult {
  const { kind, now } = spec;
  const contacts = contactsRepo(db);
  const companies = companiesRepo(db);
  const tags = tagsRepo(db);
  const history = historyRepo(db);
  const names = tagNames(db);
  const stateOf = recordStates(db, kind, names);
  const finder = recordFinder(db, kind);
  const fields = customFieldsRepo(db);
  const fieldsById = new Map(spec.customFields.map((field) => [String(field.id), field]));
  const leadSources = leadSourcesRepo(db);
  const changeConsent = consentWriter(db);
  const leadSourcesAdded: string[] = [];
  let keptOptOuts = 0;

  /** The row's lead source in the list's spelling, added to the list when it is new (the summary names it). */
  function listedLeadSource(values: Record<string, string>): void {
    const typed = values.leadSource ?? '';
    if (typed === '') return;
    const { name, added } = leadSources.ensure(typed);
    if (added) leadSourcesAdded.push(name);
    values.leadSource = name;
  }
  const marketingOf = (values: Record<string, string>) => ({
    leadSource: values.leadSource ?? '',
    utmSource: values.utmSource ?? '',
    utmMedium: values.utmMedium ?? '',
    utmCampaign: values.utmCampaign ?? '',
  });
  /** A created person's consent from the file, through the consent writer (so the history says "by an import"). */
  const consentByImport = (id: number, consent: string | undefined) => {
    if (consent) changeConsent({ contactId: id, status: consent as ConsentStatus, source: 'import', at: now });
  };
  const insertRun = db.prepare<
    [{ kind: string; fileName: string; headers: string; tagName: string; now: string }],
    { id: number }
  >(
    `INSERT INTO imports (record_kind, file_name, headers, tag_name, created, updated, skipped, rejected, created_at)
     VALUES (@kind, @fileName, @headers, @tagName, 0, 0, 0, 0, @now) RETURNING id`,
  );
  const finishRun = db.prepare<[{ id: number; created: number; updated: number; skipped: number; rejected: number }]>(
    'UPDATE imports SET created = @created, updated = @updated, skipped = @skipped, rejected = @rejected WHERE id = @id',
  );
  const touched = db.prepare<[{ run: number; kind: string; id: number; action: string; before: string | null }]>(
    `INSERT INTO import_records (import_id, record_kind, record_id, action, before) VALUES (@run, @kind, @id, @action, @before) ON CONFLICT DO NOTHING`,
  );
  const versionsAfter = (['contact', 'company'] as const).map((recordKind) =>
    db.prepare<[number]>(
      `UPDATE import_records SET version_after = (SELECT version FROM ${recordKind === 'contact' ? 'contacts' : 'companies'} WHERE id = record_id)
       WHERE import_id = ? AND record_kind = '${recordKind}'`,
    ),
  );
  // The import's tag goes on every record it created in one statement at the end, not one tag write per record.
  const tagCreated = (['contact', 'company'] as const).map((recordKind) =>
    db.prepare<[{ tag: number; run: number }]>(
      `INSERT INTO ${tagTableOf[recordKind]} (${ownerColumn[recordKind]}, tag_id)
       SELECT record_id, @tag FROM import_records WHERE import_id = @run AND record_kind = '${recordKind}' AND action = 'created' ON CONFLICT DO NOTHING`,
    ),
  );
  const linkTag = Object.fromEntries(
    (['contact', 'company'] as const).map((recordKind) => [
      recordKind,
      db.prepare<[number, number]>(
        `INSERT INTO ${tagTableOf[recordKind]} (${ownerColumn[recordKind]}, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
      ),
    ]),
  ) as Record<ImportKind, ReturnType<typeof db.prepare<[number, number]>>>;
  const createdByRun = db
    .prepare<[number, string, number], number>(
      "SELECT 1 FROM import_records WHERE import_id = ? AND record_kind = ? AND record_id = ? AND action = 'created'",
    )
    .pluck();
  const rejectRow = db.prepare<[number, number, string, string]>(
    'INSERT INTO import_rejected (import_id, line, cells, reasons) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const companyNamed = db
    .prepare<[string], number>('SELECT id FROM companies WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 2')
    .pluck();
  const companyByKey = db
    .prepare<[string], number>('SELECT id FROM companies WHERE name_key = ? AND deleted_at IS NULL ORDER BY id LIMIT 1')
    .pluck();

  const runId = insertRun.get({
    kind,
    fileName: spec.fileName,
    headers: JSON.stringify(spec.info.headers),
    tagName: spec.tagName,
    now,
  })!.id;

  function tagId(name: string): number {
    const known = names.idOf(name);
    if (known !== undefined) return known;
    const tag = tags.create(name, 'gray', now);
    names.add(tag.id, tag.name);
    return tag.id;
  }
  const importTag = tagId(spec.tagName);

  /** A created record: the import's tag noted in its history, so its timeline says where it came from. */
  function created(recordKind: ImportKind, id: number): void {
    history.add({ kind: recordKind, id }, [{ action: 'tagged', field: 'tags', newValue: spec.tagName }], now);
    touched.run({ run: runId, kind: recordKind, id, action: 'created', before: null });
  }

  /** A contact's company, linked by name: the company of that exact name, else of the same name key, else a new one. */
  function companyFor(text: string): number | null {
    if (text === '') return null;
    const exact = companyNamed.all(text);
    if (exact.length === 1) return exact[0]!;
    const similar = companyByKey.get(companyNameKey(text));
    if (similar !== undefined) return similar;
    const company = companies.create({ name: text, website: '', phone: '', address: '', industry: '', notes: '' }, now);
    created('company', company.id);
    return company.id;
  }

  const batch = { runId, now, tagName: spec.tagName };
  /** A record a batch wrote: the row's own tags and custom values. */
  function setExtras(ref: { kind: ImportKind; id: number }, record: NewRecord): void {
    if (record.tagIds) tags.set(ref, record.tagIds, now, false);
    if (record.custom) fields.set(ref, record.custom, now, false);
  }
  const newContacts = contactBatch(db, batch, (id, contact) => {
    setExtras({ kind: 'contact', id }, contact);
    consentByImport(id, contact.consent);
  });
  const newCompanies = companyBatch(db, batch, (id, company) => {
    setExtras({ kind: 'company', id }, company);
    finder.noteCompany(id, company.values.website);
  });
  const newRecords = kind === 'contact' ? newContacts : newCompanies;

  function create(row: CheckedRow, keys: readonly string[]): void {
    // The row's own tags; the import's tag comes at the end (tagCreated). No tags: no tag write at all.
    const rowTags = [...new Set(row.tags.map(tagId))].filter((id) => id !== importTag);
    const tagIds = rowTags.length > 0 ? rowTags : undefined;
    const custom = Object.keys(row.custom).length > 0 ? row.custom : undefined;
    if (kind === 'contact') {
      const { name = '', email = '', phone = '', company = '', notes = '' } = row.values;
      const consent = row.values.consent || undefined;
      newContacts.add({
        values: { name, email, phone, notes },
        companyId: companyFor(company),
        marketing: marketingOf(row.values),
        consent,
        tagIds,
        custom,
        keys,
      });
      return;
    }
    const { name = '', website = '', phone = '', address = '', industry = '', notes = '' } = row.values;
    newCompanies.add({
      values: { name, website, phone, address, industry, notes },
      marketing: marketingOf(row.values),
      tagIds,
      custom,
      keys,
    });
  }

  /** Merges the row into the record; false when that would change nothing (counted as skipped). */
  function update(id: number, row: CheckedRow, action: 'fill' | 'overwrite'): boolean {
    // A record an earlier row created carries the import's tag already, as far as history and undo are concerned.
    if (createdByRun.get(runId, kind, id) !== undefined) linkTag[kind].run(id, importTag);
    const current = stateOf(id);
    if (!current) return false;
    const merge = mergeInto(current, row, action, spec.overwriteOptOuts);
    if (merge.optOutChange && !spec.overwriteOptOuts) keptOptOuts++;
    if (!merge.changed) return false;
    const before: BeforeValues = {
      values: current.values,
      companyId: current.companyId,
      tagIds: current.tagIds,
      custom: Object.fromEntries(Object.keys(merge.custom).map((field) => [field, current.custom[field] ?? null])),
    };
    touched.run({ run: runId, kind, id, action: 'changed', before: JSON.stringify(before) });
    const tagIds = [...new Set([...current.tagIds, importTag, ...merge.addTags.map(tagId)])];
    if (kind === 'contact') {
      const { name = '', email = '', phone = '', company = '', notes = '' } = merge.values;
      const companyId = company === current.values.company ? current.companyId : companyFor(company);
      const consent = (merge.values.consent || 'not_asked') as ConsentStatus;
      contacts.update(
        id,
        {
          name,
          email,
          phone,
          company,
          notes,
          companyId,
          tagIds,
          custom: merge.custom,
          ...marketingOf(merge.values),
          consent,
          consentSource: 'import',
        },
        now,
      );
    } else {
      companies.update(id, { ...merge.values, tagIds, custom: merge.custom }, now);
      finder.noteCompany(id, merge.values.website ?? '');
    }
    return true;
  }

  const counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  const rejectedRows: RunResult['rejectedRows'] = [];
  const report = phaseReporter(tools, 'writing');
  let done = 0;
  for (const mapped of rows) {
    const row = checkRow(kind, mapped, fieldsById, dateOrder);
    if (row.problems.length === 0) listedLeadSource(row.values);
    if (row.problems.length > 0) {
      counts.rejected++;
      rejectRow.run(runId, row.line, JSON.stringify(mapped.cells), JSON.stringify(row.problems));
      if (rejectedRows.length < summaryRejectedRows) rejectedRows.push({ line: row.line, reasons: row.problems });
    } else {
      const keys = matchKeys(kind, row.values);
      newRecords.flushIfPending(keys);
      const match = finder.first(keys);
      const outcome = outcomeOf(match !== undefined, spec.duplicates);
      if (outcome === 'create') {
        create(row, keys);
        counts.created++;
      } else if (outcome === 'update' && update(match!.id, row, spec.duplicates === 'overwrite' ? 'overwrite' : 'fill'))
        counts.updated++;
      else counts.skipped++;
    }
    done++;
    report(done / Math.max(total, 1), done);
  }
  newRecords.flush();
  for (const statement of tagCreated) statement.run({ tag: importTag, run: runId });
  for (const statement of versionsAfter) statement.run(runId);
  finishRun.run({ id: runId, ...counts });
  report(1, done, true);
  return { runId, ...counts, rejectedRows, keptOptOuts, leadSourcesAdded };
}
