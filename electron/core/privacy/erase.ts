import { z } from 'zod';
import { dayText } from '../../../shared/days';
import { changeThenReleaseFiles } from '../attachments/release';
import type { BlobStore } from '../attachments/blob-store';
import { checkpoint, type Db } from '../db/open';
import { CrmError } from '../errors';
import { describeError, type Logger } from '../logger';
import { erasePlanner, onlyTheirActivities, type ErasedPerson } from './erase-plan';
import { fileHoldsAny } from './leftovers';

/** What stands in, on records that stay, where the person's name was. */
export const erasedPersonText = 'A person who was erased';

const changedMeanwhile = () =>
  new CrmError(
    'CONFLICT',
    'Something about this person changed while you were deciding (a note, a deal or a file). Nothing was erased: look at what would go again first.',
  );

/** The parts of a bulk edit's undo record that can name a contact (bulk/handlers.ts writes them). */
const UndoPayload = z.union([
  z.looseObject({
    type: z.literal('set'),
    kind: z.string(),
    rows: z.array(z.tuple([z.int(), z.unknown(), z.unknown()])),
  }),
  z.looseObject({ type: z.enum(['addTag', 'removeTag']), kind: z.string(), ids: z.array(z.int()) }),
]);

/**
 * Removes one person and everything about them, in one transaction (see
 * eraseRows), then the files only they used. Deleted text must not linger in
 * the file's free space or in the search index's old segments: secure_delete
 * zeroes what the transaction frees, the search index is merged into one
 * segment (dropping the entries deletes only marked), and the WAL is
 * checkpointed and emptied afterwards.
 */
export async function erasePerson(
  db: Db,
  databaseFile: string,
  store: BlobStore,
  logger: Logger,
  id: number,
  planKey: string,
  now: Date,
): Promise<void> {
  const planner = erasePlanner(db);
  const rows = eraseRows(db);
  let person: ErasedPerson | undefined;
  let traces: string[] = [];
  const secureBefore = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  if (db.pragma('secure_delete', { simple: true }) !== 1)
    throw new Error('SQLite did not turn secure_delete on; nothing was erased');
  try {
    await changeThenReleaseFiles(
      db,
      store,
      logger,
      // Runs first, inside the same transaction as the erase below.
      () => {
        const plan = planner.plan(id);
        if (plan.planKey !== planKey) throw changedMeanwhile();
        person = plan.person;
        traces = rows.tracesOf(person);
        return [...plan.files.only, ...plan.files.shared];
      },
      () => rows.erase(person!, dayText(now)),
    );
  } finally {
    db.pragma(`secure_delete = ${secureBefore}`);
  }
  const emptyWal = () => {
    try {
      checkpoint(db, 'TRUNCATE');
    } catch (error) {
      logger.warn('the WAL could not be emptied after an erase; its old pages are overwritten as it is reused', {
        error: describeError(error),
      });
    }
  };
  emptyWal();
  /*
   * Edits made before the erase (without secure_delete) may have left old copies of their rows in free
   * space. Moving them to the trash rewrote every row of theirs, so then the file is always rebuilt;
   * otherwise only when their email (a name when they had none) is still found in it. Rebuilding takes
   * seconds at 100,000 contacts, so it is not done when nothing points to a copy.
   */
  if (person!.trashId !== null || (await fileHoldsAny(databaseFile, traces))) {
    logger.info('old copies of erased text were left in the database’s free space; rebuilding the file (VACUUM)');
    db.exec('VACUUM');
    emptyWal();
  }
  // No name, no number: the log must not lead back to the person either.
  logger.info('a contact was erased for good');
}

