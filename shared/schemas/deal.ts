import { z } from 'zod';
import {
  CustomFilters,
  CustomValues,
  CustomValuesInput,
  Id,
  IsoDate,
  PageOf,
  PageRequest,
  SortDirection,
  TagFilter,
  TagIds,
  Timestamp,
  Version,
  optionalText,
  requiredText,
} from './common';

export const dealLimits = { title: 200, owner: 100, notes: 10_000, stageName: 60 } as const;

/** A deal's value in minor units (cents); at most ten billion in major units, so sums stay exact. */
export const maxValueMinor = 1_000_000_000_000;

/** An ISO 4217 currency code ("EUR", "usd" is read as "USD"). */
export const Currency = z
  .string({ error: 'The currency must be text.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'Must be a three-letter currency code (for example EUR).' });

export const stageKinds = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof stageKinds)[number];

/** Each field's schema, without defaults: an update sets only the fields it names. */
export const dealFieldSchemas = {
  title: requiredText('Title', dealLimits.title),
  companyId: Id.nullable(),
  contactId: Id.nullable(),
  valueMinor: z
    .int({ error: 'The value must be a whole number of minor units (cents).' })
    .min(0, { error: 'The value cannot be negative.' })
    .max(maxValueMinor, { error: 'The value is too large.' }),
  currency: Currency,
  stageId: Id,
  expectedCloseDate: IsoDate.nullable(),
  owner: optionalText('Owner', dealLimits.owner),
  probability: z
    .int({ error: 'The probability must be a whole number.' })
    .min(0, { error: 'The probability is 0 to 100.' })
    .max(100, { error: 'The probability is 0 to 100.' })
    .nullable(),
  notes: optionalText('Notes', dealLimits.notes),
};

const extras = {
  tagIds: TagIds.optional(),
  custom: CustomValuesInput.optional(),
};

export const DealDraft = z.strictObject({
  title: dealFieldSchemas.title,
  companyId: dealFieldSchemas.companyId.default(null),
  contactId: dealFieldSchemas.contactId.default(null),
  valueMinor: dealFieldSchemas.valueMinor.default(0),
  currency: dealFieldSchemas.currency.default('EUR'),
  /** Left out: the first open stage. */
  stageId: dealFieldSchemas.stageId.optional(),
  expectedCloseDate: dealFieldSchemas.expectedCloseDate.default(null),
  owner: dealFieldSchemas.owner.default(''),
  probability: dealFieldSchemas.probability.default(null),
  notes: dealFieldSchemas.notes.default(''),
  ...extras,
});
export type DealDraft = z.input<typeof DealDraft>;

/** Changes to a deal: fields left out keep their value. A changed stage puts the deal last in it. */
export const DealUpdate = z.strictObject({
  id: Id,
  /** The version the form was filled from: a deal changed since (moved on the board, say) is not overwritten (CONFLICT). */
  version: Version,
  title: dealFieldSchemas.title.optional(),
  companyId: dealFieldSchemas.companyId.optional(),
  contactId: dealFieldSchemas.contactId.optional(),
  valueMinor: dealFieldSchemas.valueMinor.optional(),
  currency: dealFieldSchemas.currency.optional(),
  stageId: dealFieldSchemas.stageId.optional(),
  expectedCloseDate: dealFieldSchemas.expectedCloseDate.optional(),
  owner: dealFieldSchemas.owner.optional(),
  probability: dealFieldSchemas.probability.optional(),
  notes: dealFieldSchemas.notes.optional(),
  ...extras,
});
export type DealUpdate = z.input<typeof DealUpdate>;

export const Stage = z.strictObject({
  id: Id,
  name: z.string(),
  kind: z.enum(stageKinds),
  /** 0 for the first column of the board. */
  position: z.int().min(0),
});
export type Stage = z.infer<typeof Stage>;

const dealCommon = {
  id: Id,
  title: z.string(),
  companyId: Id.nullable(),
  /** The company's name; '' when there is none or it is in the trash. */
  companyName: z.string(),
  contactId: Id.nullable(),
  contactName: z.string(),
  valueMinor: z.int().min(0),
  currency: z.string(),
  stageId: Id,
  stageName: z.string(),
  stageKind: z.enum(stageKinds),
  expectedCloseDate: IsoDate.nullable(),
  owner: z.string(),
  probability: z.int().min(0).max(100).nullable(),
  tagIds: z.array(Id),
  updatedAt: Timestamp,
};

export const DealSummary = z.strictObject(dealCommon);
export type DealSummary = z.infer<typeof DealSummary>;

export const Deal = z.strictObject({
  ...dealCommon,
  notes: z.string(),
  custom: CustomValues,
  /** When the deal entered a won or lost stage; null while open. */
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  version: Version,
});
export type Deal = z.infer<typeof Deal>;

export const dealSortKeys = [
  'title',
  'value',
  'stage',
  'expectedCloseDate',
  'probability',
  'owner',
  'updatedAt',
  'createdAt',
] as const;
export type DealSortKey = (typeof dealSortKeys)[number];

export const DealListRequest = z.strictObject({
  ...PageRequest,
  sort: z.enum(dealSortKeys).default('updatedAt'),
  direction: SortDirection.default('desc'),
  search: optionalText('Search', 200).default(''),
  stageIds: z.array(Id).max(50).default([]),
  /** open, won or lost: by the kind of the deal's stage. */
  status: z.enum(stageKinds).optional(),
  companyId: Id.optional(),
  contactId: Id.optional(),
  owner: optionalText('Owner', dealLimits.owner).optional(),
  ...TagFilter,
  ...CustomFilters,
});
export type DealListRequest = z.input<typeof DealListRequest>;

export const DealPage = PageOf(DealSummary);
export type DealPage = z.infer<typeof DealPage>;

export const DealRef = z.strictObject({ id: Id });

/** Drag or keyboard move: the deal goes to `stageId`, at `index` among that stage's cards (0 = top; past the end = last). */
export const DealMove = z.strictObject({ id: Id, stageId: Id, index: z.int().min(0).max(1_000_000) });

export const DealBoardRequest = z.strictObject({
  /** Cards per column; counts and totals always cover the whole stage. */
  cardsPerStage: z.int().min(1).max(500).default(200),
  /** Cards of won and lost stages too (their counts and totals always come). */
  includeClosed: z.boolean().default(false),
  owner: optionalText('Owner', dealLimits.owner).optional(),
  ...TagFilter,
});
export type DealBoardRequest = z.input<typeof DealBoardRequest>;

export const MoneyTotal = z.strictObject({ currency: z.string(), valueMinor: z.int().min(0) });

export const BoardColumn = z.strictObject({
  stage: Stage,
  /** Deals in the stage (matching the filter). */
  count: z.int().min(0),
  /** Sum of values per currency: amounts in different currencies are never added up. */
  totals: z.array(MoneyTotal),
  /** The first `cardsPerStage` deals, in board order. */
  deals: z.array(DealSummary).max(500),
});
export const DealBoard = z.strictObject({ columns: z.array(BoardColumn) });
export type DealBoard = z.infer<typeof DealBoard>;

export const StageDraft = z.strictObject({
  name: requiredText('Name', dealLimits.stageName),
  kind: z.enum(stageKinds).default('open'),
});
export const StageUpdate = z.strictObject({
  id: Id,
  name: requiredText('Name', dealLimits.stageName).optional(),
  kind: z.enum(stageKinds).optional(),
});
/** Every stage, in the new order. */
export const StageReorder = z.strictObject({
  ids: z
    .array(Id)
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'The same stage is listed twice.' }),
});
/** Deleting a stage that holds deals (trashed ones too) needs `moveDealsTo`; without it the delete is refused. */
export const StageDelete = z.strictObject({ id: Id, moveDealsTo: Id.optional() });
export const StageList = z.strictObject({ stages: z.array(Stage) });
