import { useEffect, useMemo, useState } from 'react';
import type { FieldIssue } from '../../../../shared/errors';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { customErrorsOf, customFormValuesOf, parseCustomValues, type CustomFieldErrors, type CustomFormValues, type CustomValuesDraft } from './customValues';
import { useCustomFields } from './useCustomFields';

const noValues: Readonly<Record<string, string | number>> = {};

/**
 * The custom fields of a record form: their text as typed, whether it
 * differs from the record's, and the values to send on save.
 */
export function useCustomFieldForm(kind: FieldedKind, stored: Readonly<Record<string, string | number>> | null) {
  const { fields, error: fieldsProblem } = useCustomFields(kind);
  const baseline = useMemo(() => (fields ? customFormValuesOf(fields, stored ?? noValues) : {}), [fields, stored]);
  const [values, setValues] = useState<CustomFormValues>(baseline);
  const [errors, setErrors] = useState<CustomFieldErrors>({});

  // The record loaded or was saved: the form shows what it now holds.
  useEffect(() => {
    setValues(baseline);
    setErrors({});
  }, [baseline]);

  const dirty = Object.keys(baseline).some((key) => (values[key] ?? '') !== baseline[key]);

  /** The values to send as `custom`, or null after showing beside each field why they cannot be. */
  const take = (): CustomValuesDraft | null => {
    if (!fields) return {};
    const parsed = parseCustomValues(fields, values);
    setErrors(parsed.ok ? {} : parsed.errors);
    return parsed.ok ? parsed.custom : null;
  };

  /** Shows the core's problems with custom fields beside them; true when there were some. */
  const showServerErrors = (issues: readonly FieldIssue[]): boolean => {
    const found = customErrorsOf(issues);
    setErrors(found);
    return Object.keys(found).length > 0;
  };

  /** A field edited since its problem was shown no longer shows it: the problem was about the old text. */
  const change = (next: CustomFormValues) => {
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => next[key] === values[key])));
    setValues(next);
  };

  return { fields, fieldsProblem, values, setValues: change, errors, dirty, take, showServerErrors };
}

export type CustomFieldForm = ReturnType<typeof useCustomFieldForm>;
