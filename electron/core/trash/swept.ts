import type { Db } from '../db/open';
import type { RecordIds } from './repo';

const ids = (list: readonly number[] | undefined) => JSON.stringify(list ?? []);

const linkedTo = `(contact_id IN (SELECT value FROM json_each(@contacts)) OR company_id IN (SELECT value FROM json_each(@companies))
                   OR deal_id IN (SELECT value FROM json_each(@deals)))`;

/**
 * An activity the trash holds only because it sits in an entry about a record:
 * it was swept in when every record it belongs to had gone. (An entry about
 * activities took them: the user deleted them.)
 */
export const sweptActivity = `trash_id IN (SELECT id FROM trash WHERE record_kind <> 'activity')`;

/**
 * Activities in the trash only because all their records are: the one place
 * that decides who holds them. A delete sweeps in those left with no record
 * outside the trash; a restore of any of their records brings them back,
 * whatever entry held them; a purge of the entry holding them hands those
 * that still belong to a record to that record's entry. So an entry owns only
 * what it took, and a record restored never leaves its history behind.
 * Runs in the caller's transaction.
 */
export function sweptActivities(db: Db) {
  const sweep = db.prepare<[{ contacts: string; companies: string; deals: string; now: string; trash: number }]>(`
    UPDATE activities SET deleted_at = @now, trash_id = @trash
    WHERE deleted_at IS NULL AND ${linkedTo}
      AND (contact_id IS NULL OR (SELECT deleted_at FROM contacts WHERE id = activities.contact_id) IS NOT NULL)
      AND (company_id IS NULL OR (SELECT deleted_at FROM companies WHERE id = activities.company_id) IS NOT NULL)
      AND (deal_id IS NULL OR (SELECT deleted_at FROM deals WHERE id = activities.deal_id) IS NOT NULL)`);
  const revive = db.prepare<[{ contacts: string; companies: string; deals: string }]>(`
    UPDATE activities SET deleted_at = NULL, trash_id = NULL
    WHERE deleted_at IS NOT NULL AND ${sweptActivity} AND ${linkedTo}`);
  const reviveWithLiveRecord = db.prepare<[string]>(`
    UPDATE activities SET deleted_at = NULL, trash_id = NULL
    WHERE trash_id IN (SELECT value FROM json_each(?))
      AND (EXISTS (SELECT 1 FROM contacts WHERE id = activities.contact_id AND deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM companies WHERE id = activities.company_id AND deleted_at IS NULL)
           OR EXISTS (SELECT 1 FROM deals WHERE id = activities.deal_id AND deleted_at IS NULL))`);
  const handToRecordsEntry = db.prepare<[string]>(`
    UPDATE activities SET trash_id = (
      SELECT min(held_by) FROM (
        SELECT trash_id AS held_by FROM contacts WHERE id = activities.contact_id
        UNION ALL SELECT trash_id FROM companies WHERE id = activities.company_id
        UNION ALL SELECT trash_id FROM deals WHERE id = activities.deal_id))
    WHERE trash_id IN (SELECT value FROM json_each(?))`);

  return {
    /** Marks, under `trash`, the activities these records' delete left with no record outside the trash; returns how many. */
    sweep(records: RecordIds, trash: number, now: string): number {
      return sweep.run({
        contacts: ids(records.contact),
        companies: ids(records.company),
        deals: ids(records.deal),
        now,
        trash,
      }).changes;
    },
    /** Brings back the swept activities of these records (just restored), from whatever entry held them; returns how many. */
    reviveFor(records: RecordIds): number {
      return revive.run({ contacts: ids(records.contact), companies: ids(records.company), deals: ids(records.deal) })
        .changes;
    },
    /**
     * After the rows of these entries were deleted for good: the activities
     * they still hold belong to records that stay (the purge deleted the
     * others). Back to life with a live record, else to its record's entry.
     */
    rehome(purgedEntries: readonly number[]): void {
      const list = JSON.stringify(purgedEntries);
      reviveWithLiveRecord.run(list);
      handToRecordsEntry.run(list);
    },
  };
}
