import { z } from 'zod';
import { LinkedRecord, type RecordKind, type RecordRef } from '../../../shared/schemas/record';
import type { KindCounts, TrashEntry } from '../../../shared/schemas/trash';
import type { Db } from '../db/open';
import { tableOf } from '../records/kinds';
import { sweptActivities } from './swept';

/** Trash entries are deleted for good this long after the delete. */
export const trashKeepDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

export type RecordIds = Partial<Record<RecordKind, readonly number[]>>;

export interface TrashPlan {
  kind: RecordKind;
  label: string;
  records: RecordIds;
  /** Contacts taken off a company by this delete, put back by a restore: [contactId, companyId]. */
  detached?: ReadonlyArray<readonly [number, number]>;
  /** A merge: the record that kept the merged-away one's activities, deals and files. */
  mergedInto?: LinkedRecord;
}

/** What an entry keeps besides its rows: links a restore puts back, and the record a merge moved everything to. */
const Detail = z.object({
  detached: z.array(z.tuple([z.int(), z.int()])).optional(),
  mergedInto: LinkedRecord.optional(),
});
type Detail = z.infer<typeof Detail>;

interface TrashRow {
  id: number;
  record_kind: RecordKind;
  label: string;
  deleted_at: string;
  detail: string;
}

const kinds = ['contact', 'company', 'deal', 'activity'] as const;
const historyKinds = ['contact', 'company', 'deal'] as const;
const emptyCounts = (): KindCounts => ({ contact: 0, company: 0, deal: 0, activity: 0 });
const ids = (list: readonly number[] | undefined) => JSON.stringify(list ?? []);

export const purgeTime = (deletedAt: string): string =>
  new Date(Date.parse(deletedAt) + trashKeepDays * dayMs).toISOString();
/** What was put away at or before this time has been kept its 30 days. */
export const keptLongEnough = (now: Date): string => new Date(now.getTime() - trashKeepDays * dayMs).toISOString();

/**
 * The trash: a delete marks its rows (deleted_at and the entry's id), so
 * lists leave them out and a restore brings back exactly that delete, with
 * its links. Activities whose every record went to the trash go with them,
 * held as swept.ts says. Deleting for good: purge-plan.ts and purge.ts.
 * Runs in the caller's transaction.
 */
