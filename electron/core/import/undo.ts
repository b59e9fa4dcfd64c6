import type { ImportUndone } from '../../../shared/schemas/import';
import type { ConsentStatus } from '../../../shared/schemas/marketing';
import { companiesRepo } from '../companies/repo';
import { contactsRepo } from '../contacts/repo';
import { customFieldsRepo } from '../custom-fields/repo';
import { migrations } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { CrmError } from '../errors';
import type { JobTools } from '../jobs/job-list';
import { countOf } from '../records/kinds';
import { trashRepo } from '../trash/repo';
import { BeforeValues } from './write';
import { parseStoredJson } from '../db/stored-json';

/** An import can be undone this long after it ran (as long as the trash keeps what it removes). */
export const undoDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
const damagedBefore = () =>
  new CrmError(
    'NOT_FOUND',
    'What Rolodesk kept about the records this import changed is damaged, so it cannot be undone. Nothing was changed.',
  );

export interface UndoSpec {
  file: string;
  runId: number;
  now: string;
}

interface RunRow {
  id: number;
  record_kind: 'contact' | 'company';
  file_name: string;
  created_at: string;
  undone_at: string | null;
}

interface TouchedRow {
  record_kind: 'contact' | 'company';
  record_id: number;
  before: string | null;
  version_after: number;
}

/** Whether an import that ran at `createdAt` can still be undone at `now`. */
export const withinUndoTime = (createdAt: string, now: string): boolean =>
  Date.parse(now) - Date.parse(createdAt) < undoDays * dayMs;

/**
 * Undoes an import in one transaction, on a connection of its own (like the
 * import, it may touch 100,000 records): each record it changed gets its
 * values from before back, unless it was changed again since (its version
 * moved on: left as it is, and counted); then everything it created goes to
 * the trash as ONE entry, which trash.restore brings back whole.
 */
export async function undoImport(spec: UndoSpec, tools: JobTools): Promise<ImportUndone> {
  const db = await openDatabase(spec.file, migrations, tools.logger, { checkBeforeUse: () => undefined });
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = undoIn(db, spec);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}

