import { z } from 'zod';
import type { SampleCounts } from '../../../shared/schemas/sample-data';
import { changeThenReleaseFiles } from '../attachments/release';
import type { BlobStore } from '../attachments/blob-store';
import type { Db } from '../db/open';
import type { Logger } from '../logger';
import { tagsRepo } from '../tags/repo';
import { sampleMarks } from './marks';

const inList = (column: string, name: string) => `${column} IN (SELECT value FROM json_each(@${name}))`;

/**
 * Deletes every sample record for good, in one transaction, then the files
 * only they held. Real records stay: a link from one to a sample record is
 * dropped (the foreign keys set it to null), and so is a sample tag on it.
 * An activity goes with the sample records when every record it belongs to
 * is one of them (it would belong to nothing), even if the user wrote it;
 * one that also belongs to a real record stays there. Trash entries left
 * holding nothing go too.
 */

// json_group_array's answer, read back as the ids it lists.
const ActivityIds = z.array(z.int());
export async function removeSampleData(db: Db, store: BlobStore, logger: Logger, now: Date): Promise<SampleCounts> {
  const marks = sampleMarks(db);
  const tags = tagsRepo(db);
  const run = (sql: string) => db.prepare<[Record<string, string>]>(sql);
  const activitiesGoing = db
    .prepare<[Record<string, string>], number>(
      `
      SELECT id FROM activities WHERE ${inList('id', 'activities')}
      UNION
      SELECT id FROM activities
      WHERE (${inList('contact_id', 'contacts')} OR ${inList('company_id', 'companies')} OR ${inList('deal_id', 'deals')})
        AND (contact_id IS NULL OR ${inList('contact_id', 'contacts')})
        AND (company_id IS NULL OR ${inList('company_id', 'companies')})
        AND (deal_id IS NULL OR ${inList('deal_id', 'deals')})`,
    )
    .pluck();
  const filesOf = db
    .prepare<[Record<string, string>], string>(
      `
      SELECT sha256 FROM attachments
      WHERE ${inList('contact_id', 'contacts')} OR ${inList('company_id', 'companies')} OR ${inList('deal_id', 'deals')} OR ${inList('activity_id', 'activities')}
      UNION SELECT photo_sha256 FROM contacts WHERE ${inList('id', 'contacts')} AND photo_sha256 IS NOT NULL`,
    )
    .pluck();
  // Attachments go with their record by ON DELETE CASCADE; history, tag links and campaign members too.
  const deleteRows = ['activities', 'deals', 'contacts', 'companies'].map((table) =>
    run(`DELETE FROM ${table} WHERE ${inList('id', table)}`),
  );
  const emptyTrash = db.prepare(`DELETE FROM trash WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE trash_id = trash.id)
    AND NOT EXISTS (SELECT 1 FROM companies WHERE trash_id = trash.id) AND NOT EXISTS (SELECT 1 FROM deals WHERE trash_id = trash.id)
    AND NOT EXISTS (SELECT 1 FROM activities WHERE trash_id = trash.id)`);

  let lists: Record<'contacts' | 'companies' | 'deals' | 'activities', string> | undefined;
  const removed = await changeThenReleaseFiles(
    db,
    store,
    logger,
    // Runs first, inside the same transaction as the delete below.
    () => {
      const records = {
        contacts: JSON.stringify(marks.ids('contact')),
        companies: JSON.stringify(marks.ids('company')),
        deals: JSON.stringify(marks.ids('deal')),
      };
      lists = {
        ...records,
        activities: JSON.stringify(
          activitiesGoing.all({ ...records, activities: JSON.stringify(marks.ids('activity')) }),
        ),
      };
      return filesOf.all(lists);
    },
    () => {
      const going = lists!;
      const counts: SampleCounts = {
        contact: marks.ids('contact').length,
        company: marks.ids('company').length,
        deal: marks.ids('deal').length,
        activity: ActivityIds.parse(JSON.parse(going.activities)).length,
      };
      for (const statement of deleteRows) statement.run(going);
      emptyTrash.run();
      for (const id of marks.ids('tag')) tags.delete(id, now.toISOString());
      return counts;
    },
  );
  logger.info('sample data removed', { ...removed });
  return removed;
}