export function trashRepo(db: Db) {
  const swept = sweptActivities(db);
  const insert = db.prepare<[{ kind: string; label: string; now: string }], { id: number }>(
    'INSERT INTO trash (record_kind, label, deleted_at) VALUES (@kind, @label, @now) RETURNING id',
  );
  const setDetail = db.prepare<[string, number]>('UPDATE trash SET detail = ? WHERE id = ?');
  const byId = db.prepare<[number], TrashRow>('SELECT * FROM trash WHERE id = ?');
  const page = db.prepare<[number, number], TrashRow>(
    'SELECT * FROM trash ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?',
  );
  const count = db.prepare<[], number>('SELECT count(*) FROM trash').pluck();
  const pageOfKind = db.prepare<[RecordKind, number, number], TrashRow>(
    'SELECT * FROM trash WHERE record_kind = ? ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?',
  );
  const countOfKind = db.prepare<[RecordKind], number>('SELECT count(*) FROM trash WHERE record_kind = ?').pluck();
  const expired = db
    .prepare<[string], number>('SELECT id FROM trash WHERE deleted_at <= ? ORDER BY deleted_at, id')
    .pluck();
  const removeEntry = db.prepare<[number]>('DELETE FROM trash WHERE id = ?');
  const mark = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[{ ids: string; now: string; trash: number }]>(
        `UPDATE ${tableOf[kind]} SET deleted_at = @now, trash_id = @trash WHERE id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL`,
      ),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[{ ids: string; now: string; trash: number }]>>>;
  const historyFor = Object.fromEntries(
    historyKinds.map((kind) => [
      kind,
      db.prepare<[{ action: string; trash: number; now: string }]>(
        `INSERT INTO record_history (${kind}_id, action, changed_at) SELECT id, @action, @now FROM ${tableOf[kind]} WHERE trash_id = @trash`,
      ),
    ]),
  ) as Record<
    'contact' | 'company' | 'deal',
    ReturnType<typeof db.prepare<[{ action: string; trash: number; now: string }]>>
  >;
  const unmark = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number]>(`UPDATE ${tableOf[kind]} SET deleted_at = NULL, trash_id = NULL WHERE trash_id = ?`),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number]>>>;
  const inEntry = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[number], number>(`SELECT id FROM ${tableOf[kind]} WHERE trash_id = ? ORDER BY id`).pluck(),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number], number>>>;
  const heldBy = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[string], { trash_id: number; n: number }>(
        `SELECT trash_id, count(*) AS n FROM ${tableOf[kind]} WHERE trash_id IN (SELECT value FROM json_each(?)) GROUP BY trash_id`,
      ),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[string], { trash_id: number; n: number }>>>;
  const nameOf = Object.fromEntries(
    (['contact', 'company'] as const).map((kind) => [
      kind,
      db.prepare<[number], string>(`SELECT name FROM ${tableOf[kind]} WHERE id = ?`).pluck(),
    ]),
  ) as Record<'contact' | 'company', ReturnType<typeof db.prepare<[number], string>>>;
  const relink = db.prepare<[{ contact: number; company: number }]>(
    `UPDATE contacts SET company_id = @company
     WHERE id = @contact AND company_id IS NULL AND EXISTS (SELECT 1 FROM companies WHERE id = @company AND deleted_at IS NULL)`,
  );

  const detailOf = (row: TrashRow): Detail => Detail.parse(JSON.parse(row.detail));

  /** The record a merged-away one was merged into, by its name now (it may have been renamed since). */
  function mergedInto(row: TrashRow, detail: Detail): LinkedRecord | null {
    if (!detail.mergedInto || (row.record_kind !== 'contact' && row.record_kind !== 'company')) return null;
    const { id, name } = detail.mergedInto;
    return { id, name: nameOf[row.record_kind].get(id) ?? name };
  }

  /** Entries as the trash shows them, with what each holds now. */
  function toEntries(rows: TrashRow[]): TrashEntry[] {
    const counts = new Map(rows.map((row) => [row.id, emptyCounts()]));
    const list = JSON.stringify(rows.map((row) => row.id));
    for (const kind of kinds) for (const { trash_id, n } of heldBy[kind].all(list)) counts.get(trash_id)![kind] = n;
    return rows.map((row) => ({
      id: row.id,
      kind: row.record_kind,
      label: row.label,
      counts: counts.get(row.id)!,
      mergedInto: mergedInto(row, detailOf(row)),
      deletedAt: row.deleted_at,
      purgeAt: purgeTime(row.deleted_at),
    }));
  }

  /** Marks the records (and the activities they leave with no record outside the trash) as deleted under one new entry. */
  function moveToTrash(plan: TrashPlan, now: string): { trashId: number; counts: KindCounts } {
    const { id: trash } = insert.get({ kind: plan.kind, label: plan.label, now })!;
    const counts = emptyCounts();
    for (const kind of kinds) {
      const list = plan.records[kind];
      if (list && list.length > 0) counts[kind] += mark[kind].run({ ids: ids(list), now, trash }).changes;
    }
    counts.activity += swept.sweep(plan.records, trash, now);
    for (const kind of historyKinds) if (counts[kind] > 0) historyFor[kind].run({ action: 'trashed', trash, now });
    const detail: Detail = {
      ...(plan.detached && plan.detached.length > 0
        ? { detached: plan.detached.map(([a, b]) => [a, b] as [number, number]) }
        : {}),
      ...(plan.mergedInto ? { mergedInto: plan.mergedInto } : {}),
    };
    setDetail.run(JSON.stringify(detail), trash);
    return { trashId: trash, counts };
  }

  /**
   * Brings back everything one delete put in the trash, with its links, and
   * the activities of its records other entries held only because of them;
   * names the record it was about when it was one. Undefined when the entry is gone.
   */
  function restore(
    trashId: number,
    now: string,
  ): { counts: KindCounts; record: RecordRef | null; mergedInto: LinkedRecord | null } | undefined {
    const row = byId.get(trashId);
    if (!row) return undefined;
    const detail = detailOf(row);
    const records: RecordIds = {
      contact: inEntry.contact.all(trashId),
      company: inEntry.company.all(trashId),
      deal: inEntry.deal.all(trashId),
    };
    const main = row.record_kind === 'activity' ? inEntry.activity.all(trashId) : records[row.record_kind]!;
    for (const kind of historyKinds) historyFor[kind].run({ action: 'restored', trash: trashId, now });
    const counts = emptyCounts();
    for (const kind of kinds) counts[kind] = unmark[kind].run(trashId).changes;
    counts.activity += swept.reviveFor(records);
    for (const [contact, company] of detail.detached ?? []) relink.run({ contact, company });
    removeEntry.run(trashId);
    return {
      counts,
      record: main.length === 1 ? { kind: row.record_kind, id: main[0]! } : null,
      mergedInto: mergedInto(row, detail),
    };
  }

  return {
    moveToTrash,
    restore,
    get(id: number): TrashEntry | undefined {
      const row = byId.get(id);
      return row && toEntries([row])[0];
    },
    page(offset: number, limit: number, kind?: RecordKind) {
      if (kind) return { total: countOfKind.get(kind)!, offset, rows: toEntries(pageOfKind.all(kind, limit, offset)) };
      return { total: count.get()!, offset, rows: toEntries(page.all(limit, offset)) };
    },
    /** Entries deleted at least 30 days before `now`. */
    expired(now: Date): number[] {
      return expired.all(keptLongEnough(now));
    },
  };
}

export type TrashRepo = ReturnType<typeof trashRepo>;
