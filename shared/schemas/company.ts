import { z } from 'zod';
import { LeadSourceFilter, LeadSourceValue, utmFieldSchemas } from './lead-source';
import {
  CustomFilters,
  CustomValues,
  CustomValuesInput,
  Id,
  PageOf,
  PageRequest,
  SortDirection,
  TagFilter,
  TagIds,
  Timestamp,
  Version,
  optionalText,
  requiredText,
} from './common';

export const companyLimits = {
  name: 200,
  website: 500,
  phone: 50,
  address: 1000,
  industry: 100,
  notes: 10_000,
} as const;

// A web address as people type it: "example.com", "www.example.com/about", "https://example.com".
const websitePattern = /^(https?:\/\/)?[^\s/?#@]+\.[^\s/?#@]{2,}([/?#]\S*)?$/i;

/** Each field's schema, without defaults: an update sets only the fields it names. */
export const companyFieldSchemas = {
  name: requiredText('Name', companyLimits.name),
  website: optionalText('Website', companyLimits.website).refine((site) => site === '' || websitePattern.test(site), {
    error: 'That does not look like a web address (for example example.com).',
  }),
  phone: optionalText('Phone', companyLimits.phone),
  address: optionalText('Address', companyLimits.address),
  industry: optionalText('Industry', companyLimits.industry),
  notes: optionalText('Notes', companyLimits.notes),
};

const extras = {
  /** The company's whole set of tags; left out, the tags stay as they are. */
  tagIds: TagIds.optional(),
  /** Custom field values by field number; fields left out keep their value, null clears one. */
  custom: CustomValuesInput.optional(),
  /** A name from the lead-source list, '' for none; left out, it stays as it is. */
  leadSource: LeadSourceValue.optional(),
  utmSource: utmFieldSchemas.utmSource.optional(),
  utmMedium: utmFieldSchemas.utmMedium.optional(),
  utmCampaign: utmFieldSchemas.utmCampaign.optional(),
};

export const CompanyDraft = z.strictObject({
  name: companyFieldSchemas.name,
  website: companyFieldSchemas.website.default(''),
  phone: companyFieldSchemas.phone.default(''),
  address: companyFieldSchemas.address.default(''),
  industry: companyFieldSchemas.industry.default(''),
  notes: companyFieldSchemas.notes.default(''),
  ...extras,
});
export type CompanyDraft = z.input<typeof CompanyDraft>;

/** Changes to a company: fields left out keep their value. */
export const CompanyUpdate = z.strictObject({
  id: Id,
  /** The version the form was filled from: a company changed since is not overwritten (CONFLICT). */
  version: Version,
  name: companyFieldSchemas.name.optional(),
  website: companyFieldSchemas.website.optional(),
  phone: companyFieldSchemas.phone.optional(),
  address: companyFieldSchemas.address.optional(),
  industry: companyFieldSchemas.industry.optional(),
  notes: companyFieldSchemas.notes.optional(),
  ...extras,
});
export type CompanyUpdate = z.input<typeof CompanyUpdate>;

export const Company = z.strictObject({
  id: Id,
  name: z.string(),
  website: z.string(),
  phone: z.string(),
  address: z.string(),
  industry: z.string(),
  notes: z.string(),
  tagIds: z.array(Id),
  custom: CustomValues,
  /** People linked to the company (not in the trash). */
  contactCount: z.int().min(0),
  /** Deals of the company (not in the trash), open or closed. */
  dealCount: z.int().min(0),
  leadSource: z.string(),
  utmSource: z.string(),
  utmMedium: z.string(),
  utmCampaign: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type Company = z.infer<typeof Company>;

export const CompanySummary = z.strictObject({
  id: Id,
  name: z.string(),
  website: z.string(),
  phone: z.string(),
  industry: z.string(),
  leadSource: z.string(),
  tagIds: z.array(Id),
  updatedAt: Timestamp,
});
export type CompanySummary = z.infer<typeof CompanySummary>;

export const companySortKeys = [
  'name',
  'industry',
  'website',
  'phone',
  'updatedAt',
  'createdAt',
  'leadSource',
] as const;
export type CompanySortKey = (typeof companySortKeys)[number];

export const CompanyListRequest = z.strictObject({
  ...PageRequest,
  sort: z.enum(companySortKeys).default('name'),
  direction: SortDirection.default('asc'),
  search: optionalText('Search', 200).default(''),
  /** Only companies in this industry (exact, ignoring case). */
  industry: optionalText('Industry', companyLimits.industry).optional(),
  ...TagFilter,
  ...CustomFilters,
  ...LeadSourceFilter,
});
export type CompanyListRequest = z.input<typeof CompanyListRequest>;

export const CompanyPage = PageOf(CompanySummary);
export type CompanyPage = z.infer<typeof CompanyPage>;

export const CompanyRef = z.strictObject({ id: Id });

/**
 * Deleting a company that still has people needs the user's choice: `detach`
 * them (they stay, without the company) or `trash` them with it. Without a
 * choice such a delete is refused (VALIDATION on `contacts`), so the window
 * can ask.
 */
export const CompanyDelete = z.strictObject({ id: Id, contacts: z.enum(['detach', 'trash']).optional() });
export type CompanyDelete = z.input<typeof CompanyDelete>;
