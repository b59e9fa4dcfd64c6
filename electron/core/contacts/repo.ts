import type { Contact, ContactPage, ContactSortKey } from '../../../shared/schemas/contact';
import type { Db } from '../db/open';
import { toPrefixQuery } from './search-query';

interface ContactRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  photo_sha256: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactValues {
  name: string;
  email: string;
  phone: string;
  company: string;
  notes: string;
}

export interface ListQuery {
  offset: number;
  limit: number;
  sort: ContactSortKey;
  direction: 'asc' | 'desc';
  search: string;
}

// ORDER BY terms match the indexes in migration 0001, so a page is an index walk.
const orderTerms: Record<ContactSortKey, string[]> = {
  name: ['name'],
  email: ['email IS NULL', 'email'],
  phone: ['phone IS NULL', 'phone'],
  company: ['company IS NULL', 'company'],
  updatedAt: ['updated_at'],
};

function orderBy(sort: ContactSortKey, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return [...orderTerms[sort], 'id'].map((term) => (term.endsWith('IS NULL') ? `${term} ASC` : `${term} ${dir}`)).join(', ');
}

const blankToNull = (text: string): string | null => (text === '' ? null : text);

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    email: row.email ?? '',
    phone: row.phone ?? '',
    company: row.company ?? '',
    notes: row.notes ?? '',
    photo: row.photo_sha256,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const summaryColumns = 'id, name, email, phone, company, photo_sha256, updated_at';
const searchFilter = 'id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH @match)';

/** SQL for contacts. Statements are prepared once per connection. */
export function contactsRepo(db: Db) {
  const insert = db.prepare<[Record<string, string | null>], ContactRow>(
    `INSERT INTO contacts (name, email, phone, company, notes, created_at, updated_at)
     VALUES (@name, @email, @phone, @company, @notes, @now, @now) RETURNING *`,
  );
  const update = db.prepare<[Record<string, string | number | null>], ContactRow>(
    `UPDATE contacts SET name = @name, email = @email, phone = @phone, company = @company, notes = @notes,
       updated_at = @now WHERE id = @id RETURNING *`,
  );
  const byId = db.prepare<[number], ContactRow>('SELECT * FROM contacts WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM contacts WHERE id = ?');
  const setPhoto = db.prepare<[{ id: number; photo: string | null; now: string }], ContactRow>(
    'UPDATE contacts SET photo_sha256 = @photo, updated_at = @now WHERE id = @id RETURNING *',
  );
  const filesOf = db.prepare<[number, number], string>(
    'SELECT sha256 FROM attachments WHERE contact_id = ? UNION SELECT photo_sha256 FROM contacts WHERE id = ? AND photo_sha256 IS NOT NULL',
  ).pluck();
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM contacts');
  const countMatching = db.prepare<[{ match: string }], { n: number }>(`SELECT count(*) AS n FROM contacts WHERE ${searchFilter}`);
  const pageStatements = new Map<string, ReturnType<typeof db.prepare>>();

  function pageStatement(sort: ContactSortKey, direction: 'asc' | 'desc', searching: boolean) {
    const key = `${sort}:${direction}:${searching}`;
    let statement = pageStatements.get(key);
    if (!statement) {
      statement = db.prepare(
        `SELECT ${summaryColumns} FROM contacts ${searching ? `WHERE ${searchFilter}` : ''}
         ORDER BY ${orderBy(sort, direction)} LIMIT @limit OFFSET @offset`,
      );
      pageStatements.set(key, statement);
    }
    return statement;
  }

  const valuesFor = (values: ContactValues) => ({
    name: values.name,
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    company: blankToNull(values.company),
    notes: blankToNull(values.notes),
  });

  // Every write runs inside an explicit transaction: with INSERT … RETURNING in
  // autocommit, SQLite commits while the statement is reset, and a failed
  // commit there (a full disk) would go unreported. COMMIT as its own
  // statement always reports.
  // Inside a caller's transaction (an import) the caller's COMMIT reports.
  const write = <A extends unknown[], R>(body: (...args: A) => R) => {
    const inTransaction = db.transaction(body);
    return (...args: A): R => (db.inTransaction ? body(...args) : inTransaction(...args));
  };

  return {
    create: write((values: ContactValues, now: string): Contact => toContact(insert.get({ ...valuesFor(values), now })!)),
    update: write((id: number, values: ContactValues, now: string): Contact | undefined => {
      const row = update.get({ ...valuesFor(values), now, id });
      return row && toContact(row);
    }),
    get(id: number): Contact | undefined {
      const row = byId.get(id);
      return row && toContact(row);
    },
    setPhoto: write((id: number, photo: string | null, now: string): Contact | undefined => {
      const row = setPhoto.get({ id, photo, now });
      return row && toContact(row);
    }),
    /** Fingerprints of every file the contact holds (attachments and photo). */
    filesOf(id: number): string[] {
      return filesOf.all(id, id);
    },
    delete: write((id: number): boolean => remove.run(id).changes > 0),
    list(query: ListQuery): ContactPage {
      const match = toPrefixQuery(query.search);
      const searching = match !== '';
      const params = { limit: query.limit, offset: query.offset, ...(searching ? { match } : {}) };
      const rows = pageStatement(query.sort, query.direction, searching).all(params) as Array<Omit<ContactRow, 'notes' | 'created_at'>>;
      const total = searching ? countMatching.get({ match })!.n : countAll.get()!.n;
      return {
        total,
        offset: query.offset,
        rows: rows.map((row) => ({
          id: row.id,
          name: row.name,
          email: row.email ?? '',
          phone: row.phone ?? '',
          company: row.company ?? '',
          photo: row.photo_sha256,
          updatedAt: row.updated_at,
        })),
      };
    },
  };
}

export type ContactsRepo = ReturnType<typeof contactsRepo>;
