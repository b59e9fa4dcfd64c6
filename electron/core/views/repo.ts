import { ActivityListRequest } from '../../../shared/schemas/activity';
import { CompanyListRequest } from '../../../shared/schemas/company';
import { ContactListRequest } from '../../../shared/schemas/contact';
import { DealListRequest } from '../../../shared/schemas/deal';
import type { SavedView, viewKinds } from '../../../shared/schemas/view';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { invalid, parseAs } from '../records/problems';

type ViewKind = (typeof viewKinds)[number];

interface ViewRow {
  id: number;
  record_kind: ViewKind;
  name: string;
  query: string;
  position: number;
  created_at: string;
  updated_at: string;
}

/** What a view may hold per kind: that list's request, without the page. */
export const viewQuerySchemas = {
  contact: ContactListRequest.omit({ offset: true, limit: true }),
  company: CompanyListRequest.omit({ offset: true, limit: true }),
  deal: DealListRequest.omit({ offset: true, limit: true }),
  activity: ActivityListRequest.omit({ offset: true, limit: true }),
} as const;

const toView = (row: ViewRow): SavedView => ({
  id: row.id,
  kind: row.record_kind,
  name: row.name,
  query: JSON.parse(row.query) as Record<string, unknown>,
  position: row.position,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Saved views: named filters and sort per list, checked with the list's own schema when saved. */
export function viewsRepo(db: Db) {
  const write = writer(db);
  const ofKind = db.prepare<[string], ViewRow>('SELECT * FROM saved_views WHERE record_kind = ? ORDER BY position, id');
  const all = db.prepare<[], ViewRow>('SELECT * FROM saved_views');
  const byId = db.prepare<[number], ViewRow>('SELECT * FROM saved_views WHERE id = ?');
  const byName = db.prepare<[string, string], ViewRow>('SELECT * FROM saved_views WHERE record_kind = ? AND name = ?');
  const insert = db.prepare<[{ kind: string; name: string; query: string; now: string }], { id: number }>(
    `INSERT INTO saved_views (record_kind, name, query, position, created_at, updated_at)
     VALUES (@kind, @name, @query, (SELECT coalesce(max(position) + 1, 0) FROM saved_views WHERE record_kind = @kind), @now, @now) RETURNING id`,
  );
  const change = db.prepare<[{ id: number; name: string; query: string; now: string }]>('UPDATE saved_views SET name = @name, query = @query, updated_at = @now WHERE id = @id');
  const setQuery = db.prepare<[string, number]>('UPDATE saved_views SET query = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM saved_views WHERE id = ?');

  const checkedQuery = (kind: ViewKind, query: unknown) => JSON.stringify(parseAs(viewQuerySchemas[kind], query, 'query'));

  function nameIsFree(kind: ViewKind, name: string, except?: number): void {
    const same = byName.get(kind, name);
    if (same && same.id !== except) throw invalid('name', `There is already a view called “${same.name}”.`);
  }

  /** Rewrites every stored query through `edit` (a tag or field that was deleted). */
  function rewrite(edit: (query: Record<string, unknown>) => boolean): void {
    for (const row of all.all()) {
      const query = JSON.parse(row.query) as Record<string, unknown>;
      if (edit(query)) setQuery.run(JSON.stringify(query), row.id);
    }
  }

  return {
    list: (kind: ViewKind): SavedView[] => ofKind.all(kind).map(toView),
    create: write((kind: ViewKind, name: string, query: unknown, now: string): SavedView => {
      nameIsFree(kind, name);
      const { id } = insert.get({ kind, name, query: checkedQuery(kind, query), now })!;
      return toView(byId.get(id)!);
    }),
    update: write((id: number, changes: { name?: string | undefined; query?: unknown }, now: string): SavedView | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      const name = changes.name ?? row.name;
      nameIsFree(row.record_kind, name, id);
      const query = changes.query === undefined ? row.query : checkedQuery(row.record_kind, changes.query);
      change.run({ id, name, query, now });
      return toView(byId.get(id)!);
    }),
    delete: write((id: number): boolean => remove.run(id).changes > 0),
    /** A deleted custom field leaves no condition behind in any view. */
    forgetCustomField(fieldId: number): void {
      rewrite((query) => {
        const custom = Array.isArray(query.custom) ? (query.custom as Array<{ fieldId?: unknown }>) : [];
        const kept = custom.filter((condition) => condition.fieldId !== fieldId);
        if (kept.length === custom.length) return false;
        query.custom = kept;
        return true;
      });
    },
    /** A deleted tag or stage leaves no filter behind in any view. */
    forgetId(key: 'tagIds' | 'stageIds', id: number): void {
      rewrite((query) => {
        const ids = Array.isArray(query[key]) ? (query[key] as unknown[]) : [];
        if (!ids.includes(id)) return false;
        query[key] = ids.filter((value) => value !== id);
        return true;
      });
    },
  };
}
