import type { FieldIssue } from '../../../../shared/errors';
import { CompanyDraft, type Company } from '../../../../shared/schemas/company';

export const companyFields = [
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
export type CompanyField = (typeof companyFields)[number];

export type CompanyValues = Record<CompanyField, string>;
export type FieldErrors = Partial<Record<CompanyField, string>>;

export const emptyValues: CompanyValues = {
  name: '',
  website: '',
  phone: '',
  address: '',
  industry: '',
  notes: '',
  leadSource: '',
  utmSource: '',
  utmMedium: '',
  utmCampaign: '',
};

export function valuesOf(company: Company): CompanyValues {
  return {
    name: company.name,
    website: company.website,
    phone: company.phone,
    address: company.address,
    industry: company.industry,
    notes: company.notes,
    leadSource: company.leadSource,
    utmSource: company.utmSource,
    utmMedium: company.utmMedium,
    utmCampaign: company.utmCampaign,
  };
}

export function sameValues(a: CompanyValues, b: CompanyValues): boolean {
  return companyFields.every((field) => a[field] === b[field]);
}

function isCompanyField(field: string): field is CompanyField {
  return (companyFields as readonly string[]).includes(field);
}

/** Checks the form with the core's own schema, so problems show before anything is sent, in the same words. */
export function validate(
  values: CompanyValues,
): { ok: true; input: CompanyValues } | { ok: false; errors: FieldErrors } {
  const result = CompanyDraft.safeParse(values);
  if (result.success) {
    const {
      name,
      website,
      phone,
      address,
      industry,
      notes,
      leadSource = '',
      utmSource = '',
      utmMedium = '',
      utmCampaign = '',
    } = result.data;
    return {
      ok: true,
      input: { name, website, phone, address, industry, notes, leadSource, utmSource, utmMedium, utmCampaign },
    };
  }
  return {
    ok: false,
    errors: fieldErrorsOf(
      result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), message: issue.message })),
    ).errors,
  };
}

/** Splits the core's VALIDATION issues into messages for our fields (first per field) and the rest. */
export function fieldErrorsOf(issues: readonly FieldIssue[]): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    if (isCompanyField(issue.field)) errors[issue.field] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}