function undoIn(db: Db, { runId, now }: UndoSpec): ImportUndone {
  const run = db
    .prepare<[number], RunRow>('SELECT id, record_kind, file_name, created_at, undone_at FROM imports WHERE id = ?')
    .get(runId);
  if (!run) throw new CrmError('NOT_FOUND', 'That import is no longer on the list, so it cannot be undone.');
  if (run.undone_at !== null) throw new CrmError('CONFLICT', `The import of “${run.file_name}” was already undone.`);
  if (!withinUndoTime(run.created_at, now))
    throw new CrmError(
      'CONFLICT',
      `Imports can be undone for ${undoDays} days; the import of “${run.file_name}” is older.`,
    );
  // A page at a time: an import may have changed 100,000 records, each with its values from before.
  const changedPage = db.prepare<[{ run: number; kind: string; id: number }], TouchedRow>(
    `SELECT record_kind, record_id, before, version_after FROM import_records
     WHERE import_id = @run AND action = 'changed' AND (record_kind, record_id) > (@kind, @id) ORDER BY record_kind, record_id LIMIT 500`,
  );
  const versionOf = {
    contact: db.prepare<[number], number>('SELECT version FROM contacts WHERE id = ? AND deleted_at IS NULL').pluck(),
    company: db.prepare<[number], number>('SELECT version FROM companies WHERE id = ? AND deleted_at IS NULL').pluck(),
  };
  const contacts = contactsRepo(db);
  const companies = companiesRepo(db);
  // A tag or custom field deleted since the import cannot be put back; the rest of the record still is.
  const liveTags = new Set(db.prepare<[], number>('SELECT id FROM tags').pluck().all());
  const liveFields = new Set(
    customFieldsRepo(db)
      .list()
      .map((field) => String(field.id)),
  );
  // Likewise a lead source deleted since: the record keeps the one it has now.
  const listedLeadSource = db.prepare<[string], number>('SELECT 1 FROM lead_sources WHERE name = ?').pluck();
  const stillListed = (values: Record<string, string>): Record<string, string> => {
    const { leadSource, ...rest } = values;
    return leadSource === undefined || leadSource === '' || listedLeadSource.get(leadSource) !== undefined
      ? values
      : rest;
  };

  // Changed records first: putting a contact's company back may unlink it from a company the import created.
  let restored = 0;
  let leftAsIs = 0;
  for (let page = changedPage.all({ run: runId, kind: '', id: 0 }); page.length > 0;) {
    for (const row of page) {
      if (versionOf[row.record_kind].get(row.record_id) !== row.version_after || row.before === null) {
        leftAsIs++;
        continue;
      }
      const before = parseStoredJson(BeforeValues, row.before, damagedBefore);
      const extras = {
        tagIds: before.tagIds.filter((id) => liveTags.has(id)),
        custom: Object.fromEntries(Object.entries(before.custom).filter(([field]) => liveFields.has(field))),
      };
      if (row.record_kind === 'contact') {
        const {
          name = '',
          email = '',
          phone = '',
          company = '',
          notes = '',
          leadSource,
          utmSource,
          utmMedium,
          utmCampaign,
          consent,
        } = stillListed(before.values);
        // Imports from before migration 23 kept no lead source or consent: left out, those stay as they are.
        const marketing = {
          leadSource,
          utmSource,
          utmMedium,
          utmCampaign,
          ...(consent === undefined
            ? {}
            : { consent: (consent || 'not_asked') as ConsentStatus, consentSource: 'import' as const }),
        };
        contacts.update(
          row.record_id,
          { name, email, phone, company, notes, companyId: before.companyId, ...marketing, ...extras },
          now,
        );
      } else companies.update(row.record_id, { ...stillListed(before.values), ...extras }, now);
      restored++;
    }
    const last = page[page.length - 1]!;
    page = changedPage.all({ run: runId, kind: last.record_kind, id: last.record_id });
  }

  // Only the ids of what it created and is still there (the trash takes them as lists): no row objects.
  const liveIds = (kind: 'contact' | 'company') =>
    db
      .prepare<[number], number>(
        `SELECT r.record_id FROM import_records r JOIN ${kind === 'contact' ? 'contacts' : 'companies'} t ON t.id = r.record_id AND t.deleted_at IS NULL
         WHERE r.import_id = ? AND r.record_kind = '${kind}' AND r.action = 'created' ORDER BY r.record_id`,
      )
      .pluck()
      .all(runId);
  const contactIds = liveIds('contact');
  const companyIds = liveIds('company');
  let trashId: number | null = null;
  if (contactIds.length + companyIds.length > 0) {
    // People added to a created company since (not by this import) stay, without it; a restore links them again.
    const trashed = new Set(contactIds);
    const detached = db
      .prepare<[string], { id: number; company_id: number }>(
        'SELECT id, company_id FROM contacts WHERE company_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id',
      )
      .all(JSON.stringify(companyIds))
      .filter((person) => !trashed.has(person.id));
    const detach = db.prepare<[number]>('UPDATE contacts SET company_id = NULL WHERE id = ?');
    for (const person of detached) detach.run(person.id);
    const count = run.record_kind === 'contact' ? contactIds.length : companyIds.length;
    const label = `${countOf(run.record_kind, count)} imported from “${run.file_name}”`;
    trashId = trashRepo(db).moveToTrash(
      {
        kind: run.record_kind,
        label,
        records: { contact: contactIds, company: companyIds },
        detached: detached.map((person) => [person.id, person.company_id] as const),
      },
      now,
    ).trashId;
  }
  db.prepare<[string, number]>('UPDATE imports SET undone_at = ? WHERE id = ?').run(now, runId);
  return { trashId, removed: contactIds.length + companyIds.length, restored, leftAsIs };
}
