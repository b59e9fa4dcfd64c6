import type { FieldedKind } from '../../../shared/schemas/record';
import type { StoredValue } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { customTableOf, ownerColumn, tagTableOf } from '../records/kinds';

/** What every exported record has besides its own fields. */
interface Common {
  id: number;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  /** Tag names, in alphabetical order. */
  tags: readonly string[];
  /** Custom values by field number. */
  custom: ReadonlyMap<number, StoredValue>;
}

export type ContactRecord = Common & { name: string; email: string | null; phone: string | null; company: string | null };
export type CompanyRecord = Common & { name: string; website: string | null; phone: string | null; address: string | null; industry: string | null };
export type DealRecord = Common & {
  title: string;
  valueMinor: number;
  currency: string;
  stage: string;
  company: string | null;
  contact: string | null;
  expectedClose: string | null;
  probability: number | null;
  owner: string | null;
  closedAt: string | null;
};

export interface RecordOf {
  contact: ContactRecord;
  company: CompanyRecord;
  deal: DealRecord;
}

const common = (alias: string) => `${alias}.id AS id, ${alias}.notes AS notes, ${alias}.created_at AS createdAt, ${alias}.updated_at AS updatedAt`;

// The page's ids drive the read (CROSS JOIN keeps json_each outermost), so rows come back in the list's order.
const fromPage = (table: string, alias: string) => `json_each(@ids) page CROSS JOIN ${table} ${alias} ON ${alias}.id = page.value`;

const fields: Record<FieldedKind, { columns: string; from: string; alias: string }> = {
  contact: { columns: `${common('c')}, c.name AS name, c.email AS email, c.phone AS phone, c.company AS company`, from: fromPage('contacts', 'c'), alias: 'c' },
  company: {
    columns: `${common('c')}, c.name AS name, c.website AS website, c.phone AS phone, c.address AS address, c.industry AS industry`,
    from: fromPage('companies', 'c'),
    alias: 'c',
  },
  // Linked names as the deal list shows them: a company or contact in the trash is no name.
  deal: {
    columns: `${common('d')}, d.title AS title, d.value_minor AS valueMinor, d.currency AS currency, s.name AS stage, co.name AS company,
      ct.name AS contact, d.expected_close AS expectedClose, d.probability AS probability, d.owner AS owner, d.closed_at AS closedAt`,
    from: `${fromPage('deals', 'd')} JOIN pipeline_stages s ON s.id = d.stage_id
      LEFT JOIN companies co ON co.id = d.company_id AND co.deleted_at IS NULL
      LEFT JOIN contacts ct ON ct.id = d.contact_id AND ct.deleted_at IS NULL`,
    alias: 'd',
  },
};

/** A step's tag links, each owner's names in alphabetical order (as the list shows them). */
const tagsSql = (kind: FieldedKind) =>
  `SELECT l.${ownerColumn[kind]}, t.name FROM json_each(@ids) page CROSS JOIN ${tagTableOf[kind]} l ON l.${ownerColumn[kind]} = page.value
    JOIN tags t ON t.id = l.tag_id ORDER BY l.${ownerColumn[kind]}, t.name COLLATE NOCASE, t.id`;
const customSql = (kind: FieldedKind) =>
  `SELECT v.${ownerColumn[kind]}, v.field_id, v.value FROM json_each(@ids) page CROSS JOIN ${customTableOf[kind]} v ON v.${ownerColumn[kind]} = page.value`;

type Ids = [{ ids: string }];

function tagsByOwner(links: ReadonlyArray<[number, string]>): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const [owner, name] of links) {
    const owned = names.get(owner);
    if (owned) owned.push(name);
    else names.set(owner, [name]);
  }
  return names;
}

function customByOwner(values: ReadonlyArray<[number, number, StoredValue]>): Map<number, Map<number, StoredValue>> {
  const byOwner = new Map<number, Map<number, StoredValue>>();
  for (const [owner, field, value] of values) {
    const owned = byOwner.get(owner);
    if (owned) owned.set(field, value);
    else byOwner.set(owner, new Map([[field, value]]));
  }
  return byOwner;
}

const noTags: readonly string[] = [];
const noCustomValues: ReadonlyMap<number, StoredValue> = new Map();

/**
 * Whole records of one kind for a step of ids, in the step's order, with
 * their tags and custom values (a record in the trash, or deleted since its
 * id was read, is left out). Read it inside the export's read transaction:
 * whether any tags or custom values exist is asked once, when it is made,
 * and a kind without them skips their lookups. Rows come back as arrays and
 * the records are built here, and tags and custom values are read by a
 * query each rather than one subquery a record: an export reads 100,000 of
 * them, and both cost about a quarter of its time (issue 11).
 */
export function recordReader<K extends FieldedKind>(db: Db, kind: K): (ids: readonly number[]) => Array<RecordOf[K]> {
  const holds = (table: string) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  const { columns, from, alias } = fields[kind];
  const rows = db.prepare<Ids, unknown[]>(`SELECT ${columns} FROM ${from} WHERE ${alias}.deleted_at IS NULL ORDER BY page.key`).raw();
  const names = rows.columns().map((column) => column.name);
  const idAt = names.indexOf('id');
  const tags = holds(tagTableOf[kind]) ? db.prepare<Ids, [number, string]>(tagsSql(kind)).raw() : undefined;
  const custom = holds(customTableOf[kind]) ? db.prepare<Ids, [number, number, StoredValue]>(customSql(kind)).raw() : undefined;

  return (ids) => {
    const step = { ids: JSON.stringify(ids) };
    const tagsOf = tags && tagsByOwner(tags.all(step));
    const customOf = custom && customByOwner(custom.all(step));
    return rows.all(step).map((row) => {
      const record: Record<string, unknown> = {};
      for (let at = 0; at < names.length; at++) record[names[at]!] = row[at];
      const id = row[idAt] as number;
      record.tags = tagsOf?.get(id) ?? noTags;
      record.custom = customOf?.get(id) ?? noCustomValues;
      return record as unknown as RecordOf[K];
    });
  };
}
