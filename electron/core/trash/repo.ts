import type { RecordKind, RecordRef } from '../../../shared/schemas/record';
import type { KindCounts, TrashEntry } from '../../../shared/schemas/trash';
import type { Db } from '../db/open';
import { tableOf } from '../records/kinds';

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
}

interface Detail {
  counts: KindCounts;
  detached?: Array<[number, number]>;
}

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

export const purgeTime = (deletedAt: string): string => new Date(Date.parse(deletedAt) + trashKeepDays * dayMs).toISOString();

/**
 * The trash: a delete marks its rows (deleted_at and the entry's id), so
 * lists leave them out and a restore brings back exactly that delete, with
 * its links. Activities whose every record went to the trash go with them.
 * Runs in the caller's transaction.
 */
export function trashRepo(db: Db) {
  const insert = db.prepare<[{ kind: string; label: string; now: string }], { id: number }>(
    "INSERT INTO trash (record_kind, label, deleted_at) VALUES (@kind, @label, @now) RETURNING id",
  );
  const setDetail = db.prepare<[string, number]>('UPDATE trash SET detail = ? WHERE id = ?');
  const byId = db.prepare<[number], TrashRow>('SELECT * FROM trash WHERE id = ?');
  const page = db.prepare<[number, number], TrashRow>('SELECT * FROM trash ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?');
  const count = db.prepare<[], number>('SELECT count(*) FROM trash').pluck();
  const pageOfKind = db.prepare<[RecordKind, number, number], TrashRow>('SELECT * FROM trash WHERE record_kind = ? ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?');
  const countOfKind = db.prepare<[RecordKind], number>('SELECT count(*) FROM trash WHERE record_kind = ?').pluck();
  const expired = db.prepare<[string], number>('SELECT id FROM trash WHERE deleted_at <= ? ORDER BY deleted_at, id').pluck();
  const removeEntry = db.prepare<[number]>('DELETE FROM trash WHERE id = ?');
  const mark = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      db.prepare<[{ ids: string; now: string; trash: number }]>(
        `UPDATE ${tableOf[kind]} SET deleted_at = @now, trash_id = @trash WHERE id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL`,
      ),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[{ ids: string; now: string; trash: number }]>>>;
  // Activities left with no record outside the trash go with this delete.
  const markOrphanActivities = db.prepare<[{ contacts: string; companies: string; deals: string; now: string; trash: number }]>(`
    UPDATE activities SET deleted_at = @now, trash_id = @trash
    WHERE deleted_at IS NULL
      AND (contact_id IN (SELECT value FROM json_each(@contacts)) OR company_id IN (SELECT value FROM json_each(@companies))
           OR deal_id IN (SELECT value FROM json_each(@deals)))
      AND (contact_id IS NULL OR (SELECT deleted_at FROM contacts WHERE id = activities.contact_id) IS NOT NULL)
      AND (company_id IS NULL OR (SELECT deleted_at FROM companies WHERE id = activities.company_id) IS NOT NULL)
      AND (deal_id IS NULL OR (SELECT deleted_at FROM deals WHERE id = activities.deal_id) IS NOT NULL)`);
  const historyFor = Object.fromEntries(
    historyKinds.map((kind) => [
      kind,
      db.prepare<[{ action: string; trash: number; now: string }]>(
        `INSERT INTO record_history (${kind}_id, action, changed_at) SELECT id, @action, @now FROM ${tableOf[kind]} WHERE trash_id = @trash`,
      ),
    ]),
  ) as Record<'contact' | 'company' | 'deal', ReturnType<typeof db.prepare<[{ action: string; trash: number; now: string }]>>>;
  const unmark = Object.fromEntries(
    kinds.map((kind) => [kind, db.prepare<[number]>(`UPDATE ${tableOf[kind]} SET deleted_at = NULL, trash_id = NULL WHERE trash_id = ?`)]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number]>>>;
  const firstTwo = Object.fromEntries(
    kinds.map((kind) => [kind, db.prepare<[number], number>(`SELECT id FROM ${tableOf[kind]} WHERE trash_id = ? ORDER BY id LIMIT 2`).pluck()]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number], number>>>;
  const relink = db.prepare<[{ contact: number; company: number }]>(
    `UPDATE contacts SET company_id = @company
     WHERE id = @contact AND company_id IS NULL AND EXISTS (SELECT 1 FROM companies WHERE id = @company AND deleted_at IS NULL)`,
  );
  const inEntries = Object.fromEntries(
    kinds.map((kind) => [kind, db.prepare<[string], number>(`SELECT id FROM ${tableOf[kind]} WHERE trash_id IN (SELECT value FROM json_each(?))`).pluck()]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[string], number>>>;
  const filesOf = db.prepare<[{ contacts: string; companies: string; deals: string; activities: string }], string>(`
    SELECT sha256 FROM attachments WHERE contact_id IN (SELECT value FROM json_each(@contacts))
    UNION SELECT sha256 FROM attachments WHERE company_id IN (SELECT value FROM json_each(@companies))
    UNION SELECT sha256 FROM attachments WHERE deal_id IN (SELECT value FROM json_each(@deals))
    UNION SELECT sha256 FROM attachments WHERE activity_id IN (SELECT value FROM json_each(@activities))
    UNION SELECT photo_sha256 FROM contacts WHERE id IN (SELECT value FROM json_each(@contacts)) AND photo_sha256 IS NOT NULL`).pluck();
  // Every activity whose records all go (or that was in the trash with them), whatever entry it is in.
  const deleteActivities = db.prepare<[{ contacts: string; companies: string; deals: string; activities: string }]>(`
    DELETE FROM activities
    WHERE id IN (SELECT value FROM json_each(@activities))
       OR ((contact_id IN (SELECT value FROM json_each(@contacts)) OR company_id IN (SELECT value FROM json_each(@companies))
            OR deal_id IN (SELECT value FROM json_each(@deals)))
           AND (contact_id IS NULL OR contact_id IN (SELECT value FROM json_each(@contacts)))
           AND (company_id IS NULL OR company_id IN (SELECT value FROM json_each(@companies)))
           AND (deal_id IS NULL OR deal_id IN (SELECT value FROM json_each(@deals))))`);
  const deleteRows = Object.fromEntries(
    (['deal', 'contact', 'company'] as const).map((kind) => [kind, db.prepare<[string]>(`DELETE FROM ${tableOf[kind]} WHERE id IN (SELECT value FROM json_each(?))`)]),
  ) as Record<'deal' | 'contact' | 'company', ReturnType<typeof db.prepare<[string]>>>;
  const expiredUndo = db.prepare<[string]>('DELETE FROM undo_records WHERE created_at <= ?');

  function toEntry(row: TrashRow): TrashEntry {
    const detail = JSON.parse(row.detail) as Partial<Detail>;
    return { id: row.id, kind: row.record_kind, label: row.label, counts: { ...emptyCounts(), ...detail.counts }, deletedAt: row.deleted_at, purgeAt: purgeTime(row.deleted_at) };
  }

  /** Marks the records (and orphaned activities) as deleted under one new entry. */
  function moveToTrash(plan: TrashPlan, now: string): { trashId: number; counts: KindCounts } {
    const { id: trash } = insert.get({ kind: plan.kind, label: plan.label, now })!;
    const counts = emptyCounts();
    for (const kind of kinds) {
      const list = plan.records[kind];
      if (list && list.length > 0) counts[kind] += mark[kind].run({ ids: ids(list), now, trash }).changes;
    }
    counts.activity += markOrphanActivities.run({ contacts: ids(plan.records.contact), companies: ids(plan.records.company), deals: ids(plan.records.deal), now, trash }).changes;
    for (const kind of historyKinds) if (counts[kind] > 0) historyFor[kind].run({ action: 'trashed', trash, now });
    const detail: Detail = { counts, ...(plan.detached && plan.detached.length > 0 ? { detached: plan.detached.map(([a, b]) => [a, b] as [number, number]) } : {}) };
    setDetail.run(JSON.stringify(detail), trash);
    return { trashId: trash, counts };
  }

  /**
   * Brings back everything one delete put in the trash, with its links, and
   * names the record it was about when it was one; undefined when the entry is gone.
   */
  function restore(trashId: number, now: string): { counts: KindCounts; record: RecordRef | null } | undefined {
    const row = byId.get(trashId);
    if (!row) return undefined;
    const main = firstTwo[row.record_kind].all(trashId);
    const detail = JSON.parse(row.detail) as Partial<Detail>;
    for (const kind of historyKinds) historyFor[kind].run({ action: 'restored', trash: trashId, now });
    const counts = emptyCounts();
    for (const kind of kinds) counts[kind] = unmark[kind].run(trashId).changes;
    for (const [contact, company] of detail.detached ?? []) relink.run({ contact, company });
    removeEntry.run(trashId);
    return { counts, record: main.length === 1 ? { kind: row.record_kind, id: main[0]! } : null };
  }

  /** Rows of these entries by kind, and the files they hold (for release after the purge). */
  function contents(trashIds: readonly number[]) {
    const list = JSON.stringify(trashIds);
    const rows = { contacts: JSON.stringify(inEntries.contact.all(list)), companies: JSON.stringify(inEntries.company.all(list)), deals: JSON.stringify(inEntries.deal.all(list)), activities: JSON.stringify(inEntries.activity.all(list)) };
    return { rows, files: () => filesOf.all(rows) };
  }

  /** Deletes the entries' rows for good (and their history, tags, values, attachment rows by cascade). */
  function purge(trashIds: readonly number[], now: string): number {
    const { rows } = contents(trashIds);
    deleteActivities.run(rows);
    deleteRows.deal.run(rows.deals);
    deleteRows.contact.run(rows.contacts);
    deleteRows.company.run(rows.companies);
    for (const id of trashIds) removeEntry.run(id);
    expiredUndo.run(new Date(Date.parse(now) - trashKeepDays * dayMs).toISOString());
    return trashIds.length;
  }

  return {
    moveToTrash,
    restore,
    contents,
    purge,
    get(id: number): TrashEntry | undefined {
      const row = byId.get(id);
      return row && toEntry(row);
    },
    page(offset: number, limit: number, kind?: RecordKind) {
      if (kind) return { total: countOfKind.get(kind)!, offset, rows: pageOfKind.all(kind, limit, offset).map(toEntry) };
      return { total: count.get()!, offset, rows: page.all(limit, offset).map(toEntry) };
    },
    /** Entries deleted at least 30 days before `now`. */
    expired(now: Date): number[] {
      return expired.all(new Date(now.getTime() - trashKeepDays * dayMs).toISOString());
    },
  };
}

export type TrashRepo = ReturnType<typeof trashRepo>;
