import type { FieldedKind, FieldedRef } from '../../../shared/schemas/record';
import type { Tag } from '../../../shared/schemas/tag';
import type { tagColors } from '../../../shared/schemas/tag';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { historyRepo } from '../records/history';
import { ownerColumn, tableOf, tagTableOf } from '../records/kinds';
import { gone, invalid } from '../records/problems';
import { deletedTargets, freshIdSql } from '../views/deleted-targets';

type Color = (typeof tagColors)[number];
interface TagRow {
  id: number;
  name: string;
  color: Color;
}

const kinds = ['contact', 'company', 'deal'] as const;

/** Tags and the links that put them on contacts, companies and deals. */
export function tagsRepo(db: Db) {
  const write = writer(db);
  const history = historyRepo(db);
  const all = db.prepare<[], TagRow>('SELECT id, name, color FROM tags ORDER BY name, id');
  const byId = db.prepare<[number], TagRow>('SELECT id, name, color FROM tags WHERE id = ?');
  const byName = db.prepare<[string], TagRow>('SELECT id, name, color FROM tags WHERE name = ?');
  const deleted = deletedTargets(db);
  const insert = db.prepare<[{ name: string; color: string; now: string }], { id: number }>(
    `INSERT INTO tags (id, name, color, created_at) VALUES (${freshIdSql('tag')}, @name, @color, @now) RETURNING id`,
  );
  const rename = db.prepare<[{ id: number; name: string; color: string }]>(
    'UPDATE tags SET name = @name, color = @color WHERE id = @id',
  );
  const remove = db.prepare<[number]>('DELETE FROM tags WHERE id = ?');
  const counts = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[], { tag_id: number; n: number }>(
        `SELECT l.tag_id, count(*) AS n FROM ${tagTableOf[kind]} l JOIN ${tableOf[kind]} r ON r.id = l.${ownerColumn[kind]} WHERE r.deleted_at IS NULL GROUP BY l.tag_id`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[], { tag_id: number; n: number }>>>;
  const countOne = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db
        .prepare<[number], number>(
          `SELECT count(*) FROM ${tagTableOf[kind]} l JOIN ${tableOf[kind]} r ON r.id = l.${ownerColumn[kind]} WHERE l.tag_id = ? AND r.deleted_at IS NULL`,
        )
        .pluck(),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number], number>>>;
  // Records in the trash count too: a restore would not bring their tag back.
  const everyLink = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number], number>(`SELECT count(*) FROM ${tagTableOf[kind]} WHERE tag_id = ?`).pluck(),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number], number>>>;
  const linksOf = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db
        .prepare<[number], number>(
          `SELECT tag_id FROM ${tagTableOf[kind]} WHERE ${ownerColumn[kind]} = ? ORDER BY tag_id`,
        )
        .pluck(),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number], number>>>;
  const linksOfMany = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[string], { owner: number; tag_id: number }>(
        `SELECT ${ownerColumn[kind]} AS owner, tag_id FROM ${tagTableOf[kind]} WHERE ${ownerColumn[kind]} IN (SELECT value FROM json_each(?)) ORDER BY tag_id`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[string], { owner: number; tag_id: number }>>>;
  const addLink = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number, number]>(
        `INSERT INTO ${tagTableOf[kind]} (${ownerColumn[kind]}, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
      ),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number, number]>>>;
  const removeLink = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number, number]>(`DELETE FROM ${tagTableOf[kind]} WHERE ${ownerColumn[kind]} = ? AND tag_id = ?`),
    ]),
  ) as Record<FieldedKind, ReturnType<typeof db.prepare<[number, number]>>>;

  function tagOf(row: TagRow, tagCounts: Tag['counts']): Tag {
    return { id: row.id, name: row.name, color: row.color, counts: tagCounts };
  }

  function countsFor(id: number): Tag['counts'] {
    return {
      contact: countOne.contact.get(id) ?? 0,
      company: countOne.company.get(id) ?? 0,
      deal: countOne.deal.get(id) ?? 0,
    };
  }

  function nameIsFree(name: string, except?: number): void {
    const same = byName.get(name);
    if (same && same.id !== except) throw invalid('name', `There is already a tag called “${same.name}”.`);
  }

  /** The tag, or NOT_FOUND naming `field`. */
  function existing(id: number, field = 'tagId'): TagRow {
    const row = byId.get(id);
    if (!row) throw gone(field, 'That tag no longer exists. It may have been deleted.');
    return row;
  }

  /** Links and unlinks so the record carries exactly `tagIds`; history notes each tag put on or taken off. */
  function set(record: FieldedRef, tagIds: readonly number[], now: string, withHistory = true): boolean {
    const wanted = new Set(tagIds);
    for (const id of wanted) existing(id, 'tagIds');
    const current = new Set(linksOf[record.kind].all(record.id));
    let changed = false;
    for (const id of current) {
      if (wanted.has(id)) continue;
      removeLink[record.kind].run(record.id, id);
      if (withHistory) history.add(record, [{ action: 'untagged', field: 'tags', oldValue: byId.get(id)!.name }], now);
      changed = true;
    }
    for (const id of wanted) {
      if (current.has(id)) continue;
      addLink[record.kind].run(record.id, id);
      if (withHistory) history.add(record, [{ action: 'tagged', field: 'tags', newValue: byId.get(id)!.name }], now);
      changed = true;
    }
    return changed;
  }

  return {
    list(): Tag[] {
      const byTag = new Map<number, Tag['counts']>();
      for (const kind of kinds) {
        for (const { tag_id, n } of counts[kind].all()) {
          const entry = byTag.get(tag_id) ?? { contact: 0, company: 0, deal: 0 };
          entry[kind] = n;
          byTag.set(tag_id, entry);
        }
      }
      return all.all().map((row) => tagOf(row, byTag.get(row.id) ?? { contact: 0, company: 0, deal: 0 }));
    },
    get(id: number): Tag | undefined {
      const row = byId.get(id);
      return row && tagOf(row, countsFor(id));
    },
    existing,
    create: write((name: string, color: Color, now: string): Tag => {
      nameIsFree(name);
      const { id } = insert.get({ name, color, now })!;
      return tagOf(byId.get(id)!, { contact: 0, company: 0, deal: 0 });
    }),
    update: write((id: number, changes: { name?: string | undefined; color?: Color | undefined }): Tag | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      const name = changes.name ?? row.name;
      nameIsFree(name, id);
      rename.run({ id, name, color: changes.color ?? row.color });
      return tagOf(byId.get(id)!, countsFor(id));
    }),
    /** Takes the tag off every record; saved views that filter by it keep the filter and say it is gone. */
    delete: write((id: number, now: string): boolean => {
      const row = byId.get(id);
      if (!row) return false;
      remove.run(id);
      deleted.remember({ kind: 'tag', id }, row.name, now);
      return true;
    }),
    /** How many records carry the tag, those in the trash included: what deleting it takes away. */
    carriedBy: (id: number): Tag['counts'] => ({
      contact: everyLink.contact.get(id)!,
      company: everyLink.company.get(id)!,
      deal: everyLink.deal.get(id)!,
    }),
    idsOf: (record: FieldedRef): number[] => linksOf[record.kind].all(record.id),
    /** Tag numbers of many records at once (a list page). */
    idsOfMany(kind: FieldedKind, ids: readonly number[]): Map<number, number[]> {
      const result = new Map<number, number[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return result;
      for (const { owner, tag_id } of linksOfMany[kind].all(JSON.stringify(ids))) result.get(owner)?.push(tag_id);
      return result;
    },
    set,
    /** Puts one tag on a record; false when it already had it. */
    link(record: FieldedRef, tagId: number, now: string): boolean {
      const tag = existing(tagId);
      if (addLink[record.kind].run(record.id, tagId).changes === 0) return false;
      history.add(record, [{ action: 'tagged', field: 'tags', newValue: tag.name }], now);
      return true;
    },
    /** Takes one tag off a record; false when it did not have it. */
    unlink(record: FieldedRef, tagId: number, now: string): boolean {
      const tag = existing(tagId);
      if (removeLink[record.kind].run(record.id, tagId).changes === 0) return false;
      history.add(record, [{ action: 'untagged', field: 'tags', oldValue: tag.name }], now);
      return true;
    },
  };
}

export type TagsRepo = ReturnType<typeof tagsRepo>;
