import type { z } from 'zod';
import type { FieldIssue } from '../../../../shared/errors';
import type { LinkedRecord } from '../../../../shared/schemas/record';
import { readExactNumber } from '../../../../shared/exact-number';
import { DealDraft, type Deal } from '../../../../shared/schemas/deal';
import { amountText, defaultCurrency, parseAmount } from '../../lib/money';

/** The deal's fields by the core's names, so its VALIDATION issues land beside the right control. */
export const dealFields = [
  'title',
  'companyId',
  'contactId',
  'valueMinor',
  'currency',
  'stageId',
  'probability',
  'expectedCloseDate',
  'owner',
  'notes',
] as const;
export type DealField = (typeof dealFields)[number];
export type FieldErrors = Partial<Record<DealField, string>>;

/** What the form holds: text as typed, linked records with their names. */
export interface DealValues {
  title: string;
  company: LinkedRecord | null;
  contact: LinkedRecord | null;
  amount: string;
  currency: string;
  stageId: number | null;
  expectedCloseDate: string;
  owner: string;
  probability: string;
  notes: string;
}

/** What deals.create takes (and deals.update, with the id): the draft as the schema reads it, always with a stage. */
export type DealInput = Omit<z.output<typeof DealDraft>, 'tagIds' | 'custom' | 'stageId'> & { stageId: number };

export function emptyValues(
  stageId: number | null,
  links: { company?: LinkedRecord | null; contact?: LinkedRecord | null } = {},
): DealValues {
  return {
    title: '',
    company: links.company ?? null,
    contact: links.contact ?? null,
    amount: '',
    currency: defaultCurrency,
    stageId,
    expectedCloseDate: '',
    owner: '',
    probability: '',
    notes: '',
  };
}

export function valuesOf(deal: Deal): DealValues {
  return {
    title: deal.title,
    company: deal.companyId === null ? null : { id: deal.companyId, name: deal.companyName },
    contact: deal.contactId === null ? null : { id: deal.contactId, name: deal.contactName },
    amount: amountText(deal.valueMinor, deal.currency),
    currency: deal.currency,
    stageId: deal.stageId,
    expectedCloseDate: deal.expectedCloseDate ?? '',
    owner: deal.owner,
    probability: deal.probability === null ? '' : String(deal.probability),
    notes: deal.notes,
  };
}

export function sameValues(a: DealValues, b: DealValues): boolean {
  return (
    a.title === b.title &&
    a.company?.id === b.company?.id &&
    a.contact?.id === b.contact?.id &&
    a.amount === b.amount &&
    a.currency === b.currency &&
    a.stageId === b.stageId &&
    a.expectedCloseDate === b.expectedCloseDate &&
    a.owner === b.owner &&
    a.probability === b.probability &&
    a.notes === b.notes
  );
}

function isDealField(field: string): field is DealField {
  return (dealFields as readonly string[]).includes(field);
}

/** Splits the core's VALIDATION issues into messages for our fields (first per field) and the rest. */
export function fieldErrorsOf(issues: readonly FieldIssue[]): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    if (isDealField(issue.field)) errors[issue.field] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}

function probabilityOf(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '') return { ok: true, value: null };
  // Read exactly here; the schema says when a whole number is out of range.
  const read = readExactNumber(trimmed, 'The probability');
  return read.ok && Number.isInteger(read.value)
    ? { ok: true, value: read.value }
    : { ok: false, message: 'Enter a whole number from 0 to 100.' };
}

/**
 * Checks the form before anything is sent: the amount and probability as
 * typed, then the rest with the core's own schema, so problems show in the
 * same words the core would use.
 */
export function validate(values: DealValues): { ok: true; input: DealInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const amount = parseAmount(values.amount, values.currency);
  if (!amount.ok) errors.valueMinor = amount.message;
  const probability = probabilityOf(values.probability);
  if (!probability.ok) errors.probability = probability.message;
  if (values.stageId === null) errors.stageId = 'Choose a stage.';
  const input = {
    title: values.title,
    companyId: values.company?.id ?? null,
    contactId: values.contact?.id ?? null,
    valueMinor: amount.ok ? amount.valueMinor : 0,
    currency: values.currency,
    stageId: values.stageId ?? undefined,
    expectedCloseDate: values.expectedCloseDate === '' ? null : values.expectedCloseDate,
    owner: values.owner,
    probability: probability.ok ? probability.value : null,
    notes: values.notes,
  };
  const result = DealDraft.safeParse(input);
  if (!result.success) {
    const found = fieldErrorsOf(
      result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), message: issue.message })),
    ).errors;
    for (const field of dealFields) errors[field] ??= found[field];
  }
  if (!result.success || Object.values(errors).some(Boolean) || values.stageId === null)
    return { ok: false, errors: withoutBlanks(errors) };
  const draft = result.data;
  return {
    ok: true,
    input: {
      title: draft.title,
      companyId: draft.companyId,
      contactId: draft.contactId,
      valueMinor: draft.valueMinor,
      currency: draft.currency,
      stageId: values.stageId,
      expectedCloseDate: draft.expectedCloseDate,
      owner: draft.owner,
      probability: draft.probability,
      notes: draft.notes,
    },
  };
}

function withoutBlanks(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}
