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
  custom: Map<number, StoredValue>;
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
const inPage = (alias: string) => `${alias}.id IN (SELECT value FROM json_each(@ids)) AND ${alias}.deleted_at IS NULL`;

const selects: Record<FieldedKind, string> = {
  contact: `SELECT ${common('c')}, c.name AS name, c.email AS email, c.phone AS phone, c.company AS company FROM contacts c WHERE ${inPage('c')}`,
  company: `SELECT ${common('c')}, c.name AS name, c.website AS website, c.phone AS phone, c.address AS address, c.industry AS industry
    FROM companies c WHERE ${inPage('c')}`,
  // Linked names as the deal list shows them: a company or contact in the trash is no name.
  deal: `SELECT ${common('d')}, d.title AS title, d.value_minor AS valueMinor, d.currency AS currency, s.name AS stage, co.name AS company,
      ct.name AS contact, d.expected_close AS expectedClose, d.probability AS probability, d.owner AS owner, d.closed_at AS closedAt
    FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id
      LEFT JOIN companies co ON co.id = d.company_id AND co.deleted_at IS NULL
      LEFT JOIN contacts ct ON ct.id = d.contact_id AND ct.deleted_at IS NULL
    WHERE ${inPage('d')}`,
};

/**
 * Whole records of one kind, a page of ids at a time, with their tags and
 * custom values: three queries a page, whatever its size. Read it inside
 * the export's read transaction: whether any tags or custom values exist is
 * asked once, when it is made.
 */
export function recordReader<K extends FieldedKind>(db: Db, kind: K): (ids: readonly number[]) => Array<RecordOf[K]> {
  const rows = db.prepare<[{ ids: string }], Omit<RecordOf[K], 'tags' | 'custom'>>(selects[kind]);
  const owner = ownerColumn[kind];
  const tags = db.prepare<[{ ids: string }], { owner: number; name: string }>(
    `SELECT l.${owner} AS owner, t.name AS name FROM ${tagTableOf[kind]} l JOIN tags t ON t.id = l.tag_id
     WHERE l.${owner} IN (SELECT value FROM json_each(@ids)) ORDER BY t.name COLLATE NOCASE, t.id`,
  );
  const custom = db.prepare<[{ ids: string }], { owner: number; field: number; value: StoredValue }>(
    `SELECT ${owner} AS owner, field_id AS field, value FROM ${customTableOf[kind]} WHERE ${owner} IN (SELECT value FROM json_each(@ids))`,
  );
  // A kind with no tags or no custom values at all skips their queries (a fifth of an export's time).
  const holds = (table: string) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
  const anyTags = holds(tagTableOf[kind]);
  const anyCustom = holds(customTableOf[kind]);

  return (ids) => {
    const param = { ids: JSON.stringify(ids) };
    const byId = new Map<number, RecordOf[K]>();
    for (const row of rows.all(param)) byId.set(row.id, { ...row, tags: [], custom: new Map() } as unknown as RecordOf[K]);
    if (anyTags) for (const { owner: id, name } of tags.all(param)) byId.get(id)?.tags.push(name);
    if (anyCustom) for (const { owner: id, field, value } of custom.all(param)) byId.get(id)?.custom.set(field, value);
    // In the list's order; a record deleted since its id was read is left out.
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
}
