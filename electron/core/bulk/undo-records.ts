import { z } from 'zod';
import { recordKinds } from '../../../shared/schemas/record';
import type { Db } from '../db/open';
import { parseStoredJson } from '../db/stored-json';
import { CrmError } from '../errors';
import type { State } from './fields';

const StoredState: z.ZodType<State> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), StoredState)]),
);

/** What an undo record holds: enough to put every record back as it was. */
export const UndoPayload = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set'),
    kind: z.enum(recordKinds),
    field: z.string(),
    rows: z.array(z.tuple([z.int(), StoredState, StoredState])),
  }),
  z.object({
    type: z.enum(['addTag', 'removeTag']),
    kind: z.enum(recordKinds),
    tagId: z.int(),
    ids: z.array(z.int()),
  }),
]);
export type UndoPayload = z.infer<typeof UndoPayload>;

const UndoRow = z.object({ payload: z.string(), undone_at: z.string().nullable() });

const damaged = () =>
  new CrmError(
    'NOT_FOUND',
    'That change can no longer be undone: what Rolodesk kept about it is damaged. Nothing was changed.',
  );

/** The undo records bulk edits leave behind (kept 30 days), read back parsed. */
export function undoRecords(db: Db) {
  const insert = db.prepare<[{ kind: string; label: string; now: string; payload: string }], { id: number }>(
    'INSERT INTO undo_records (record_kind, label, created_at, payload) VALUES (@kind, @label, @now, @payload) RETURNING id',
  );
  const byId = db.prepare<[number], unknown>('SELECT payload, undone_at FROM undo_records WHERE id = ?');
  const markUndone = db.prepare<[string, number]>('UPDATE undo_records SET undone_at = ? WHERE id = ?');

  return {
    /** Saves what an edit changed; the undo record's id. */
    save(label: string, payload: UndoPayload, now: string): number {
      return insert.get({ kind: payload.kind, label, now, payload: JSON.stringify(payload) })!.id;
    },
    /** The undo record, or undefined when it is gone; a damaged one is a CrmError that says so. */
    get(id: number): { payload: UndoPayload; undoneAt: string | null } | undefined {
      const found = byId.get(id);
      if (found === undefined) return undefined;
      const row = UndoRow.safeParse(found);
      if (!row.success) throw damaged();
      return { payload: parseStoredJson(UndoPayload, row.data.payload, damaged), undoneAt: row.data.undone_at };
    },
    markUndone(id: number, now: string): void {
      markUndone.run(now, id);
    },
  };
}