/** The statements of an erase, run in the caller's transaction. */
function eraseRows(db: Db) {
  const run = (sql: string) => db.prepare<[Record<string, unknown>]>(sql);
  const steps = [
    // Other records' history names them where it links to them (a deal's Contact) or was merged with them.
    run(`UPDATE record_history SET
           old_value = CASE WHEN old_value IN (@name, @email) THEN '${erasedPersonText}' ELSE old_value END,
           new_value = CASE WHEN new_value IN (@name, @email) THEN '${erasedPersonText}' ELSE new_value END
         WHERE contact_id IS NOT @id AND (field = 'contact' OR (action = 'merged' AND contact_id IS NOT NULL)) AND (old_value IN (@name, @email) OR new_value IN (@name, @email))`),
    run(`DELETE FROM activities WHERE ${onlyTheirActivities}`),
    run('UPDATE activities SET contact_id = NULL WHERE contact_id = @id'),
    run('DELETE FROM attachments WHERE contact_id = @id'),
    run('UPDATE deals SET contact_id = NULL WHERE contact_id = @id'),
    run('DELETE FROM record_history WHERE contact_id = @id'),
    run('DELETE FROM campaign_member_events WHERE contact_id = @id'),
    run('DELETE FROM campaign_members WHERE contact_id = @id'),
    run('DELETE FROM outbox WHERE contact_id = @id'),
    run('DELETE FROM contact_tags WHERE contact_id = @id'),
    run('DELETE FROM contact_custom_values WHERE contact_id = @id'),
    run("DELETE FROM import_records WHERE record_kind = 'contact' AND record_id = @id"),
    // A rejected import row is kept only to be fixed and imported again: one naming them goes.
    run(`DELETE FROM import_rejected WHERE EXISTS (
           SELECT 1 FROM json_each(import_rejected.cells) WHERE lower(value) = lower(@name) OR (@email IS NOT NULL AND instr(lower(value), lower(@email)) > 0))`),
    // Trash entries of records merged into them name them; a company's delete remembers the link to put back.
    run(`UPDATE trash SET detail = json_set(detail, '$.mergedInto.name', '${erasedPersonText}')
         WHERE record_kind = 'contact' AND json_extract(detail, '$.mergedInto.id') = @id`),
    run(`UPDATE trash SET detail = json_set(detail, '$.detached', (
           SELECT json_group_array(json(value)) FROM json_each(trash.detail, '$.detached') WHERE json_extract(value, '$[0]') <> @id))
         WHERE EXISTS (SELECT 1 FROM json_each(trash.detail, '$.detached') WHERE json_extract(value, '$[0]') = @id)`),
    run('DELETE FROM contacts WHERE id = @id'),
    // Skips the trash, and takes its entry when it was in it: an entry left holding nothing, or named after them.
    run(`DELETE FROM trash WHERE id = @trash AND NOT EXISTS (SELECT 1 FROM contacts WHERE trash_id = @trash)
           AND NOT EXISTS (SELECT 1 FROM companies WHERE trash_id = @trash) AND NOT EXISTS (SELECT 1 FROM deals WHERE trash_id = @trash)
           AND NOT EXISTS (SELECT 1 FROM activities WHERE trash_id = @trash)`),
    run(`UPDATE trash SET label = '${erasedPersonText}' WHERE id = @trash AND label = @name`),
  ];
  const undoNaming = db.prepare<[{ id: number }], { id: number; payload: string }>(`
    SELECT id, payload FROM undo_records WHERE record_kind = 'contact' AND (
      EXISTS (SELECT 1 FROM json_each(payload, '$.rows') WHERE json_extract(value, '$[0]') = @id)
      OR EXISTS (SELECT 1 FROM json_each(payload, '$.ids') WHERE value = @id))`);
  const rewriteUndo = db.prepare<[string, number]>('UPDATE undo_records SET payload = ? WHERE id = ?');
  const dropUndo = db.prepare<[number]>('DELETE FROM undo_records WHERE id = ?');
  const record = db.prepare<[string]>('INSERT INTO erasures (erased_on) VALUES (?)');
  // Merges every segment of the search index into one: entries a delete only marked (older versions of their name, notes) are dropped.
  const mergeSearchIndex = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  /*
   * An index keeps copies of keys in its inner pages to find its way; a deleted entry's copy stays there.
   * Rebuilt, the indexes that hold a person's text (name, email, phone; a note's subject) drop them, and
   * secure_delete zeroes the pages they leave.
   */
  const textIndexes = [
    'contacts_by_name_sort',
    'contacts_by_name_key',
    'contacts_by_company_id',
    'contacts_by_email',
    'contacts_by_email_key',
    'contacts_by_phone',
    'contacts_by_phone_key',
    'activities_by_subject',
  ];
  const rebuildTextIndexes = () => db.exec(textIndexes.map((index) => `REINDEX ${index};`).join(' '));

  /** A bulk edit's undo keeps their values before and after: their part goes, and the record when nothing else is in it. */
  function purgeUndo(id: number): void {
    for (const row of undoNaming.all({ id })) {
      const payload = UndoPayload.parse(JSON.parse(row.payload));
      const rest =
        payload.type === 'set'
          ? { ...payload, rows: payload.rows.filter(([rowId]) => rowId !== id) }
          : { ...payload, ids: payload.ids.filter((rowId) => rowId !== id) };
      if ((rest.type === 'set' ? rest.rows.length : rest.ids.length) === 0) dropUndo.run(row.id);
      else rewriteUndo.run(JSON.stringify(rest), row.id);
    }
  }

  const earlierValues = db
    .prepare<[{ id: number; field: 'name' | 'email' }], string>(
      "SELECT old_value FROM record_history WHERE contact_id = @id AND field = @field AND typeof(old_value) = 'text'",
    )
    .pluck();

  return {
    /**
     * What an old copy of their row would hold that no one else's does: their email addresses, now
     * and before (a name is often someone else's too), or their names when they never had one.
     */
    tracesOf(person: ErasedPerson): string[] {
      const emails = [person.email, ...earlierValues.all({ id: person.id, field: 'email' })].filter(
        (text): text is string => Boolean(text),
      );
      return emails.length > 0 ? emails : [person.name, ...earlierValues.all({ id: person.id, field: 'name' })];
    },
    erase(person: ErasedPerson, day: string): void {
      const params = { id: person.id, name: person.name, email: person.email, trash: person.trashId };
      purgeUndo(person.id);
      for (const step of steps) step.run(params);
      record.run(day);
      mergeSearchIndex.run();
      rebuildTextIndexes();
    },
  };
}
