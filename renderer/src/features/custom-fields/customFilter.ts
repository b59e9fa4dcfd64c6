import type { CustomFilter, customFilterOps } from '../../../../shared/schemas/common';
import type { CustomField, CustomFieldType } from '../../../../shared/schemas/custom-field';
import { parseCustomValues } from '../../lib/customValues';

export type CustomFilterOp = (typeof customFilterOps)[number];

/** The conditions each type of field can be filtered by, in the words a menu shows. */
export const opsOfType: Record<CustomFieldType, ReadonlyArray<{ op: CustomFilterOp; label: string }>> = {
  text: [
    { op: 'contains', label: 'contains' },
    { op: 'eq', label: 'is' },
    { op: 'notEmpty', label: 'is filled in' },
    { op: 'empty', label: 'is empty' },
  ],
  number: [
    { op: 'eq', label: 'is' },
    { op: 'gt', label: 'is more than' },
    { op: 'lt', label: 'is less than' },
    { op: 'gte', label: 'is at least' },
    { op: 'lte', label: 'is at most' },
    { op: 'notEmpty', label: 'is filled in' },
    { op: 'empty', label: 'is empty' },
  ],
  date: [
    { op: 'eq', label: 'is on' },
    { op: 'lt', label: 'is before' },
    { op: 'gt', label: 'is after' },
    { op: 'notEmpty', label: 'is filled in' },
    { op: 'empty', label: 'is empty' },
  ],
  choice: [
    { op: 'eq', label: 'is' },
    { op: 'notEmpty', label: 'is filled in' },
    { op: 'empty', label: 'is empty' },
  ],
};

/** Empty and filled-in need nothing typed. */
export const needsValue = (op: CustomFilterOp) => op !== 'empty' && op !== 'notEmpty';

/** A condition as the user set it up, as the list request takes it; or what is missing. */
export function customFilterOf(
  field: CustomField,
  op: CustomFilterOp,
  typed: string,
): { ok: true; filter: CustomFilter } | { ok: false; message: string } {
  if (!needsValue(op)) return { ok: true, filter: { fieldId: field.id, op } };
  if (typed.trim() === '') return { ok: false, message: `Enter a value for ${field.label}.` };
  // "contains" looks for part of a text, so it takes the text as typed rather than a whole value.
  if (op === 'contains') return { ok: true, filter: { fieldId: field.id, op, value: typed.trim() } };
  const parsed = parseCustomValues([field], { [field.id]: typed });
  if (!parsed.ok) return { ok: false, message: parsed.errors[field.id] ?? `Check the value for ${field.label}.` };
  const value = parsed.custom[field.id];
  return value === null || value === undefined
    ? { ok: false, message: `Enter a value for ${field.label}.` }
    : { ok: true, filter: { fieldId: field.id, op, value } };
}

/** "Budget is more than 1000", for the chip that shows an active condition. */
export function describeFilter(field: CustomField | undefined, filter: CustomFilter): string {
  if (!field) return 'A deleted field';
  const label = opsOfType[field.type].find((entry) => entry.op === filter.op)?.label ?? filter.op;
  return needsValue(filter.op) ? `${field.label} ${label} ${String(filter.value ?? '')}` : `${field.label} ${label}`;
}
