import type { CustomFilter } from '../../../shared/schemas/common';
import type { Contact, ContactPage, ContactSortKey, ContactSummary } from '../../../shared/schemas/contact';
import { systemClock, type Clock } from '../clock';
import type { ConsentSource, ConsentStatus } from '../../../shared/schemas/marketing';
import { customFieldsRepo, type StoredValue } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { leadSourcesRepo } from '../lead-sources/repo';
import { leadSourceCondition } from '../lead-sources/list-filter';
import { contactColumns } from './columns';
import { consentWriter } from './consent';
import { historyRepo, type DisplayValues } from '../records/history';
import { listReader, searchCondition, tagCondition, type Conditions } from '../records/list-query';
import { blankToNull, gone } from '../records/problems';
import type { SegmentSql } from '../segments/filter';
import { segmentsRepo } from '../segments/repo';
import { tagsRepo } from '../tags/repo';

interface ContactRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  company_id: number | null;
  notes: string | null;
  photo_sha256: string | null;
  lead_source: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  consent: ConsentStatus;
  consent_changed_at: string | null;
  consent_source: ConsentSource | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The fields a user types (the bench seeds these). */
export interface ContactValues {
  name: string;
  email: string;
  phone: string;
  company: string;
  notes: string;
}

/** Where the contact came from and whether it may be contacted; each left out means "as it is". */
export interface ContactMarketing {
  leadSource?: string | undefined;
  utmSource?: string | undefined;
  utmMedium?: string | undefined;
  utmCampaign?: string | undefined;
  consent?: ConsentStatus | undefined;
  /** How a consent change was learnt; by hand when left out. */
  consentSource?: ConsentSource | undefined;
}

/** What a create or update carries beyond the typed fields; each left out means "as it is". */
export interface ContactExtras extends ContactMarketing {
  companyId?: number | null | undefined;
  tagIds?: readonly number[] | undefined;
  custom?: Readonly<Record<string, StoredValue | null>> | undefined;
}

export interface ListQuery {
  offset: number;
  limit: number;
  sort: ContactSortKey;
  direction: 'asc' | 'desc';
  search: string;
  companyId?: number | undefined;
  tagIds?: readonly number[];
  tagMatch?: 'any' | 'all';
  custom?: readonly CustomFilter[];
  /** Only the people a saved segment matches now (none while the segment is gone or has a problem). */
  segmentId?: number | undefined;
  /** Only the people an unsaved segment definition matches (segments.members). */
  segment?: SegmentSql | undefined;
  leadSources?: readonly string[];
  consent?: readonly ConsentStatus[];
}

/** What narrows the list, without its order or paging. */
export type ListFilters = Omit<ListQuery, 'offset' | 'limit' | 'sort' | 'direction'>;

// ORDER BY terms match the partial indexes of migrations 5 and 18, so a page is an index walk.
// Names sort by their phone-book key (records/sort-key.ts), equal keys by the exact name.
const orderTerms: Record<ContactSortKey, string[]> = {
  name: ['name_sort', 'name COLLATE BINARY'],
  email: ['email IS NULL', 'email'],
  phone: ['phone IS NULL', 'phone'],
  company: ['company_sort IS NULL', 'company_sort', 'company COLLATE BINARY'],
  updatedAt: ['updated_at'],
  // Migration 23's indexes: (lead_source IS NULL, lead_source, id) and (consent, id).
  leadSource: ['lead_source IS NULL', 'lead_source'],
  consent: ['consent'],
};

type SummaryRow = Pick<
  ContactRow,
  | 'id'
  | 'name'
  | 'email'
  | 'phone'
  | 'company'
  | 'company_id'
  | 'photo_sha256'
  | 'lead_source'
  | 'consent'
  | 'updated_at'
>;

const marketingFields = ['leadSource', 'utmSource', 'utmMedium', 'utmCampaign'] as const;
type MarketingField = (typeof marketingFields)[number];
type MarketingValues = Record<MarketingField, string | null>;

function marketingOf(row: ContactRow): MarketingValues {
  return {
    leadSource: row.lead_source,
    utmSource: row.utm_source,
    utmMedium: row.utm_medium,
    utmCampaign: row.utm_campaign,
  };
}

/** Contact fields as history shows them. */
function displayOf(values: {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
}): DisplayValues {
  return { name: values.name, email: values.email, phone: values.phone, company: values.company, notes: values.notes };
}

