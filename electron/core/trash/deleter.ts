import type { RecordKind } from '../../../shared/schemas/record';
import type { KindCounts } from '../../../shared/schemas/trash';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { countOf, tableOf } from '../records/kinds';
import { liveRecords } from '../records/live-records';
import { invalid } from '../records/problems';
import { trashRepo } from './repo';

export type ContactsChoice = 'detach' | 'trash';

/**
 * Every delete of contacts, companies, deals and activities: to the trash,
 * as one entry that a restore takes back whole. A company's people need a
 * choice (detach them, or trash them too); without one the delete is refused.
 */
export function deleter(db: Db) {
  const write = writer(db);
  const trash = trashRepo(db);
  const labels = Object.fromEntries(
    (['contact', 'company', 'deal', 'activity'] as const).map((kind) => {
      const column =
        kind === 'deal' ? 'title' : kind === 'activity' ? `coalesce(subject, substr(body, 1, 60))` : 'name';
      return [
        kind,
        db
          .prepare<[number], string>(`SELECT ${column} FROM ${tableOf[kind]} WHERE id = ? AND deleted_at IS NULL`)
          .pluck(),
      ];
    }),
  ) as Record<RecordKind, ReturnType<typeof db.prepare<[number], string>>>;
  const records = liveRecords(db);
  const peopleOf = db.prepare<[string], { id: number; company_id: number }>(
    'SELECT id, company_id FROM contacts WHERE company_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id',
  );
  const detach = db.prepare<[number]>('UPDATE contacts SET company_id = NULL WHERE id = ?');

  return {
    /**
     * Moves the records that exist (and are not already in the trash) to the
     * trash; returns undefined when none did.
     */
    delete: write(
      (
        kind: RecordKind,
        ids: readonly number[],
        now: string,
        choice?: ContactsChoice,
      ): { trashId: number; counts: KindCounts } | undefined => {
        const found = records.idsAmong(kind, ids);
        if (found.length === 0) return undefined;
        const label =
          found.length === 1 ? (labels[kind].get(found[0]!) ?? countOf(kind, 1)) : countOf(kind, found.length);
        if (kind !== 'company') return trash.moveToTrash({ kind, label, records: { [kind]: found } }, now);
        const people = peopleOf.all(JSON.stringify(found));
        if (people.length > 0 && choice === undefined) {
          throw invalid(
            'contacts',
            `${found.length === 1 ? `“${label}” has` : `These companies have`} ${countOf('contact', people.length)}. Choose whether to keep them without the company (detach) or delete them too (trash).`,
          );
        }
        if (choice === 'trash')
          return trash.moveToTrash(
            { kind, label, records: { company: found, contact: people.map((person) => person.id) } },
            now,
          );
        for (const person of people) detach.run(person.id);
        return trash.moveToTrash(
          {
            kind,
            label,
            records: { company: found },
            detached: people.map((person) => [person.id, person.company_id] as const),
          },
          now,
        );
      },
    ),
  };
}

export type Deleter = ReturnType<typeof deleter>;
