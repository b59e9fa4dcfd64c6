import { z } from 'zod';

/** A row id: a positive whole number SQLite handed out. */
export const Id = z.int({ error: 'Must be a record number.' }).positive({ error: 'Must be a record number.' });

/**
 * A record's version: every change to the record raises it (migration 17). An update names the
 * version it was made from, and the core refuses it when the record has changed since.
 */
export const Version = z.int({ error: 'Must be a record version.' }).positive({ error: 'Must be a record version.' });

/** ISO-8601 time stamp in UTC, as the core writes them. */
export const Timestamp = z.iso.datetime();

/** "Email is too long: 306 characters, at most 254." The same words beside a field as the user types and from the core. */
export function tooLong(label: string, length: number, max: number): string {
  return `${label} is too long: ${length.toLocaleString('en')} characters, at most ${max.toLocaleString('en')}.`;
}

/** The length of the text a string's `.max()` refused (zod types the refused input as unknown; only text gets there). */
export const refusedLength = (input: unknown): number => (typeof input === 'string' ? input.length : 0);

/**
 * Optional free text: trimmed, bounded (never cut: too long is refused), '' when empty. A NUL is
 * dropped: nobody can see or type one, and SQLite's length() stops at it, so "\0" failed a CHECK.
 */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, { error: (issue) => tooLong(label, refusedLength(issue.input), max) })
    .transform((text) => text.replaceAll('\u0000', '').trim());
}

/** Required free text: trimmed, bounded, not blank. */
export function requiredText(label: string, max: number) {
  return optionalText(label, max).refine((text) => text.length > 0, {
    error: `Please enter a ${label.toLowerCase()}.`,
  });
}

export const PageRequest = {
  offset: z.int({ error: 'Must be a whole number.' }).min(0).max(10_000_000).default(0),
  limit: z.int({ error: 'Must be a whole number.' }).min(1).max(500).default(100),
};

/**
 * One page of a list, and how many rows match: all of them; or, while a
 * search narrows the list, at most 1,000 (or to the page's end), `more`
 * saying that others match too ("1,000+").
 */
export const PageOf = <Row extends z.ZodType>(row: Row) =>
  z.strictObject({
    total: z.int().min(0),
    more: z.boolean(),
    offset: z.int().min(0),
    rows: z.array(row).max(500),
  });

/** A stored file's sha256 fingerprint, lower-case hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Must be a file fingerprint (64 hex characters).' });

export const UploadId = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'Must be an upload number.' });

/** A calendar date, YYYY-MM-DD (expected close dates, custom date fields). */
export const IsoDate = z.iso.date({ error: 'Must be a date (YYYY-MM-DD).' });

/** Distinct record numbers, at least one and at most `max`. */
export function IdList(max: number, label = 'record') {
  return z
    .array(Id, { error: `Must be a list of ${label} numbers.` })
    .min(1, { error: `Choose at least one ${label}.` })
    .max(max, { error: `At most ${max.toLocaleString('en')} ${label}s at a time.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `The same ${label} is listed twice.` });
}

/** Tag numbers a record carries (a form sends the whole set). */
export const TagIds = z
  .array(Id, { error: 'Must be a list of tag numbers.' })
  .max(100, { error: 'At most 100 tags on one record.' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'The same tag is listed twice.' });

/** Filter a list by tags: any of them, or all of them. */
export const TagFilter = {
  tagIds: z
    .array(Id, { error: 'Must be a list of tag numbers.' })
    .max(50, { error: 'Filter by at most 50 tags.' })
    .default([]),
  tagMatch: z.enum(['any', 'all']).default('any'),
};

/** The most characters a custom text value may have. */
export const customTextLimit = 1000;

/** Values a custom field can hold: text, choice and date are text; number is a number. */
export const CustomValue = z.union([
  z.string().max(customTextLimit, {
    error: `A field value may be at most ${customTextLimit.toLocaleString('en')} characters.`,
  }),
  z.number(),
]);

/** Custom field values by field number; null clears a value. Fields not named keep their value. */
export const CustomValuesInput = z
  .record(z.string().regex(/^[1-9][0-9]{0,14}$/, { error: 'Must be a custom field number.' }), CustomValue.nullable())
  .refine((values) => Object.keys(values).length <= 200, { error: 'At most 200 custom fields at once.' });

export const CustomValues = z.record(z.string(), CustomValue);

export const customFilterOps = ['eq', 'contains', 'lt', 'lte', 'gt', 'gte', 'empty', 'notEmpty'] as const;

/** One condition on a custom field in a list filter; the value is checked against the field's type. */
export const CustomFilter = z.strictObject({
  fieldId: Id,
  op: z.enum(customFilterOps),
  value: CustomValue.optional(),
});
export type CustomFilter = z.infer<typeof CustomFilter>;

export const CustomFilters = {
  custom: z.array(CustomFilter).max(10, { error: 'At most 10 field conditions.' }).default([]),
};

export const SortDirection = z.enum(['asc', 'desc']);

/** What a delete returns: the record, and the trash entry that brings it back. */
export const Trashed = z.strictObject({ id: Id, trashId: Id });
export type Trashed = z.infer<typeof Trashed>;

/** A trash entry, as a delete returned it: pass it to trash.restore to undo the delete. */
export const TrashRef = z.strictObject({ trashId: Id });
