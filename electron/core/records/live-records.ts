import type { RecordKind, RecordRef } from '../../../shared/schemas/record';
import type { Db } from '../db/open';
import { CrmError } from '../errors';
import { tableOf } from './kinds';

const perKind = <T>(make: (kind: RecordKind) => T): Record<RecordKind, T> => ({
  contact: make('contact'),
  company: make('company'),
  deal: make('deal'),
  activity: make('activity'),
});

/** The words for a record that is gone; `consequence` says what did not happen because of it. */
export const recordGone = (consequence = 'It may have been deleted.') =>
  new CrmError('NOT_FOUND', `This record no longer exists. ${consequence}`);

/**
 * The one "is it still there?" check: a record exists when its row is there
 * and not in the trash. Every handler, repo and bulk edit asks here.
 */
export function liveRecords(db: Db) {
  const one = perKind((kind) =>
    db.prepare<[number], number>(`SELECT 1 FROM ${tableOf[kind]} WHERE id = ? AND deleted_at IS NULL`).pluck(),
  );
  const many = perKind((kind) =>
    db
      .prepare<[string], number>(
        `SELECT id FROM ${tableOf[kind]} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id`,
      )
      .pluck(),
  );
  const exists = (record: RecordRef): boolean => one[record.kind].get(record.id) !== undefined;

  return {
    exists,
    /** Throws NOT_FOUND in plain words when the record is gone. */
    mustExist(record: RecordRef, consequence?: string): void {
      if (!exists(record)) throw recordGone(consequence);
    },
    /** The ids among these of records that exist, in id order. */
    idsAmong: (kind: RecordKind, ids: readonly number[]): number[] => many[kind].all(JSON.stringify(ids)),
  };
}
