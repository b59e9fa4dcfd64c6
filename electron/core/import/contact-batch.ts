import type { StoredValue } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { contactColumns } from '../contacts/columns';

/** A contact an import creates, its company already found or created. */
export interface NewContact {
  values: { name: string; email: string; phone: string; notes: string };
  companyId: number | null;
  /** The row's own tags and custom values, written after the contact (absent: none). */
  tagIds?: readonly number[] | undefined;
  custom?: Readonly<Record<string, StoredValue>> | undefined;
  /** The row's match keys: a later row with one of them must see this contact in the table. */
  keys: readonly string[];
}

/** Rows per INSERT … SELECT: memory stays a batch, and statement costs are paid per batch. */
const batchRows = 250;

/**
 * The contacts an import creates, written a batch at a time: one INSERT …
 * SELECT over the batch, then the import's records and history rows for the
 * same ids in one statement each. One statement per contact paid SQLite's
 * per-statement work (its statement journal copies every page a row's
 * indexes and search index touch) for every row, about half the write.
 * Columns as contactsRepo.create stores them. Ids come in batch order (SQLite
 * gives a new row the largest id plus one); checked, since undo relies on it.
 *
 * A row matched against the table first calls `flushIfPending` with its keys,
 * so it finds a contact of an earlier row as it would have one by one.
 */
export function contactBatch(db: Db, run: { runId: number; now: string; tagName: string }, setExtras: (id: number, contact: NewContact) => void) {
  const insert = db.prepare<[{ rows: string; now: string }]>(
    `INSERT INTO contacts (name, email, phone, company, company_id, notes, name_key, phone_key, name_sort, company_sort, created_at, updated_at)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, @now, @now
     FROM json_each(@rows) ORDER BY key`,
  );
  const lastId = db.prepare<[], number | null>('SELECT max(id) FROM contacts').pluck();
  const companyName = db.prepare<[number], string>('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL').pluck();
  const noteCreated = db.prepare<[{ run: number; first: number; last: number }]>(
    `INSERT INTO import_records (import_id, record_kind, record_id, action, before)
     SELECT @run, 'contact', id, 'created', NULL FROM contacts WHERE id BETWEEN @first AND @last ON CONFLICT DO NOTHING`,
  );
  // The import's tag in each created record's history, so its timeline says where it came from.
  const noteHistory = db.prepare<[{ first: number; last: number; tag: string; now: string }]>(
    `INSERT INTO record_history (contact_id, action, field, old_value, new_value, changed_at)
     SELECT id, 'tagged', 'tags', NULL, @tag, @now FROM contacts WHERE id BETWEEN @first AND @last ORDER BY id`,
  );

  let rows: unknown[][] = [];
  let contacts: NewContact[] = [];
  const pendingKeys = new Set<string>();

  function flush(): void {
    if (rows.length === 0) return;
    const first = (lastId.get() ?? 0) + 1;
    const last = first + rows.length - 1;
    const written = insert.run({ rows: JSON.stringify(rows), now: run.now }).changes;
    if (written !== rows.length || lastId.get() !== last) throw new Error(`An import batch of ${rows.length} contacts was not given ids ${first}–${last}.`);
    noteCreated.run({ run: run.runId, first, last });
    noteHistory.run({ first, last, tag: run.tagName, now: run.now });
    contacts.forEach((contact, index) => {
      if (contact.tagIds !== undefined || contact.custom !== undefined) setExtras(first + index, contact);
    });
    rows = [];
    contacts = [];
    pendingKeys.clear();
  }

  return {
    add(contact: NewContact): void {
      // A linked contact carries its company's own name, as contactsRepo.create stores it.
      const company = contact.companyId === null ? '' : companyName.get(contact.companyId)!;
      const row = contactColumns(contact.values, { companyId: contact.companyId, company });
      rows.push([row.name, row.email, row.phone, row.company, row.companyId, row.notes, row.nameKey, row.phoneKey, row.nameSort, row.companySort]);
      contacts.push(contact);
      for (const key of contact.keys) pendingKeys.add(key);
      if (rows.length >= batchRows) flush();
    },
    /** Writes the batch if a row with any of these keys is in it. */
    flushIfPending(keys: readonly string[]): void {
      if (keys.some((key) => pendingKeys.has(key))) flush();
    },
    flush,
  };
}
