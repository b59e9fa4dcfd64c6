import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { ActivityListRequest } from '../../../shared/schemas/activity';
import { CompanyListRequest } from '../../../shared/schemas/company';
import { ContactListRequest } from '../../../shared/schemas/contact';
import { DealListRequest } from '../../../shared/schemas/deal';
import { ViewQuery, type FilterTarget, type SavedView, type viewKinds } from '../../../shared/schemas/view';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { invalid, parseAs } from '../records/problems';
import { filterNames } from './filter-references';
import { viewProblems } from './problems';

type ViewKind = (typeof viewKinds)[number];

const ViewRow = z.object({
  id: z.number(),
  record_kind: z.enum(['contact', 'company', 'deal', 'activity']),
  name: z.string(),
  query: z.string().transform((text) => ViewQuery.parse(JSON.parse(text))),
  position: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});
type ViewRow = z.infer<typeof ViewRow>;

/** What a view may hold per kind: that list's request, without the page. */
export const viewQuerySchemas = {
  contact: ContactListRequest.omit({ offset: true, limit: true }),
  company: CompanyListRequest.omit({ offset: true, limit: true }),
  deal: DealListRequest.omit({ offset: true, limit: true }),
  activity: ActivityListRequest.omit({ offset: true, limit: true }),
} as const;

/** Saved views: named filters and sort per list, checked with the list's own schema when saved. */
export function viewsRepo(db: Db) {
  const write = writer(db);
  const problemsOf = viewProblems(db);
  const rows = <P extends unknown[]>(statement: Statement<P>, ...params: P): ViewRow[] =>
    statement.all(...params).map((row) => ViewRow.parse(row));
  const ofKind = db.prepare<[string]>('SELECT * FROM saved_views WHERE record_kind = ? ORDER BY position, id');
  const all = db.prepare<[]>('SELECT * FROM saved_views ORDER BY record_kind, position, id');
  const byId = db.prepare<[number]>('SELECT * FROM saved_views WHERE id = ?');
  const byName = db.prepare<[string, string], { id: number; name: string }>(
    'SELECT id, name FROM saved_views WHERE record_kind = ? AND name = ?',
  );
  const insert = db.prepare<[{ kind: string; name: string; query: string; now: string }], { id: number }>(
    `INSERT INTO saved_views (record_kind, name, query, position, created_at, updated_at)
     VALUES (@kind, @name, @query, (SELECT coalesce(max(position) + 1, 0) FROM saved_views WHERE record_kind = @kind), @now, @now) RETURNING id`,
  );
  const change = db.prepare<[{ id: number; name: string; query: string; now: string }]>(
    'UPDATE saved_views SET name = @name, query = @query, updated_at = @now WHERE id = @id',
  );
  const setQuery = db.prepare<[string, number]>('UPDATE saved_views SET query = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM saved_views WHERE id = ?');

  const one = (id: number): ViewRow | undefined => rows(byId, id)[0];
  const checkedQuery = (kind: ViewKind, query: unknown) =>
    JSON.stringify(parseAs(viewQuerySchemas[kind], query, 'query'));

  const toView = (row: ViewRow): SavedView => ({
    id: row.id,
    kind: row.record_kind,
    name: row.name,
    query: row.query,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    problems: problemsOf(row.record_kind, row.query),
  });

  function nameIsFree(kind: ViewKind, name: string, except?: number): void {
    const same = byName.get(kind, name);
    if (same && same.id !== except) throw invalid('name', `There is already a view called “${same.name}”.`);
  }

  return {
    list: (kind: ViewKind): SavedView[] => rows(ofKind, kind).map(toView),
    create: write((kind: ViewKind, name: string, query: unknown, now: string): SavedView => {
      nameIsFree(kind, name);
      const { id } = insert.get({ kind, name, query: checkedQuery(kind, query), now })!;
      return toView(one(id)!);
    }),
    update: write(
      (id: number, changes: { name?: string | undefined; query?: unknown }, now: string): SavedView | undefined => {
        const row = one(id);
        if (!row) return undefined;
        const name = changes.name ?? row.name;
        nameIsFree(row.record_kind, name, id);
        const query =
          changes.query === undefined ? JSON.stringify(row.query) : checkedQuery(row.record_kind, changes.query);
        change.run({ id, name, query, now });
        return toView(one(id)!);
      },
    ),
    delete: write((id: number): boolean => remove.run(id).changes > 0),
    /** The views whose filters name the tag, field or stage, in the order lists show them. */
    usedBy: (target: FilterTarget): Array<Pick<SavedView, 'id' | 'kind' | 'name'>> =>
      rows(all)
        .filter((row) => filterNames(row.query, target))
        .map((row) => ({ id: row.id, kind: row.record_kind, name: row.name })),
    /** A choice renamed in Settings: conditions that named it name the new word (inside the rename's transaction). */
    renameChoice(fieldId: number, from: string, to: string): void {
      for (const row of rows(all)) {
        const custom = Array.isArray(row.query.custom)
          ? (row.query.custom as Array<{ fieldId?: unknown; value?: unknown }>)
          : [];
        const named = custom.filter(
          (condition) =>
            condition.fieldId === fieldId &&
            typeof condition.value === 'string' &&
            condition.value.trim().toLowerCase() === from.toLowerCase(),
        );
        if (named.length === 0) continue;
        for (const condition of named) condition.value = to;
        setQuery.run(JSON.stringify(row.query), row.id);
      }
    },
  };
}
