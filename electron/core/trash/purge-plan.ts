import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { sweptActivity } from './swept';

/**
 * Exactly which rows deleting some trash entries for good removes. The
 * preview shows it and the purge deletes it, so the two cannot disagree.
 */
export interface PurgePlan {
  /** The entries asked for. */
  entries: number[];
  /** Other entries that would hold nothing afterwards: activities deleted on their own that belong only to what goes. */
  emptied: number[];
  contacts: number[];
  companies: number[];
  deals: number[];
  /** Taken by the entries, or belonging to no record but those that go. */
  activities: number[];
  /** Attachment rows of what goes (their files are released if nothing else holds them). */
  attachments: number[];
  /** Names the rows above: a preview's key, checked again by the delete. */
  key: string;
}

const inList = (column: string, name: string) => `${column} IN (SELECT value FROM json_each(@${name}))`;

export function purgePlanner(db: Db) {
  const rowsOf = Object.fromEntries(
    (['contacts', 'companies', 'deals'] as const).map((table) => [
      table,
      db
        .prepare<[string], number>(
          `SELECT id FROM ${table} WHERE trash_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
        )
        .pluck(),
    ]),
  ) as Record<'contacts' | 'companies' | 'deals', ReturnType<typeof db.prepare<[string], number>>>;
  // Every activity nothing would hold: taken by these entries, or with every record it belongs to going (whatever entry, if any, holds it).
  const activitiesGoing = db
    .prepare<[{ entries: string; contacts: string; companies: string; deals: string }], number>(
      `
    SELECT id FROM activities WHERE ${inList('trash_id', 'entries')} AND NOT (${sweptActivity})
    UNION
    SELECT id FROM activities
    WHERE (${inList('contact_id', 'contacts')} OR ${inList('company_id', 'companies')} OR ${inList('deal_id', 'deals')})
      AND (contact_id IS NULL OR ${inList('contact_id', 'contacts')})
      AND (company_id IS NULL OR ${inList('company_id', 'companies')})
      AND (deal_id IS NULL OR ${inList('deal_id', 'deals')})
    ORDER BY id`,
    )
    .pluck();
  const emptied = db
    .prepare<[{ entries: string; activities: string }], number>(
      `
    SELECT DISTINCT trash_id FROM activities held
    WHERE ${inList('id', 'activities')} AND trash_id IS NOT NULL AND NOT ${inList('trash_id', 'entries')}
      AND NOT EXISTS (SELECT 1 FROM activities other WHERE other.trash_id = held.trash_id AND NOT ${inList('other.id', 'activities')})
      AND NOT EXISTS (SELECT 1 FROM contacts WHERE trash_id = held.trash_id)
      AND NOT EXISTS (SELECT 1 FROM companies WHERE trash_id = held.trash_id)
      AND NOT EXISTS (SELECT 1 FROM deals WHERE trash_id = held.trash_id)
    ORDER BY trash_id`,
    )
    .pluck();
  const attachmentsGoing = db
    .prepare<[{ contacts: string; companies: string; deals: string; activities: string }], number>(
      `
    SELECT id FROM attachments
    WHERE ${inList('contact_id', 'contacts')} OR ${inList('company_id', 'companies')} OR ${inList('deal_id', 'deals')} OR ${inList('activity_id', 'activities')}
    ORDER BY id`,
    )
    .pluck();

  return {
    plan(trashIds: readonly number[]): PurgePlan {
      const entries = JSON.stringify(trashIds);
      const records = {
        contacts: rowsOf.contacts.all(entries),
        companies: rowsOf.companies.all(entries),
        deals: rowsOf.deals.all(entries),
      };
      const lists = {
        entries,
        contacts: JSON.stringify(records.contacts),
        companies: JSON.stringify(records.companies),
        deals: JSON.stringify(records.deals),
      };
      const activities = activitiesGoing.all(lists);
      const activityList = JSON.stringify(activities);
      const rows = {
        entries: [...trashIds],
        emptied: emptied.all({ entries, activities: activityList }),
        ...records,
        activities,
        attachments: attachmentsGoing.all({ ...lists, activities: activityList }),
      };
      return { ...rows, key: createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32) };
    },
  };
}
