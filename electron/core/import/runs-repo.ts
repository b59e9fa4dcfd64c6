import { z } from 'zod';
import { importKinds } from '../../../shared/schemas/import';
import type { Db } from '../db/open';
import { parseStoredJson } from '../db/stored-json';
import { CrmError } from '../errors';

const damaged = () =>
  new CrmError('NOT_FOUND', 'What Rolodesk kept about that import is damaged, so it cannot be used any more.');

const ImportRunRow = z.object({
  id: z.int(),
  record_kind: z.enum(importKinds),
  file_name: z.string(),
  headers: z.string().transform((text) => parseStoredJson(z.array(z.string()), text, damaged)),
  tag_name: z.string(),
  created: z.int(),
  updated: z.int(),
  skipped: z.int(),
  rejected: z.int(),
  created_at: z.string(),
  undone_at: z.string().nullable(),
});
export type ImportRunRow = z.infer<typeof ImportRunRow>;

const parsed = (row: unknown): ImportRunRow => {
  const result = ImportRunRow.safeParse(row);
  if (!result.success) throw damaged();
  return result.data;
};

/** The imports run so far (kept for undo), read back parsed. */
export function importRuns(db: Db) {
  const byId = db.prepare<[number], unknown>('SELECT * FROM imports WHERE id = ?');
  const since = db.prepare<[string], unknown>(
    'SELECT * FROM imports WHERE created_at >= ? ORDER BY created_at DESC, id DESC',
  );
  // The companies a contact import made for its rows' company column (a company import's own are its `created`).
  const companiesCreatedBy = db
    .prepare<[number], number>(
      `SELECT count(*) FROM import_records r JOIN imports i ON i.id = r.import_id AND i.record_kind = 'contact'
       WHERE r.import_id = ? AND r.record_kind = 'company' AND r.action = 'created'`,
    )
    .pluck();

  return {
    get(id: number): ImportRunRow | undefined {
      const row = byId.get(id);
      return row === undefined ? undefined : parsed(row);
    },
    /** Runs started at or after `when`, newest first. */
    since: (when: string): ImportRunRow[] => since.all(when).map(parsed),
    companiesCreatedBy: (id: number): number => companiesCreatedBy.get(id) ?? 0,
  };
}
