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
  tags: string[];
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

/** A record's tag names (alphabetical, as the list shows them) and custom values, each as one JSON text; null when it has none (most records: no parse). */
const tagsOf = (kind: FieldedKind, alias: string) =>
  `(SELECT nullif(json_group_array(t.name ORDER BY t.name COLLATE NOCASE, t.id), '[]') FROM ${tagTableOf[kind]} l JOIN tags t ON t.id = l.tag_id WHERE l.${ownerColumn[kind]} = ${alias}.id)`;
const customOf = (kind: FieldedKind, alias: string) => `(SELECT nullif(json_group_object(field_id, value), '{}') FROM ${customTableOf[kind]} v WHERE v.${ownerColumn[kind]} = ${alias}.id)`;

/** A row as read: the record, with its tags and custom values still JSON text (null: none), parsed in place. */
type Row = Record<string, unknown> & { tags: string | null | string[]; custom: string | null | ReadonlyMap<number, StoredValue> };

const noCustomValues: ReadonlyMap<number, StoredValue> = new Map();

/**
 * Whole records of one kind for a page of ids, in the page's order, with
 * their tags and custom values: one query a page, whatever its size (a
 * record in the trash, or deleted since its id was read, is left out). Read
 * it inside the export's read transaction: whether any tags or custom values
 * exist is asked once, when it is made, and a kind without them skips their
 * lookups.
 */
export function recordReader<K extends FieldedKind>(db: Db, kind: K): (ids: readonly number[]) => Array<RecordOf[K]> {
  const holds = (table: string) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  const { columns, from, alias } = fields[kind];
  const tags = holds(tagTableOf[kind]) ? tagsOf(kind, alias) : 'NULL';
  const custom = holds(customTableOf[kind]) ? customOf(kind, alias) : 'NULL';
  const rows = db.prepare<[{ ids: string }], Row>(`SELECT ${columns}, ${tags} AS tags, ${custom} AS custom FROM ${from} WHERE ${alias}.deleted_at IS NULL ORDER BY page.key`);

  return (ids) => {
    const records = rows.all({ ids: JSON.stringify(ids) });
    // In place rather than copied: an export builds 100,000 of these, and every copy is garbage to collect.
    for (const record of records) {
      record.tags = typeof record.tags === 'string' ? (JSON.parse(record.tags) as string[]) : [];
      record.custom =
        typeof record.custom === 'string'
          ? new Map(Object.entries(JSON.parse(record.custom) as Record<string, StoredValue>).map(([field, value]) => [Number(field), value]))
          : noCustomValues;
    }
    return records as unknown as Array<RecordOf[K]>;
  };
}
