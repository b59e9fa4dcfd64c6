import type { FieldIssue } from '../../../../shared/errors';
import { ContactDraft, type Contact } from '../../../../shared/schemas/contact';
// ContactDraft is both the schema and the type of what it sends (consent as a status).

export const contactFields = [
  'name',
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
export type ContactField = (typeof contactFields)[number];

export type ContactValues = Record<ContactField, string>;
export type FieldErrors = Partial<Record<ContactField, string>>;

export const emptyValues: ContactValues = {
  name: '',
  email: '',
  phone: '',
  company: '',
  notes: '',
  leadSource: '',
  utmSource: '',
  utmMedium: '',
  utmCampaign: '',
  consent: 'not_asked',
};

export function valuesOf(contact: Contact): ContactValues {
  return {
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    company: contact.company,
    notes: contact.notes,
    leadSource: contact.leadSource,
    utmSource: contact.utmSource,
    utmMedium: contact.utmMedium,
    utmCampaign: contact.utmCampaign,
    consent: contact.consent,
  };
}

export function sameValues(a: ContactValues, b: ContactValues): boolean {
  return contactFields.every((field) => a[field] === b[field]);
}

function isContactField(field: string): field is ContactField {
  return (contactFields as readonly string[]).includes(field);
}

/**
 * Checks the form with the same schema the core uses, so the user hears
 * about a problem before anything is sent, in the same words.
 */
export function validate(
  values: ContactValues,
): { ok: true; input: ContactDraft } | { ok: false; errors: FieldErrors } {
  const result = ContactDraft.safeParse(values);
  if (result.success) return { ok: true, input: result.data };
  return {
    ok: false,
    errors: fieldErrorsOf(
      result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), message: issue.message })),
    ).errors,
  };
}

/**
 * Splits the core's VALIDATION issues into messages for our fields (first
 * one per field) and anything left over, which the form shows in its banner.
 */
export function fieldErrorsOf(issues: readonly FieldIssue[]): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    if (isContactField(issue.field)) errors[issue.field] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}
