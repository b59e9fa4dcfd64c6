import { readExactNumber } from '../../../shared/exact-number';
import { IsoDate, customTextLimit, tooLong } from '../../../shared/schemas/common';
import type { FieldIssue } from '../../../shared/errors';
import type { CustomField } from '../../../shared/schemas/custom-field';

/** What the form holds: each field's value as typed, by field number ('' when blank). */
export type CustomFormValues = Record<string, string>;
/** Problems by field number, in plain words. */
export type CustomFieldErrors = Record<string, string>;
/** What contacts/companies/deals create and update take as `custom`: null clears a value. */
export type CustomValuesDraft = Record<string, string | number | null>;

/** The option a stored choice is, whatever its capitals (a value saved before its option was recapitalised). */
const optionOf = (field: CustomField, value: string) =>
  field.choices.find((choice) => choice.toLowerCase() === value.toLowerCase()) ?? value;

/** A record's stored values as form text; fields without a value are ''. */
export function customFormValuesOf(
  fields: readonly CustomField[],
  stored: Readonly<Record<string, string | number>>,
): CustomFormValues {
  return Object.fromEntries(
    fields.map((field) => {
      const value = stored[String(field.id)];
      if (value === undefined) return [String(field.id), ''];
      return [String(field.id), field.type === 'choice' ? optionOf(field, String(value)) : String(value)];
    }),
  );
}

/** One field's typed text as the value the core stores, or the reason it is not one. */
function parseOne(
  field: CustomField,
  typed: string,
): { ok: true; value: string | number | null } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      return text.length <= customTextLimit
        ? { ok: true, value: text }
        : { ok: false, message: tooLong(field.label, text.length, customTextLimit) };
    case 'number':
      return readExactNumber(text, field.label);
    case 'date':
      return IsoDate.safeParse(text).success
        ? { ok: true, value: text }
        : { ok: false, message: `${field.label} must be a date (YYYY-MM-DD).` };
    case 'choice': {
      const choice = field.choices.find((option) => option.toLowerCase() === text.toLowerCase());
      return choice === undefined
        ? { ok: false, message: `${field.label} must be one of: ${field.choices.join(', ')}.` }
        : { ok: true, value: choice };
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
