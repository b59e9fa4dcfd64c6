import type { CustomFilter } from '../../../shared/schemas/common';
import type { Company, CompanyPage, CompanySortKey, CompanySummary } from '../../../shared/schemas/company';
import { customFieldsRepo, type StoredValue } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { historyRepo, type DisplayValues } from '../records/history';
import { listReader, searchCondition, tagCondition, type Conditions } from '../records/list-query';
import { blankToNull } from '../records/problems';
import { sortKey } from '../records/sort-key';
import { leadSourceCondition } from '../lead-sources/list-filter';
import { leadSourcesRepo } from '../lead-sources/repo';
import { tagsRepo } from '../tags/repo';
import { companyColumns } from './columns';

interface CompanyRow {
  id: number;
  version: number;
  name: string;
  website: string | null;
  phone: string | null;
  address: string | null;
  industry: string | null;
  notes: string | null;
  lead_source: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  created_at: string;
  updated_at: string;
}

export interface CompanyValues {
  name: string;
  website: string;
  phone: string;
  address: string;
  industry: string;
  notes: string;
}

/** Where the company came from; each left out means "as it is". */
export interface CompanyMarketing {
  leadSource?: string | undefined;
  utmSource?: string | undefined;
  utmMedium?: string | undefined;
  utmCampaign?: string | undefined;
}

export interface CompanyExtras extends CompanyMarketing {
  tagIds?: readonly number[] | undefined;
  custom?: Readonly<Record<string, StoredValue | null>> | undefined;
}

export interface CompanyListQuery {
  offset: number;
  limit: number;
  sort: CompanySortKey;
  direction: 'asc' | 'desc';
  search: string;
  industry?: string | undefined;
  tagIds?: readonly number[];
  tagMatch?: 'any' | 'all';
  custom?: readonly CustomFilter[];
  leadSources?: readonly string[];
}

/** What narrows the list, without its order or paging. */
export type CompanyListFilters = Omit<CompanyListQuery, 'offset' | 'limit' | 'sort' | 'direction'>;

// Names sort by their phone-book key (records/sort-key.ts), equal keys by the exact name.
const orderTerms: Record<CompanySortKey, string[]> = {
  name: ['co.name_sort', 'co.name COLLATE BINARY'],
  industry: ['co.industry IS NULL', 'co.industry'],
  website: ['co.website IS NULL', 'co.website'],
  phone: ['co.phone IS NULL', 'co.phone'],
  updatedAt: ['co.updated_at'],
  createdAt: ['co.created_at'],
  // Migration 23's index: (lead_source IS NULL, lead_source, id).
  leadSource: ['co.lead_source IS NULL', 'co.lead_source'],
};

const marketingFields = ['leadSource', 'utmSource', 'utmMedium', 'utmCampaign'] as const;
type MarketingField = (typeof marketingFields)[number];
type MarketingValues = Record<MarketingField, string | null>;

function marketingOf(row: CompanyRow): MarketingValues {
  return {
    leadSource: row.lead_source,
    utmSource: row.utm_source,
    utmMedium: row.utm_medium,
    utmCampaign: row.utm_campaign,
  };
}

const fields = ['name', 'website', 'phone', 'address', 'industry', 'notes'] as const;

function valuesOf(row: CompanyRow): CompanyValues {
  return {
    name: row.name,
    website: row.website ?? '',
    phone: row.phone ?? '',
    address: row.address ?? '',
    industry: row.industry ?? '',
    notes: row.notes ?? '',
  };
}

function displayOf(values: CompanyValues): DisplayValues {
  return Object.fromEntries(fields.map((field) => [field, blankToNull(values[field])]));
}

