import { createHash } from 'node:crypto';
import type { ErasePreview } from '../../../shared/schemas/privacy';
import type { Db } from '../db/open';
import { CrmError } from '../errors';

/** The person an erase is about, found live or in the trash. */
export interface ErasedPerson {
  id: number;
  name: string;
  email: string | null;
  version: number;
  trashId: number | null;
  photo: string | null;
}

export type ErasePlan = Omit<ErasePreview, 'backups'> & {
  person: ErasedPerson;
  files: { only: string[]; shared: string[] };
};

export const personGone = () =>
  new CrmError('NOT_FOUND', 'This person is no longer in Rolodesk. They may have been erased already.');

/**
 * Activities about this person that go with them: those on no deal and on no
 * company but their own. An activity about a contact is filed under their
 * company too when it is made (activities/repo.ts), so that link alone does
 * not make it the company's; one put on a deal or another company stays there.
 */
export const onlyTheirActivities = `contact_id = @id AND deal_id IS NULL
  AND (company_id IS NULL OR company_id IS (SELECT company_id FROM contacts WHERE id = @id))`;
/** Attachment rows that go: on the person, or on an activity that goes. */
const goingAttachments = `SELECT id, sha256 FROM attachments WHERE contact_id = @id
  OR activity_id IN (SELECT id FROM activities WHERE ${onlyTheirActivities})`;

/**
 * Counts what erasing one person removes and leaves, and names it by a key:
 * the erase recounts inside its transaction and refuses if the key moved
 * (a note added, a deal linked while the confirmation was open).
 */
export function erasePlanner(db: Db) {
  const person = db.prepare<
    [number],
    {
      id: number;
      name: string;
      email: string | null;
      version: number;
      trash_id: number | null;
      photo_sha256: string | null;
    }
  >('SELECT id, name, email, version, trash_id, photo_sha256 FROM contacts WHERE id = ?');
  const scalar = (sql: string) => db.prepare<[{ id: number }], number>(sql).pluck();
  const counts = {
    activities: scalar(`SELECT count(*) FROM activities WHERE ${onlyTheirActivities}`),
    sharedActivities: scalar(`SELECT count(*) FROM activities WHERE contact_id = @id AND NOT (${onlyTheirActivities})`),
    historyEntries: scalar('SELECT count(*) FROM record_history WHERE contact_id = @id'),
    campaignMemberships: scalar('SELECT count(*) FROM campaign_members WHERE contact_id = @id'),
    messages: scalar('SELECT count(*) FROM outbox WHERE contact_id = @id'),
    tags: scalar('SELECT count(*) FROM contact_tags WHERE contact_id = @id'),
    customValues: scalar('SELECT count(*) FROM contact_custom_values WHERE contact_id = @id'),
    deals: scalar('SELECT count(*) FROM deals WHERE contact_id = @id'),
  };
  const companyName = db
    .prepare<[{ id: number }], string | null>(
      "SELECT coalesce((SELECT name FROM companies WHERE id = c.company_id), nullif(c.company, '')) FROM contacts c WHERE c.id = @id",
    )
    .pluck();
  // A file goes when no row but those that go holds it: no other attachment, no other contact's photo.
  const files = db.prepare<[{ id: number; photo: string | null }], { sha256: string; only: number }>(`
    WITH going AS (${goingAttachments}),
    candidates AS (SELECT sha256 FROM going UNION SELECT @photo WHERE @photo IS NOT NULL)
    SELECT sha256, NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = candidates.sha256 AND a.id NOT IN (SELECT id FROM going))
      AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.photo_sha256 = candidates.sha256 AND c.id <> @id) AS only
    FROM candidates ORDER BY sha256`);

  function personOf(id: number): ErasedPerson | undefined {
    const row = person.get(id);
    return (
      row && {
        id: row.id,
        name: row.name,
        email: row.email,
        version: row.version,
        trashId: row.trash_id,
        photo: row.photo_sha256,
      }
    );
  }

  return {
    plan(id: number): ErasePlan {
      const found = personOf(id);
      if (!found) throw personGone();
      const key = { id };
      const fileRows = files.all({ id, photo: found.photo });
      const only = fileRows.filter((row) => row.only === 1).map((row) => row.sha256);
      const shared = fileRows.filter((row) => row.only !== 1).map((row) => row.sha256);
      const goes = {
        activities: counts.activities.get(key)!,
        historyEntries: counts.historyEntries.get(key)!,
        campaignMemberships: counts.campaignMemberships.get(key)!,
        messages: counts.messages.get(key)!,
        files: only.length,
        tags: counts.tags.get(key)!,
        customValues: counts.customValues.get(key)!,
      };
      const stays = {
        company: companyName.get(key) ?? null,
        deals: counts.deals.get(key)!,
        sharedActivities: counts.sharedActivities.get(key)!,
        sharedFiles: shared.length,
      };
      // The version moves with every change to the person; the counts with every change around them.
      const planKey = createHash('sha256')
        .update(JSON.stringify([found.version, found.trashId, goes, stays, only]))
        .digest('hex')
        .slice(0, 32);
      return {
        contactId: id,
        name: found.name,
        inTrash: found.trashId !== null,
        planKey,
        goes,
        stays,
        person: found,
        files: { only, shared },
      };
    },
  };
}
