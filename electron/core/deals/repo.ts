import { z } from 'zod';
import type { CustomFilter } from '../../../shared/schemas/common';
import type { Deal, DealBoard, DealPage, DealSortKey, DealSummary, StageKind } from '../../../shared/schemas/deal';
import { customFieldsRepo, type StoredValue } from '../custom-fields/repo';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { historyRepo, type DisplayValues } from '../records/history';
import { everyIdExists, listReader, searchCondition, tagCondition, type Conditions } from '../records/list-query';
import { blankToNull, gone } from '../records/problems';
import { tagsRepo } from '../tags/repo';
import { amountIn } from './currency-change';
import { stagesRepo } from './stages';

interface DealRow {
  id: number;
  version: number;
  title: string;
  company_id: number | null;
  company_name: string | null;
  contact_id: number | null;
  contact_name: string | null;
  value_minor: number;
  currency: string;
  stage_id: number;
  stage_name: string;
  stage_kind: StageKind;
  position: number;
  expected_close: string | null;
  owner: string | null;
  probability: number | null;
  notes: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DealValues {
  title: string;
  companyId: number | null;
  contactId: number | null;
  valueMinor: number;
  currency: string;
  stageId: number;
  expectedCloseDate: string | null;
  owner: string;
  probability: number | null;
  notes: string;
}

export interface DealExtras {
  tagIds?: readonly number[] | undefined;
  custom?: Readonly<Record<string, StoredValue | null>> | undefined;
}

export interface DealListQuery {
  offset: number;
  limit: number;
  sort: DealSortKey;
  direction: 'asc' | 'desc';
  search: string;
  stageIds?: readonly number[];
  status?: StageKind | undefined;
  companyId?: number | undefined;
  contactId?: number | undefined;
  owner?: string | undefined;
  tagIds?: readonly number[];
  tagMatch?: 'any' | 'all';
  custom?: readonly CustomFilter[];
}

/** What narrows the list, without its order or paging. */
export type DealListFilters = Omit<DealListQuery, 'offset' | 'limit' | 'sort' | 'direction'>;

export interface BoardQuery {
  cardsPerStage: number;
  includeClosed: boolean;
  owner?: string | undefined;
  tagIds?: readonly number[];
  tagMatch?: 'any' | 'all';
}

const names = `LEFT JOIN companies co ON co.id = d.company_id AND co.deleted_at IS NULL
  LEFT JOIN contacts ct ON ct.id = d.contact_id AND ct.deleted_at IS NULL`;
const from = `deals d JOIN pipeline_stages s ON s.id = d.stage_id ${names}`;
// In board order without a sort: the stages by their unique position, each one's cards by deals_by_stage.
const byStageFrom = `pipeline_stages s CROSS JOIN deals d ON d.stage_id = s.id ${names}`;
const columns = `d.id, d.title, d.company_id, co.name AS company_name, d.contact_id, ct.name AS contact_name, d.value_minor, d.currency,
  d.stage_id, s.name AS stage_name, s.kind AS stage_kind, d.position, d.expected_close, d.owner, d.probability, d.updated_at`;

const orderTerms: Record<DealSortKey, string[]> = {
  title: ['d.title'],
  value: ['d.value_minor'],
  // Board order: stages as the pipeline orders them, cards as the board shows them.
  stage: ['s.position', 'd.position'],
  expectedCloseDate: ['d.expected_close IS NULL', 'd.expected_close'],
  probability: ['d.probability IS NULL', 'd.probability'],
  owner: ['d.owner IS NULL', 'd.owner'],
  updatedAt: ['d.updated_at'],
  createdAt: ['d.created_at'],
};

// Two positions closer than this are spread out again (a float has room for about 50 halvings).
const minimumGap = 1e-9;

/** What a board card shows, read as plain arrays: better-sqlite3 builds an object per row several times slower than it returns an array. */
const cardColumns =
  'd.id, d.title, d.company_id, co.name, d.contact_id, ct.name, d.value_minor, d.currency, d.expected_close, d.owner, d.probability, d.updated_at';
const CardValues = z.tuple([
  z.int(),
  z.string(),
  z.int().nullable(),
  z.string().nullable(),
  z.int().nullable(),
  z.string().nullable(),
  z.int(),
  z.string(),
  z.string().nullable(),
  z.string().nullable(),
  z.number().nullable(),
  z.string(),
]);
type CardValues = z.infer<typeof CardValues>;
const StageTotal = z.object({ stage_id: z.int(), currency: z.string(), n: z.int(), total: z.int() });

function cardOf(
  [
    id,
    title,
    companyId,
    companyName,
    contactId,
    contactName,
    valueMinor,
    currency,
    expectedCloseDate,
    owner,
    probability,
    updatedAt,
  ]: CardValues,
  stage: { id: number; name: string; kind: StageKind },
  tagIds: number[],
): DealSummary {
  return {
    id,
    title,
    companyId,
    companyName: companyName ?? '',
    contactId,
    contactName: contactName ?? '',
    valueMinor,
    currency,
    stageId: stage.id,
    stageName: stage.name,
    stageKind: stage.kind,
    expectedCloseDate,
    owner: owner ?? '',
    probability,
    tagIds,
    updatedAt,
  };
}

/** A list row as the card it is on the board: one builder, so the two never differ. */
function summaryOf(row: DealRow, tagIds: number[]): DealSummary {
  const values: CardValues = [
    row.id,
    row.title,
    row.company_id,
    row.company_name,
    row.contact_id,
    row.contact_name,
    row.value_minor,
    row.currency,
    row.expected_close,
    row.owner,
    row.probability,
    row.updated_at,
  ];
  return cardOf(values, { id: row.stage_id, name: row.stage_name, kind: row.stage_kind }, tagIds);
}

function valuesOf(row: DealRow): DealValues {
  return {
    title: row.title,
    companyId: row.company_id,
    contactId: row.contact_id,
    valueMinor: row.value_minor,
    currency: row.currency,
    stageId: row.stage_id,
    expectedCloseDate: row.expected_close,
    owner: row.owner ?? '',
    probability: row.probability,
    notes: row.notes ?? '',
  };
}

/** SQL for deals and the board. */
export function dealsRepo(db: Db) {
  const write = writer(db);
  const history = historyRepo(db);
  const tags = tagsRepo(db);
  const custom = customFieldsRepo(db);
  const stages = stagesRepo(db);
  const byId = db.prepare<[number], DealRow>(
    `SELECT d.*, co.name AS company_name, ct.name AS contact_name, s.name AS stage_name, s.kind AS stage_kind FROM ${from} WHERE d.id = ? AND d.deleted_at IS NULL`,
  );
  const insert = db.prepare<[Record<string, string | number | null>], { id: number }>(
    `INSERT INTO deals (title, company_id, contact_id, value_minor, currency, stage_id, position, expected_close, owner, probability, notes, closed_at, created_at, updated_at)
     VALUES (@title, @companyId, @contactId, @valueMinor, @currency, @stageId, @position, @expectedClose, @owner, @probability, @notes, @closedAt, @now, @now) RETURNING id`,
  );
  const update = db.prepare<[Record<string, string | number | null>]>(
    `UPDATE deals SET title = @title, company_id = @companyId, contact_id = @contactId, value_minor = @valueMinor, currency = @currency,
       stage_id = @stageId, position = @position, expected_close = @expectedClose, owner = @owner, probability = @probability, notes = @notes,
       closed_at = @closedAt, updated_at = @now
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const lastPosition = db
    .prepare<[number], number | null>('SELECT max(position) FROM deals WHERE stage_id = ? AND deleted_at IS NULL')
    .pluck();
  const neighbours = db
    .prepare<[number, number, number], number>(
      'SELECT position FROM deals WHERE stage_id = ? AND deleted_at IS NULL AND id <> ? ORDER BY position, id LIMIT 2 OFFSET ?',
    )
    .pluck();
  const firstPosition = db
    .prepare<[number, number], number | null>(
      'SELECT min(position) FROM deals WHERE stage_id = ? AND deleted_at IS NULL AND id <> ?',
    )
    .pluck();
  const stageOrder = db
    .prepare<[number], number>('SELECT id FROM deals WHERE stage_id = ? AND deleted_at IS NULL ORDER BY position, id')
    .pluck();
  const place = db.prepare<[number, number]>('UPDATE deals SET position = ? WHERE id = ?');
  const liveCompany = db
    .prepare<[number], string>('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL')
    .pluck();
  const liveContact = db
    .prepare<[number], string>('SELECT name FROM contacts WHERE id = ? AND deleted_at IS NULL')
    .pluck();
  const reader = listReader<DealSortKey, DealRow>(db, {
    kind: 'deal',
    from,
    alias: 'd',
    columns,
    order: orderTerms,
    walkFrom: { stage: byStageFrom },
  });
  const boardStatements = new Map<string, ReturnType<typeof db.prepare>>();
  const boardStatement = (sql: string) => {
    let statement = boardStatements.get(sql);
    if (!statement) boardStatements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  /** Names of the records the values link to; NOT_FOUND naming the field when one is gone. */
  function links(values: DealValues) {
    const stage = stages.existing(values.stageId);
    const company = values.companyId === null ? null : liveCompany.get(values.companyId);
    if (company === undefined) throw gone('companyId', 'That company no longer exists. It may have been deleted.');
    const contact = values.contactId === null ? null : liveContact.get(values.contactId);
    if (contact === undefined) throw gone('contactId', 'That contact no longer exists. It may have been deleted.');
    return { stage, company, contact };
  }

  function displayOf(values: DealValues, names: ReturnType<typeof links>): DisplayValues {
    return {
      title: values.title,
      company: names.company,
      contact: names.contact,
      valueMinor: values.valueMinor,
      currency: values.currency,
      stage: names.stage.name,
      expectedCloseDate: values.expectedCloseDate,
      owner: blankToNull(values.owner),
      probability: values.probability,
      notes: blankToNull(values.notes),
    };
  }

  const endOf = (stageId: number) => (lastPosition.get(stageId) ?? -1) + 1;

  function rowValues(values: DealValues, position: number, closedAt: string | null) {
    return {
      title: values.title,
      companyId: values.companyId,
      contactId: values.contactId,
      valueMinor: values.valueMinor,
      currency: values.currency,
      stageId: values.stageId,
      position,
      expectedClose: values.expectedCloseDate,
      owner: blankToNull(values.owner),
      probability: values.probability,
      notes: blankToNull(values.notes),
      closedAt,
    };
  }

  function get(id: number): Deal | undefined {
    const row = byId.get(id);
    if (!row) return undefined;
    const ref = { kind: 'deal' as const, id };
    return {
      ...summaryOf(row, tags.idsOf(ref)),
      notes: row.notes ?? '',
      custom: custom.valuesOf(ref),
      closedAt: row.closed_at,
      createdAt: row.created_at,
      version: row.version,
    };
  }

  const closedAtFor = (kind: StageKind, before: string | null, now: string) =>
    kind === 'open' ? null : (before ?? now);

  /** Saves new values (and a new position) with a history entry per changed field. */
  function save(row: DealRow, values: DealValues, position: number, now: string): void {
    const before = valuesOf(row);
    const names = links(values);
    const closedAt =
      values.stageId === row.stage_id
        ? row.closed_at
        : closedAtFor(names.stage.kind, row.stage_kind === names.stage.kind ? row.closed_at : null, now);
    update.run({ ...rowValues(values, position, closedAt), now, id: row.id });
    const beforeNames = {
      stage: { name: row.stage_name },
      company: row.company_name,
      contact: row.contact_name,
    } as ReturnType<typeof links>;
    history.changes({ kind: 'deal', id: row.id }, displayOf(before, beforeNames), displayOf(values, names), now);
  }

  /** The position that puts a deal at `index` among the other cards of the stage. */
  function positionAt(stageId: number, dealId: number, index: number): number {
    if (index === 0) return (firstPosition.get(stageId, dealId) ?? 1) - 1;
    const [previous, next] = neighbours.all(stageId, dealId, index - 1);
    if (previous === undefined) return endOf(stageId);
    if (next === undefined) return previous + 1;
    if (next - previous > minimumGap) return (previous + next) / 2;
    stageOrder.all(stageId).forEach((id, at) => place.run(at, id));
    return positionAt(stageId, dealId, index);
  }

  /** The list's search and filters as SQL: its pages, its ranges and its select-all all read them from here. */
  function listConditions(query: DealListFilters): Conditions {
    const conditions: Conditions = { where: [], params: {} };
    searchCondition(query.search, conditions);
    if (query.stageIds && query.stageIds.length > 0) {
      conditions.where.push(
        'd.stage_id IN (SELECT value FROM json_each(@stageIds))',
        everyIdExists('stageIds', 'pipeline_stages'),
      );
      conditions.params.stageIds = JSON.stringify(query.stageIds);
    }
    if (query.status !== undefined) {
      conditions.where.push('d.stage_id IN (SELECT id FROM pipeline_stages WHERE kind = @status)');
      conditions.params.status = query.status;
    }
    for (const [key, column] of [
      ['companyId', 'company_id'],
      ['contactId', 'contact_id'],
      ['owner', 'owner'],
    ] as const) {
      const value = query[key];
      if (value === undefined || value === '') continue;
      conditions.where.push(`d.${column} = @${key}`);
      conditions.params[key] = value;
    }
    tagCondition('d', 'deal_tags', 'deal_id', query.tagIds ?? [], query.tagMatch ?? 'any', conditions);
    custom.conditions('deal', 'd', query.custom ?? [], conditions);
    return conditions;
  }

  function boardConditions(query: Pick<BoardQuery, 'owner' | 'tagIds' | 'tagMatch'>): Conditions {
    const conditions: Conditions = { where: [], params: {} };
    if (query.owner !== undefined && query.owner !== '') {
      conditions.where.push('d.owner = @owner');
      conditions.params.owner = query.owner;
    }
    tagCondition('d', 'deal_tags', 'deal_id', query.tagIds ?? [], query.tagMatch ?? 'any', conditions);
    return conditions;
  }

  return {
    stages,
    create: write(
      (values: Omit<DealValues, 'stageId'> & { stageId?: number | undefined } & DealExtras, now: string): Deal => {
        const full: DealValues = { ...values, stageId: values.stageId ?? stages.firstOpen().id };
        const names = links(full);
        const { id } = insert.get({
          ...rowValues(full, endOf(full.stageId), closedAtFor(names.stage.kind, null, now)),
          now,
        })!;
        const ref = { kind: 'deal' as const, id };
        if (values.tagIds) tags.set(ref, values.tagIds, now, false);
        if (values.custom) custom.set(ref, values.custom, now, false);
        return get(id)!;
      },
    ),
    /** Sets the fields given; a new stage puts the deal at the end of it. */
    update: write((id: number, changes: Partial<DealValues> & DealExtras, now: string): Deal | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      const values: DealValues = { ...valuesOf(row) };
      for (const key of Object.keys(values) as Array<keyof DealValues>) {
        if (changes[key] !== undefined) (values as unknown as Record<string, unknown>)[key] = changes[key];
      }
      // A new currency without a new amount keeps what the deal is worth.
      if (changes.currency !== undefined && changes.valueMinor === undefined)
        Object.assign(values, amountIn(valuesOf(row), changes.currency, 'currency'));
      const position = values.stageId === row.stage_id ? row.position : endOf(values.stageId);
      save(row, values, position, now);
      const ref = { kind: 'deal' as const, id };
      if (changes.tagIds) tags.set(ref, changes.tagIds, now);
      if (changes.custom) custom.set(ref, changes.custom, now);
      return get(id);
    }),
    /** Drag or keyboard move: to `stageId`, at `index` among its other cards. */
    move: write((id: number, stageId: number, index: number, now: string): Deal | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      stages.existing(stageId);
      const position = positionAt(stageId, id, index);
      save(row, { ...valuesOf(row), stageId }, position, now);
      return get(id);
    }),
    get,
    values(id: number): DealValues | undefined {
      const row = byId.get(id);
      return row && valuesOf(row);
    },
    list(query: DealListQuery): DealPage {
      const { rows, total, more } = reader.page(query, listConditions(query));
      const tagIds = tags.idsOfMany(
        'deal',
        rows.map((row) => row.id),
      );
      return { total, more, offset: query.offset, rows: rows.map((row) => summaryOf(row, tagIds.get(row.id) ?? [])) };
    },
    /**
     * Every stage with its count and value totals per currency (over the
     * whole stage), and its first cards in board order.
     */
    board(query: BoardQuery): DealBoard {
      const conditions = boardConditions(query);
      const extra = conditions.where.map((condition) => ` AND ${condition}`).join('');
      // The whole pipeline's totals are kept as deals change (migration 20); a filtered board adds up its own deals.
      const totals = boardStatement(
        conditions.where.length === 0
          ? 'SELECT stage_id, currency, deals AS n, value_minor AS total FROM deal_stage_totals'
          : `SELECT d.stage_id, d.currency, count(*) AS n, sum(d.value_minor) AS total FROM deals d WHERE d.deleted_at IS NULL${extra} GROUP BY d.stage_id, d.currency`,
      )
        .all(conditions.params)
        .map((row) => StageTotal.parse(row));
      const cards = boardStatement(
        `SELECT ${cardColumns} FROM deals d ${names} WHERE d.stage_id = @stageId AND d.deleted_at IS NULL${extra} ORDER BY d.position, d.id LIMIT @limit`,
      ).raw(true);
      const stageCards = stages.list().map((stage) => ({
        stage,
        cards:
          stage.kind === 'open' || query.includeClosed
            ? cards
                .all({ ...conditions.params, stageId: stage.id, limit: query.cardsPerStage })
                .map((row) => CardValues.parse(row))
            : [],
      }));
      const tagIds = tags.idsOfMany(
        'deal',
        stageCards.flatMap(({ cards }) => cards.map(([id]) => id)),
      );
      const columnsOut = stageCards.map(({ stage, cards }) => {
        const own = totals
          .filter((row) => row.stage_id === stage.id)
          .sort((a, b) => a.currency.localeCompare(b.currency));
        return {
          stage,
          count: own.reduce((sum, row) => sum + row.n, 0),
          totals: own.map((row) => ({ currency: row.currency, valueMinor: row.total })),
          deals: cards.map((values) => cardOf(values, stage, tagIds.get(values[0]) ?? [])),
        };
      });
      return { columns: columnsOut };
    },
    /** Ids of the rows a page of the list would hold. */
    listIds: (query: DealListQuery): number[] => reader.ids(query, listConditions(query)),
    /** Every id the list's search and filters match. */
    matchingIds: (query: DealListFilters): number[] => reader.matchingIds(listConditions(query)),
    /** How many deals the list's search and filters match, exactly. */
    count: (query: DealListFilters): number => reader.count(listConditions(query)),
    pageSql: reader.pageSql.bind(reader),
  };
}

export type DealsRepo = ReturnType<typeof dealsRepo>;
