import { useEffect, useMemo, useRef, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import type { FieldedKind } from '../../../shared/schemas/record';
import {
  customErrorsOf,
  customFormValuesOf,
  parseCustomValues,
  type CustomFieldErrors,
  type CustomFormValues,
  type CustomValuesDraft,
} from './customValues';
import { useCustomFields } from './useCustomFields';
import { useLatest } from './useLatest';

export type StoredCustomValues = Readonly<Record<string, string | number>>;
const noValues: StoredCustomValues = {};

/**
 * The custom fields of a record form: their text as typed, whether it
 * differs from what the record holds, and the values to send on save. The
 * typing changes only by the user or by reset(), never because the record
 * object was refreshed, so a change elsewhere cannot wipe it.
 */
export function useCustomFieldForm(kind: FieldedKind) {
  const { fields, error: fieldsProblem } = useCustomFields(kind);
  const [stored, setStored] = useState<StoredCustomValues>(noValues);
  const storedRef = useRef(stored);
  // reset() may run from a callback made before the field list arrived: it reads the list as it is now.
  const fieldsRef = useLatest(fields);
  const baseline = useMemo(() => (fields ? customFormValuesOf(fields, stored) : {}), [fields, stored]);
  const [values, setValues] = useState<CustomFormValues>({});
  const [errors, setErrors] = useState<CustomFieldErrors>({});

  // The field list arrives after the form opens; nothing can have been typed before it did.
  useEffect(() => {
    if (fields) setValues(customFormValuesOf(fields, storedRef.current));
  }, [fields]);

  /** The form now starts from `next` (a record loaded, saved or reloaded), with `typed` on top when given. */
  const reset = (next: StoredCustomValues, typed?: CustomFormValues) => {
    storedRef.current = next;
    setStored(next);
    const known = fieldsRef.current;
    setValues(typed ?? (known ? customFormValuesOf(known, next) : {}));
    setErrors({});
  };

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

  return { fields, fieldsProblem, values, setValues: change, baseline, errors, dirty, take, showServerErrors, reset };
}

export type CustomFieldForm = ReturnType<typeof useCustomFieldForm>;
