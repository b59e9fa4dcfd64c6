import { z } from 'zod';
import { CustomValues, Id, Timestamp, UploadId } from './common';
import { FileName } from './attachment';

/*
 * Import: a file of contacts or companies brought in through the wizard (or the command line).
 * open → inspect (detect, suggest a mapping) → preview (50 rows as stored, whole-file counts)
 * → run (one transaction) → summary; undo later from the summary or Settings › Imports.
 */

/** What an import creates: people or companies (a contact row's company column links or creates the company). */
export const importKinds = ['contact', 'company'] as const;
export type ImportKind = (typeof importKinds)[number];

/** An opened file, until import.close (or the window goes): a UUID the core handed out. */
export const ImportId = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'Must be an import number.' });

export const sourceFormats = ['csv', 'xlsx', 'vcard'] as const;
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'] as const;
export const delimiters = [',', ';', '\t', '|'] as const;

/** How to read the file; each left out is detected. Changing one and inspecting again shows the sample change. */
export const ReadOptions = z.strictObject({
  encoding: z.enum(textEncodings).optional(),
  delimiter: z.enum(delimiters).optional(),
  hasHeader: z.boolean().optional(),
  /** An .xlsx file's sheet by name; the first sheet when left out. */
  sheet: z.string().max(200).optional(),
});
export type ReadOptions = z.input<typeof ReadOptions>;

/** What was found in the file: its format, encoding (detected or chosen), delimiter, sheets, header names. */
export const SourceInfo = z.strictObject({
  format: z.enum(sourceFormats),
  fileName: z.string(),
  sizeBytes: z.int().min(0),
  /** Text files only: `name` the encoding read with (chosen or detected), `detected` what detection found, `bom` a byte-order mark said so. */
  encoding: z
    .strictObject({ name: z.enum(textEncodings), detected: z.enum(textEncodings), bom: z.boolean() })
    .optional(),
  delimiter: z.enum(delimiters).optional(),
  hasHeader: z.boolean(),
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  /** One name per column: the header row's cells, or "Column 1", "Column 2"… when there is none. */
  headers: z.array(z.string()),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/** A row as it is in the file. `line`: where it starts (1-based, the header is line 1). `problem`: why it cannot be used (ragged). */
export const SourceRow = z.strictObject({
  line: z.int().min(1),
  cells: z.array(z.string()),
  problem: z.string().optional(),
});
export type SourceRow = z.infer<typeof SourceRow>;

/** Built-in fields a column can go to, per kind. firstName + lastName are joined into name. */
export const contactImportFields = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'notes',
  'leadSource',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'consent',
] as const;
export const companyImportFields = [
  'name',
  'website',
  'phone',
  'address',
  'industry',
  'notes',
  'leadSource',
  'utmSource',
  'utmMedium',
  'utmCampaign',
] as const;
export type ImportField = (typeof contactImportFields)[number] | (typeof companyImportFields)[number];

/**
 * Where one column goes: a built-in field of the kind ('email'), a custom field ('custom:12'),
 * 'tag' (the cell split on , or ; into tag names), or 'ignore'. Only 'notes' and 'tag' may take
 * several columns (notes gets "Header: value" lines).
 */
export const ColumnTarget = z.union([
  z.enum([
    'ignore',
    'tag',
    'name',
    'firstName',
    'lastName',
    'email',
    'phone',
    'company',
    'notes',
    'website',
    'address',
    'industry',
    'leadSource',
    'utmSource',
    'utmMedium',
    'utmCampaign',
    'consent',
  ]),
  z.string().regex(/^custom:[1-9][0-9]{0,14}$/, { error: 'Must be a field.' }),
]);
export type ColumnTarget = z.infer<typeof ColumnTarget>;

/** One target per column, in the file's column order. */
export const Mapping = z.array(ColumnTarget).max(1000, { error: 'At most 1,000 columns.' });
export type Mapping = z.infer<typeof Mapping>;

/** A target the wizard offers in each column's menu. `many`: several columns may go to it (notes, tag). */
export const TargetOption = z.strictObject({
  target: ColumnTarget,
  label: z.string(),
  group: z.enum(['field', 'custom', 'other']),
  many: z.boolean(),
});
export type TargetOption = z.infer<typeof TargetOption>;

/** Rows that match a record (or an earlier row of the file): skip them, fill the record's blanks, overwrite it, or create anyway. */
export const duplicateActions = ['skip', 'fill', 'overwrite', 'create'] as const;
export type DuplicateAction = (typeof duplicateActions)[number];

/** How dates like 03/04/2026 read: inferred from the file's dates ('auto'), day first, or month first. ISO dates always read. */
export const dateOrders = ['auto', 'dmy', 'mdy'] as const;

/** Everything that decides what an import writes: the same for import.preview and import.run. */
export const ImportPlan = z.strictObject({
  importId: ImportId,
  read: ReadOptions.default({}),
  mapping: Mapping,
  duplicates: z.enum(duplicateActions).default('skip'),
  dateOrder: z.enum(dateOrders).default('auto'),
  /**
   * A consent column changes people who unsubscribed or asked not to be
   * contacted only when this is true (the wizard's unticked checkbox); else
   * they keep their status, and the preview and summary say how many.
   */
  overwriteOptOuts: z.boolean().default(false),
});
export type ImportPlan = z.input<typeof ImportPlan>;

/** Where the file comes from: the desktop's Open dialog, or bytes dropped on the window and sent with import.uploadStart/uploadChunk. */
export const ImportOpen = z.strictObject({
  kind: z.enum(importKinds),
  source: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('dialog') }),
    z.strictObject({ type: z.literal('upload'), uploadId: UploadId }),
  ]),
});
/** null: the user cancelled the dialog. */
export const ImportOpened = z
  .strictObject({ importId: ImportId, fileName: z.string(), kind: z.enum(importKinds) })
  .nullable();

