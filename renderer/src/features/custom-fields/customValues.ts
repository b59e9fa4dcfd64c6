import { CustomValue, IsoDate } from '../../../../shared/schemas/common';
import type { FieldIssue } from '../../../../shared/errors';
import type { CustomField } from '../../../../shared/schemas/custom-field';

/** What the form holds: each field's value as typed, by field number ('' when blank). */
export type CustomFormValues = Record<string, string>;
/** Problems by field number, in plain words. */
export type CustomFieldErrors = Record<string, string>;
/** What contacts/companies/deals create and update take as `custom`: null clears a value. */
export type CustomValuesDraft = Record<string, string | number | null>;

const textLimit = 1000;

/** A record's stored values as form text; fields without a value are ''. */
export function customFormValuesOf(fields: readonly CustomField[], stored: Readonly<Record<string, string | number>>): CustomFormValues {
  return Object.fromEntries(fields.map((field) => [String(field.id), stored[String(field.id)] === undefined ? '' : String(stored[String(field.id)])]));
}

/** "1 234,5" is not a number we can be sure of; "1234.5", "-3" and "1e3" are. Spaces between digit groups are allowed. */
function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s_]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** One field's typed text as the value the core stores, or the reason it is not one. */
function parseOne(field: CustomField, typed: string): { ok: true; value: string | number | null } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      return CustomValue.safeParse(text).success ? { ok: true, value: text } : { ok: false, message: `${field.label} is too long (at most ${textLimit.toLocaleString('en')} characters).` };
    case 'number': {
      const value = parseNumber(text);
      return value === null ? { ok: false, message: `${field.label} must be a number (for example 12 or 3.5).` } : { ok: true, value };
    }
    case 'date':
      return IsoDate.safeParse(text).success ? { ok: true, value: text } : { ok: false, message: `${field.label} must be a date (YYYY-MM-DD).` };
    case 'choice': {
      const choice = field.choices.find((option) => option.toLowerCase() === text.toLowerCase());
      return choice === undefined ? { ok: false, message: `${field.label} must be one of: ${field.choices.join(', ')}.` } : { ok: true, value: choice };
    }
  }
}

/**
 * Turns the form's text into the `custom` a create or update takes: every
 * field of the kind, blank ones as null (which clears them). Values for
 * fields that no longer exist are left out rather than sent.
 */
export function parseCustomValues(
  fields: readonly CustomField[],
  values: Readonly<CustomFormValues>,
): { ok: true; custom: CustomValuesDraft } | { ok: false; errors: CustomFieldErrors } {
  const custom: CustomValuesDraft = {};
  const errors: CustomFieldErrors = {};
  for (const field of fields) {
    const key = String(field.id);
    const parsed = parseOne(field, values[key] ?? '');
    if (parsed.ok) custom[key] = parsed.value;
    else errors[key] = parsed.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, custom };
}

/** The core's VALIDATION issues on `custom.<id>` as errors by field number; other issues are not ours. */
export function customErrorsOf(issues: readonly FieldIssue[]): CustomFieldErrors {
  const errors: CustomFieldErrors = {};
  for (const issue of issues) {
    const match = /^custom\.(\d+)$/.exec(issue.field);
    if (match?.[1] && errors[match[1]] === undefined) errors[match[1]] = issue.message;
  }
  return errors;
}