/** SQL for companies. */
export function companiesRepo(db: Db) {
  const write = writer(db);
  const history = historyRepo(db);
  const tags = tagsRepo(db);
  const custom = customFieldsRepo(db);
  const insert = db.prepare<[Record<string, string | null>], { id: number }>(
    `INSERT INTO companies (name, website, phone, address, industry, notes, name_key, phone_key, name_sort, created_at, updated_at)
     VALUES (@name, @website, @phone, @address, @industry, @notes, @nameKey, @phoneKey, @nameSort, @now, @now) RETURNING id`,
  );
  const update = db.prepare<[Record<string, string | number | null>]>(
    `UPDATE companies SET name = @name, website = @website, phone = @phone, address = @address, industry = @industry, notes = @notes,
       name_key = @nameKey, phone_key = @phoneKey, name_sort = @nameSort, updated_at = @now WHERE id = @id AND deleted_at IS NULL`,
  );
  const byId = db.prepare<[number], CompanyRow>('SELECT * FROM companies WHERE id = ? AND deleted_at IS NULL');
  // Linked contacts show the company's name as their company text.
  const renameOnContacts = db.prepare<[{ id: number; name: string; nameSort: string }]>(
    'UPDATE contacts SET company = @name, company_sort = @nameSort WHERE company_id = @id AND company IS NOT @name',
  );
  const contactCount = db
    .prepare<[number], number>('SELECT count(*) FROM contacts WHERE company_id = ? AND deleted_at IS NULL')
    .pluck();
  const contactIds = db
    .prepare<[number], number>('SELECT id FROM contacts WHERE company_id = ? AND deleted_at IS NULL ORDER BY id')
    .pluck();
  const dealCount = db
    .prepare<[number], number>('SELECT count(*) FROM deals WHERE company_id = ? AND deleted_at IS NULL')
    .pluck();
  const setMarketing = db.prepare<[MarketingValues & { id: number }]>(
    'UPDATE companies SET lead_source = @leadSource, utm_source = @utmSource, utm_medium = @utmMedium, utm_campaign = @utmCampaign WHERE id = @id',
  );
  const leadSources = leadSourcesRepo(db);
  const reader = listReader<CompanySortKey, CompanyRow>(db, {
    kind: 'company',
    from: 'companies co',
    alias: 'co',
    columns: 'co.id, co.name, co.website, co.phone, co.industry, co.lead_source, co.updated_at',
    order: orderTerms,
    titleSort: 'name',
  });

  /** Stores the lead source (one from the list, in its spelling) and UTM fields given; history notes each change. */
  function saveMarketing(
    id: number,
    before: CompanyRow,
    values: CompanyMarketing,
    now: string,
    recordHistory: boolean,
  ): void {
    const old = marketingOf(before);
    const after: MarketingValues = { ...old };
    for (const field of marketingFields) {
      const given = values[field];
      if (given === undefined) continue;
      after[field] = blankToNull(field === 'leadSource' ? leadSources.spelled(given) : given);
    }
    if (marketingFields.every((field) => after[field] === old[field])) return;
    setMarketing.run({ ...after, id });
    if (recordHistory) history.changes({ kind: 'company', id }, old, after, now);
  }

  function get(id: number): Company | undefined {
    const row = byId.get(id);
    if (!row) return undefined;
    const ref = { kind: 'company' as const, id };
    return {
      id,
      ...valuesOf(row),
      tagIds: tags.idsOf(ref),
      custom: custom.valuesOf(ref),
      contactCount: contactCount.get(id)!,
      dealCount: dealCount.get(id)!,
      leadSource: row.lead_source ?? '',
      utmSource: row.utm_source ?? '',
      utmMedium: row.utm_medium ?? '',
      utmCampaign: row.utm_campaign ?? '',
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  /** The list's search and filters as SQL: its pages, its ranges and its select-all all read them from here. */
  function listConditions(query: CompanyListFilters): Conditions {
    const conditions: Conditions = { where: [], params: {} };
    searchCondition(query.search, conditions);
    if (query.industry !== undefined && query.industry !== '') {
      conditions.where.push('co.industry = @industry');
      conditions.params.industry = query.industry;
    }
    tagCondition('co', 'company_tags', 'company_id', query.tagIds ?? [], query.tagMatch ?? 'any', conditions);
    custom.conditions('company', 'co', query.custom ?? [], conditions);
    leadSourceCondition('co', query.leadSources ?? [], conditions);
    return conditions;
  }

  return {
    create: write((values: CompanyValues & CompanyExtras, now: string): Company => {
      const { id } = insert.get({ ...companyColumns(values), now })!;
      const ref = { kind: 'company' as const, id };
      if (values.tagIds) tags.set(ref, values.tagIds, now, false);
      if (values.custom) custom.set(ref, values.custom, now, false);
      saveMarketing(id, byId.get(id)!, values, now, false);
      return get(id)!;
    }),
    /** Sets the fields given (others keep their value); history notes each change. */
    update: write((id: number, changes: Partial<CompanyValues> & CompanyExtras, now: string): Company | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      const before = valuesOf(row);
      const after: CompanyValues = { ...before };
      for (const field of fields) if (changes[field] !== undefined) after[field] = changes[field];
      update.run({ ...companyColumns(after), now, id });
      const ref = { kind: 'company' as const, id };
      history.changes(ref, displayOf(before), displayOf(after), now);
      if (after.name !== before.name) renameOnContacts.run({ id, name: after.name, nameSort: sortKey(after.name) });
      if (changes.tagIds) tags.set(ref, changes.tagIds, now);
      if (changes.custom) custom.set(ref, changes.custom, now);
      saveMarketing(id, byId.get(id)!, changes, now, true);
      return get(id);
    }),
    get,
    values(id: number): (CompanyValues & Required<CompanyMarketing>) | undefined {
      const row = byId.get(id);
      return (
        row && {
          ...valuesOf(row),
          leadSource: row.lead_source ?? '',
          utmSource: row.utm_source ?? '',
          utmMedium: row.utm_medium ?? '',
          utmCampaign: row.utm_campaign ?? '',
        }
      );
    },
    /** The people of the company, not in the trash. */
    contactIds: (id: number): number[] => contactIds.all(id),
    list(query: CompanyListQuery): CompanyPage {
      const { rows, total, more } = reader.page(query, listConditions(query));
      const tagIds = tags.idsOfMany(
        'company',
        rows.map((row) => row.id),
      );
      return {
        total,
        more,
        offset: query.offset,
        rows: rows.map((row): CompanySummary => ({
          id: row.id,
          name: row.name,
          website: row.website ?? '',
          phone: row.phone ?? '',
          industry: row.industry ?? '',
          leadSource: row.lead_source ?? '',
          tagIds: tagIds.get(row.id) ?? [],
          updatedAt: row.updated_at,
        })),
      };
    },
    /** Ids of the rows a page of the list would hold. */
    listIds: (query: CompanyListQuery): number[] => reader.ids(query, listConditions(query)),
    /** Every id the list's search and filters match. */
    matchingIds: (query: CompanyListFilters): number[] => reader.matchingIds(listConditions(query)),
    /** How many records the list's search and filters match, exactly. */
    count: (query: CompanyListFilters): number => reader.count(listConditions(query)),
    pageSql: reader.pageSql.bind(reader),
  };
}

export type CompaniesRepo = ReturnType<typeof companiesRepo>;