/** A dropped file, sent in chunks (no size cap: an import has no row cap); import.open with its uploadId takes it over. */
export const ImportUploadStart = z.strictObject({
  fileName: FileName,
  size: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const ImportRef = z.strictObject({ importId: ImportId });
export const InspectRequest = z.strictObject({ importId: ImportId, read: ReadOptions.default({}) });

export const Inspection = z.strictObject({
  info: SourceInfo,
  /** The first 50 rows as they are in the file. */
  sample: z.array(SourceRow).max(50),
  /** A target for every column: the remembered mapping, else the preset's, else guessed from the header names. */
  suggested: Mapping,
  /** The export the headers were recognised as ("Google Contacts", "Outlook"…), or null. */
  preset: z.string().nullable(),
  /** `suggested` is the mapping the user chose last time for these same headers. */
  remembered: z.boolean(),
  targets: z.array(TargetOption),
});
export type Inspection = z.infer<typeof Inspection>;

export const rowOutcomes = ['create', 'update', 'skip', 'reject'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

/** What a row matched: a record already in Rolodesk, or an earlier row of the same file. */
export const RowMatch = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record'), id: Id, name: z.string() }),
  z.strictObject({ type: z.literal('row'), line: z.int().min(1) }),
]);

export const PreviewRow = z.strictObject({
  line: z.int().min(1),
  /** Built-in fields as they will be stored (firstName/lastName already joined into name). */
  fields: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  /** Custom values by field number, as stored (dates YYYY-MM-DD, numbers as numbers). */
  custom: CustomValues,
  outcome: z.enum(rowOutcomes),
  /** Why a row is rejected, in words: "Email: that does not look like an email address". Empty unless rejected. */
  problems: z.array(z.string()),
  match: RowMatch.nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const ImportCounts = z.strictObject({
  create: z.int().min(0),
  update: z.int().min(0),
  skip: z.int().min(0),
  reject: z.int().min(0),
});

export type ImportCounts = z.infer<typeof ImportCounts>;

export const Preview = z.strictObject({
  rows: z.array(PreviewRow).max(50),
  /** Over the whole file, with the plan's duplicates choice. */
  counts: ImportCounts,
  /** Over the whole file, with each duplicates choice (from the same pass): what the wizard's duplicates step shows. */
  countsByAction: z.strictObject({
    skip: ImportCounts,
    fill: ImportCounts,
    overwrite: ImportCounts,
    create: ImportCounts,
  }),
  /** How dates were read ('auto' resolved: a file with no ambiguous dates reads as dmy). */
  dateOrder: z.enum(['dmy', 'mdy']),
  /** Rows that, under Overwrite (the one choice that replaces a set status), would change the consent of someone who unsubscribed or asked not to be contacted. */
  optOutChanges: z.int().min(0),
  /** Lead sources the file names that are not in the list: the import adds them. */
  newLeadSources: z.array(z.string()).max(100),
});
export type Preview = z.infer<typeof Preview>;

export const RejectedRow = z.strictObject({ line: z.int().min(1), reasons: z.array(z.string()) });

export const RunId = Id;
export const RunRef = z.strictObject({ runId: RunId });

/** Companies a contact import created for its rows' company column; 0 for a company import (its own are `created`). */
const CompaniesCreated = z.int().min(0);

export const ImportSummary = z.strictObject({
  runId: RunId,
  created: z.int().min(0),
  companiesCreated: CompaniesCreated,
  updated: z.int().min(0),
  skipped: z.int().min(0),
  rejected: z.int().min(0),
  /** The first 200; import.saveRejected writes all of them. */
  rejectedRows: z.array(RejectedRow).max(200),
  /** The tag every created or changed record got: "Imported 2026-12-06". */
  tagName: z.string(),
  seconds: z.number().min(0),
  /** People who unsubscribed or asked not to be contacted whose status the file would have changed: kept as it was. */
  keptOptOuts: z.int().min(0),
  /** Lead sources the import added to the list. */
  leadSourcesAdded: z.array(z.string()).max(1000),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** One import as Settings › Imports lists it. `undoable`: within 30 days and not undone. */
export const ImportRun = z.strictObject({
  runId: RunId,
  kind: z.enum(importKinds),
  fileName: z.string(),
  tagName: z.string(),
  created: z.int().min(0),
  companiesCreated: CompaniesCreated,
  updated: z.int().min(0),
  skipped: z.int().min(0),
  rejected: z.int().min(0),
  createdAt: Timestamp,
  undoneAt: Timestamp.nullable(),
  undoable: z.boolean(),
});
export type ImportRun = z.infer<typeof ImportRun>;

export const ImportUndone = z.strictObject({
  /** The one trash entry holding the records the import created (trash.restore brings them back); null when it created none. */
  trashId: Id.nullable(),
  removed: z.int().min(0),
  restored: z.int().min(0),
  /** Changed records that were edited again after the import: left as they are. */
  leftAsIs: z.int().min(0),
});
export type ImportUndone = z.infer<typeof ImportUndone>;

export const importPhases = ['reading', 'checking', 'writing'] as const;

export const ImportProgress = z.strictObject({
  importId: ImportId,
  phase: z.enum(importPhases),
  rows: z.int().min(0),
  fraction: z.number().min(0).max(1),
  rowsPerSecond: z.number().min(0),
});