/** SQL for contacts. Statements are prepared once per connection; `clock` dates a segment's "in the last N days". */
export function contactsRepo(db: Db, clock: Clock = systemClock) {
  const write = writer(db);
  const history = historyRepo(db);
  const tags = tagsRepo(db);
  const custom = customFieldsRepo(db);
  const segments = segmentsRepo(db);
  const insert = db.prepare<[Record<string, string | number | null>], { id: number }>(
    `INSERT INTO contacts (name, email, phone, company, company_id, notes, name_key, phone_key, name_sort, company_sort, created_at, updated_at)
     VALUES (@name, @email, @phone, @company, @companyId, @notes, @nameKey, @phoneKey, @nameSort, @companySort, @now, @now) RETURNING id`,
  );
  const update = db.prepare<[Record<string, string | number | null>]>(
    `UPDATE contacts SET name = @name, email = @email, phone = @phone, company = @company, company_id = @companyId, notes = @notes,
       name_key = @nameKey, phone_key = @phoneKey, name_sort = @nameSort, company_sort = @companySort, updated_at = @now WHERE id = @id AND deleted_at IS NULL`,
  );
  const byId = db.prepare<[number], ContactRow>('SELECT * FROM contacts WHERE id = ? AND deleted_at IS NULL');
  const setPhoto = db.prepare<[{ id: number; photo: string | null; now: string }]>(
    'UPDATE contacts SET photo_sha256 = @photo, updated_at = @now WHERE id = @id AND deleted_at IS NULL',
  );
  const filesOf = db
    .prepare<[number, number], string>(
      'SELECT sha256 FROM attachments WHERE contact_id = ? UNION SELECT photo_sha256 FROM contacts WHERE id = ? AND photo_sha256 IS NOT NULL',
    )
    .pluck();
  const liveCompany = db.prepare<[number], { name: string }>(
    'SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL',
  );
  const stillNamed = db
    .prepare<[number, string], number>('SELECT 1 FROM companies WHERE id = ? AND name = ? AND deleted_at IS NULL')
    .pluck();
  const companiesNamed = db
    .prepare<[string], number>('SELECT id FROM companies WHERE name = ? AND deleted_at IS NULL LIMIT 2')
    .pluck();
  const setMarketing = db.prepare<[MarketingValues & { id: number }]>(
    'UPDATE contacts SET lead_source = @leadSource, utm_source = @utmSource, utm_medium = @utmMedium, utm_campaign = @utmCampaign WHERE id = @id',
  );
  const leadSources = leadSourcesRepo(db);
  const changeConsent = consentWriter(db);
  const reader = listReader<ContactSortKey, SummaryRow>(db, {
    kind: 'contact',
    from: 'contacts c',
    alias: 'c',
    columns:
      'c.id, c.name, c.email, c.phone, c.company, c.company_id, c.photo_sha256, c.lead_source, c.consent, c.updated_at',
    order: Object.fromEntries(
      Object.entries(orderTerms).map(([key, terms]) => [key, terms.map((term) => `c.${term}`)]),
    ) as Record<ContactSortKey, string[]>,
    titleSort: 'name',
  });

  /**
   * Which company record the contact is linked to, and its company text.
   * A chosen company (a number) names the text; null unlinks and keeps the
   * text; left out, the link follows the text (see ContactDraft.companyId).
   */
  function companyLink(
    text: string,
    companyId: number | null | undefined,
    current: number | null,
  ): { companyId: number | null; company: string } {
    if (companyId === null) return { companyId: null, company: text };
    if (companyId !== undefined) {
      const company = liveCompany.get(companyId);
      if (!company) throw gone('companyId', 'That company no longer exists. It may have been deleted.');
      return { companyId, company: company.name };
    }
    if (text === '') return { companyId: null, company: '' };
    if (current !== null && stillNamed.get(current, text) !== undefined) return { companyId: current, company: text };
    const named = companiesNamed.all(text);
    return { companyId: named.length === 1 ? named[0]! : null, company: text };
  }

  /**
   * Stores the lead source and UTM fields given (a lead source must be in the
   * list; it takes the list's spelling) and the consent, through the consent
   * writer so its date and how are kept; history notes each field changed.
   */
  function saveMarketing(
    id: number,
    before: ContactRow,
    values: ContactMarketing,
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
    if (marketingFields.some((field) => after[field] !== old[field])) {
      setMarketing.run({ ...after, id });
      if (recordHistory) history.changes({ kind: 'contact', id }, old, after, now);
    }
    if (values.consent !== undefined)
      changeConsent({ contactId: id, status: values.consent, source: values.consentSource ?? 'by_hand', at: now });
  }

  function toContact(row: ContactRow): Contact {
    const ref = { kind: 'contact' as const, id: row.id };
    return {
      id: row.id,
      name: row.name,
      email: row.email ?? '',
      phone: row.phone ?? '',
      company: row.company ?? '',
      companyId: row.company_id,
      notes: row.notes ?? '',
      tagIds: tags.idsOf(ref),
      custom: custom.valuesOf(ref),
      photo: row.photo_sha256,
      leadSource: row.lead_source ?? '',
      utmSource: row.utm_source ?? '',
      utmMedium: row.utm_medium ?? '',
      utmCampaign: row.utm_campaign ?? '',
      consent: row.consent,
      consentChangedAt: row.consent_changed_at,
      consentSource: row.consent_source,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  function get(id: number): Contact | undefined {
    const row = byId.get(id);
    return row && toContact(row);
  }

  /** A deleted segment, or one naming a deleted tag, field or stage, matches nothing rather than something else. */
  function segmentCondition(segmentId: number, into: Conditions): void {
    const definition = segments.definitionOf(segmentId);
    const compiled = definition && segments.compile(definition, clock.now());
    if (!compiled || compiled.where === null) {
      into.where.push('0');
      return;
    }
    into.where.push(compiled.where);
    Object.assign(into.params, compiled.params);
  }

  /** The list's search and filters as SQL: its pages, its ranges and its select-all all read them from here. */
  function listConditions(query: ListFilters): Conditions {
    const conditions: Conditions = { where: [], params: {} };
    searchCondition(query.search, conditions);
    if (query.companyId !== undefined) {
      conditions.where.push('c.company_id = @companyId');
      conditions.params.companyId = query.companyId;
    }
    tagCondition('c', 'contact_tags', 'contact_id', query.tagIds ?? [], query.tagMatch ?? 'any', conditions);
    custom.conditions('contact', 'c', query.custom ?? [], conditions);
    if (query.segmentId !== undefined) segmentCondition(query.segmentId, conditions);
    if (query.segment) {
      conditions.where.push(query.segment.where);
      Object.assign(conditions.params, query.segment.params);
    }
    leadSourceCondition('c', query.leadSources ?? [], conditions);
    if (query.consent !== undefined && query.consent.length > 0) {
      conditions.where.push('c.consent IN (SELECT value FROM json_each(@consent))');
      conditions.params.consent = JSON.stringify([...new Set(query.consent)]);
    }
    return conditions;
  }

  return {
    create: write((values: ContactValues & ContactExtras, now: string): Contact => {
      const row = contactColumns(values, companyLink(values.company, values.companyId, null));
      const { id } = insert.get({ ...row, now })!;
      const ref = { kind: 'contact' as const, id };
      if (values.tagIds) tags.set(ref, values.tagIds, now, false);
      if (values.custom) custom.set(ref, values.custom, now, false);
      // A new person's first consent is history too: when and how it was given.
      saveMarketing(id, byId.get(id)!, values, now, false);
      return get(id)!;
    }),
    /** Saves the typed fields (all of them) and any extras given; each changed field gets a history entry. */
    update: write((id: number, values: ContactValues & ContactExtras, now: string): Contact | undefined => {
      const before = byId.get(id);
      if (!before) return undefined;
      const row = contactColumns(values, companyLink(values.company, values.companyId, before.company_id));
      update.run({ ...row, now, id });
      const ref = { kind: 'contact' as const, id };
      history.changes(ref, displayOf(before), displayOf(row), now);
      if (values.tagIds) tags.set(ref, values.tagIds, now);
      if (values.custom) custom.set(ref, values.custom, now);
      saveMarketing(id, byId.get(id)!, values, now, true);
      return get(id);
    }),
    get,
    /** The typed fields of a contact as a form holds them (bulk edits start from these). */
    values(id: number):
      | (ContactValues & {
          companyId: number | null;
          leadSource: string;
          utmSource: string;
          utmMedium: string;
          utmCampaign: string;
          consent: ConsentStatus;
        })
      | undefined {
      const row = byId.get(id);
      return (
        row && {
          name: row.name,
          email: row.email ?? '',
          phone: row.phone ?? '',
          company: row.company ?? '',
          notes: row.notes ?? '',
          companyId: row.company_id,
          leadSource: row.lead_source ?? '',
          utmSource: row.utm_source ?? '',
          utmMedium: row.utm_medium ?? '',
          utmCampaign: row.utm_campaign ?? '',
          consent: row.consent,
        }
      );
    },
    setPhoto: write((id: number, photo: string | null, now: string): Contact | undefined => {
      if (setPhoto.run({ id, photo, now }).changes === 0) return undefined;
      return get(id);
    }),
    /** Fingerprints of every file the contact holds (attachments and photo). */
    filesOf(id: number): string[] {
      return filesOf.all(id, id);
    },
    list(query: ListQuery): ContactPage {
      const { rows, total, more } = reader.page(query, listConditions(query));
      const tagIds = tags.idsOfMany(
        'contact',
        rows.map((row) => row.id),
      );
      return {
        total,
        more,
        offset: query.offset,
        rows: rows.map((row): ContactSummary => ({
          id: row.id,
          name: row.name,
          email: row.email ?? '',
          phone: row.phone ?? '',
          company: row.company ?? '',
          companyId: row.company_id,
          tagIds: tagIds.get(row.id) ?? [],
          photo: row.photo_sha256,
          leadSource: row.lead_source ?? '',
          consent: row.consent,
          updatedAt: row.updated_at,
        })),
      };
    },
    /** Ids of the rows a page of the list would hold. */
    listIds: (query: ListQuery): number[] => reader.ids(query, listConditions(query)),
    /** Every id the list's search and filters match. */
    matchingIds: (query: ListFilters): number[] => reader.matchingIds(listConditions(query)),
    /** How many records the list's search and filters match, exactly. */
    count: (query: ListFilters): number => reader.count(listConditions(query)),
    pageSql: reader.pageSql,
  };
}

export type ContactsRepo = ReturnType<typeof contactsRepo>;
