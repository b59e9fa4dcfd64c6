import type { ConsentStatus } from '../../../shared/schemas/marketing';
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

/** Where a record came from: its lead source and UTM fields. */
type Tracking = {
  leadSource: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
};
export type ContactRecord = Common &
  Tracking & {
    name: string;
    email: string | null;
    phone: string | null;
    company: string | null;
    consent: ConsentStatus;
    consentChangedAt: string | null;
  };
export type CompanyRecord = Common &
  Tracking & {
    name: string;
    website: string | null;
    phone: string | null;
    address: string | null;
    industry: string | null;
  };
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

// Every kind's first four columns, in this order: the records below read them by position, the id at 0.
const common = (alias: string) => `${alias}.id, ${alias}.notes, ${alias}.created_at, ${alias}.updated_at`;

// The page's ids drive the read (CROSS JOIN keeps json_each outermost), so rows come back in the list's order.
const fromPage = (table: string, alias: string) =>
  `json_each(@ids) page CROSS JOIN ${table} ${alias} ON ${alias}.id = page.value`;

type Row = unknown[];

/**
 * Each kind's read: its columns, and its record built from a row of them by
 * position (an object literal of one shape costs a third of setting the
 * fields one by one by name, at 100,000 records).
 */
interface KindRead<K extends FieldedKind> {
  columns: string;
  from: string;
  alias: string;
  record: (row: Row, tags: Common['tags'], custom: Common['custom']) => RecordOf[K];
}

const reads: { [K in FieldedKind]: KindRead<K> } = {
  contact: {
    columns: `${common('c')}, c.name, c.email, c.phone, c.company, c.lead_source, c.utm_source, c.utm_medium, c.utm_campaign, c.consent, c.consent_changed_at`,
    from: fromPage('contacts', 'c'),
    alias: 'c',
    record: (row, tags, custom) => ({
      id: row[0] as number,
      notes: row[1] as string | null,
      createdAt: row[2] as string,
      updatedAt: row[3] as string,
      name: row[4] as string,
      email: row[5] as string | null,
      phone: row[6] as string | null,
      company: row[7] as string | null,
      leadSource: row[8] as string | null,
      utmSource: row[9] as string | null,
      utmMedium: row[10] as string | null,
      utmCampaign: row[11] as string | null,
      consent: row[12] as ConsentStatus,
      consentChangedAt: row[13] as string | null,
      tags,
      custom,
    }),
  },
  company: {
    columns: `${common('c')}, c.name, c.website, c.phone, c.address, c.industry, c.lead_source, c.utm_source, c.utm_medium, c.utm_campaign`,
    from: fromPage('companies', 'c'),
    alias: 'c',
    record: (row, tags, custom) => ({
      id: row[0] as number,
      notes: row[1] as string | null,
      createdAt: row[2] as string,
      updatedAt: row[3] as string,
      name: row[4] as string,
      website: row[5] as string | null,
      phone: row[6] as string | null,
      address: row[7] as string | null,
      industry: row[8] as string | null,
      leadSource: row[9] as string | null,
      utmSource: row[10] as string | null,
      utmMedium: row[11] as string | null,
      utmCampaign: row[12] as string | null,
      tags,
      custom,
    }),
  },
  // Linked names as the deal list shows them: a company or contact in the trash is no name.
  deal: {
    columns: `${common('d')}, d.title, d.value_minor, d.currency, s.name, co.name, ct.name, d.expected_close, d.probability, d.owner, d.closed_at`,
    from: `${fromPage('deals', 'd')} JOIN pipeline_stages s ON s.id = d.stage_id
      LEFT JOIN companies co ON co.id = d.company_id AND co.deleted_at IS NULL
      LEFT JOIN contacts ct ON ct.id = d.contact_id AND ct.deleted_at IS NULL`,
    alias: 'd',
    record: (row, tags, custom) => ({
      id: row[0] as number,
      notes: row[1] as string | null,
      createdAt: row[2] as string,
      updatedAt: row[3] as string,
      title: row[4] as string,
      valueMinor: row[5] as number,
      currency: row[6] as string,
      stage: row[7] as string,
      company: row[8] as string | null,
      contact: row[9] as string | null,
      expectedClose: row[10] as string | null,
      probability: row[11] as number | null,
      owner: row[12] as string | null,
      closedAt: row[13] as string | null,
      tags,
      custom,
    }),
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
  const { columns, from, alias, record } = reads[kind] as KindRead<FieldedKind> as KindRead<K>;
  const rows = db
    .prepare<Ids, Row>(`SELECT ${columns} FROM ${from} WHERE ${alias}.deleted_at IS NULL ORDER BY page.key`)
    .raw();
  const tags = holds(tagTableOf[kind]) ? db.prepare<Ids, [number, string]>(tagsSql(kind)).raw() : undefined;
  const custom = holds(customTableOf[kind])
    ? db.prepare<Ids, [number, number, StoredValue]>(customSql(kind)).raw()
    : undefined;

  return (ids) => {
    const step = { ids: JSON.stringify(ids) };
    const tagsOf = tags && tagsByOwner(tags.all(step));
    const customOf = custom && customByOwner(custom.all(step));
    return rows.all(step).map((row) => {
      const id = row[0] as number;
      return record(row, tagsOf?.get(id) ?? noTags, customOf?.get(id) ?? noCustomValues);
    });
  };
}
