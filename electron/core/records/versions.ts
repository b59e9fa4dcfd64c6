import type { RecordKind } from '../../../shared/schemas/record';
import type { Db } from '../db/open';
import { CrmError } from '../errors';
import { nouns, tableOf } from './kinds';

const nameColumn: Record<RecordKind, string> = { contact: 'name', company: 'name', deal: 'title', activity: 'subject' };

/**
 * Refuses an update made from an older version of a record, so a panel
 * opened before a bulk edit, a move on the board or a save elsewhere can
 * never put old values back. Call it in the update's own transaction.
 */
export function versionCheck(db: Db) {
  const current = Object.fromEntries(
    (Object.keys(tableOf) as RecordKind[]).map((kind) => [
      kind,
      db.prepare<[number], { version: number; name: string | null }>(
        `SELECT version, ${nameColumn[kind]} AS name FROM ${tableOf[kind]} WHERE id = ? AND deleted_at IS NULL`,
      ),
    ]),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number], { version: number; name: string | null }>>>;

  /** Throws CONFLICT when the record moved on since `version`; a record that is gone is the caller's NOT_FOUND. */
  return (kind: RecordKind, id: number, version: number): void => {
    const row = current[kind].get(id);
    if (!row || row.version === version) return;
    const what = row.name === null ? 'This activity' : `“${row.name}”`;
    throw new CrmError(
      'CONFLICT',
      `${what} was changed since you opened it (this ${nouns[kind].one} was saved elsewhere). Nothing was saved: review the changes.`,
      {
        fields: [
          {
            field: 'version',
            message: `Changed since you opened it: now version ${row.version}, yours was made from version ${version}.`,
          },
        ],
      },
    );
  };
}
