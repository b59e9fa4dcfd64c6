import { z } from 'zod';
import {
  CustomFilters,
  CustomValues,
  CustomValuesInput,
  Id,
  PageOf,
  PageRequest,
  Sha256,
  TagFilter,
  TagIds,
  Timestamp,
  UploadId,
  Version,
  optionalText,
  requiredText,
} from './common';
import { LeadSourceFilter, LeadSourceValue, utmFieldSchemas } from './lead-source';
import { ConsentSource, ConsentStatus } from './marketing';

// A pragmatic address check: something@something.tld, no spaces. Stricter rules
// reject real addresses people type; looser ones let typos through.
const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const contactLimits = { name: 200, email: 254, phone: 50, company: 200, notes: 10_000 } as const;

const contactFields = {
  name: requiredText('Name', contactLimits.name),
  email: optionalText('Email', contactLimits.email)
    .refine((email) => email === '' || emailPattern.test(email), {
      error: 'That does not look like an email address (for example anna@example.com).',
    })
    .default(''),
  phone: optionalText('Phone', contactLimits.phone).default(''),
  company: optionalText('Company', contactLimits.company).default(''),
  notes: optionalText('Notes', contactLimits.notes).default(''),
  /**
   * The company the contact belongs to. Left out: the link follows the company
   * text (kept when it still names the linked company, else linked to the one
   * company of exactly that name, else none; the text is kept either way).
   * null: no company record (the text is kept). A number: that company, whose
   * name becomes the company text.
   */
  companyId: Id.nullable().optional(),
  /** The contact's whole set of tags; left out, the tags stay as they are. */
  tagIds: TagIds.optional(),
  /** Custom field values by field number; fields left out keep their value, null clears one. */
  custom: CustomValuesInput.optional(),
  /** A name from the lead-source list, '' for none; left out, it stays as it is. */
  leadSource: LeadSourceValue.optional(),
  utmSource: utmFieldSchemas.utmSource.optional(),
  utmMedium: utmFieldSchemas.utmMedium.optional(),
  utmCampaign: utmFieldSchemas.utmCampaign.optional(),
  /** Marketing consent; left out, it stays as it is. A change is recorded with its date and `consentSource`. */
  consent: ConsentStatus.optional(),
  /** How the consent was learnt (default: by hand). */
  consentSource: ConsentSource.optional(),
};

/** Each field's own schema, for one field set on many contacts at once (bulk edit). */
export const contactFieldSchemas = contactFields;

/** What a user types to create a contact. Unknown fields are refused. */
export const ContactDraft = z.strictObject(contactFields);
export type ContactDraft = z.input<typeof ContactDraft>;

/** The version is the one the form was filled from: a contact changed since is not overwritten (CONFLICT). */
export const ContactUpdate = z.strictObject({ id: Id, version: Version, ...ContactDraft.shape });
export type ContactUpdate = z.input<typeof ContactUpdate>;

export const Contact = z.strictObject({
  id: Id,
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  company: z.string(),
  /** The linked company record, or null when the company is only text (or blank). */
  companyId: Id.nullable(),
  notes: z.string(),
  tagIds: z.array(Id),
  custom: CustomValues,
  /** Fingerprint of the contact's photo, served at files/<sha256>; null when there is none. */
  photo: Sha256.nullable(),
  leadSource: z.string(),
  utmSource: z.string(),
  utmMedium: z.string(),
  utmCampaign: z.string(),
  consent: ConsentStatus,
  /** When and how consent last changed; null while it never has. */
  consentChangedAt: Timestamp.nullable(),
  consentSource: ConsentSource.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type Contact = z.infer<typeof Contact>;

/** A list row: everything but the notes (and the tracking fields), so a page stays small. */
export const ContactSummary = Contact.omit({
  notes: true,
  createdAt: true,
  custom: true,
  version: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  consentChangedAt: true,
  consentSource: true,
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const contactSortKeys = ['name', 'company', 'email', 'phone', 'updatedAt', 'leadSource', 'consent'] as const;
export type ContactSortKey = (typeof contactSortKeys)[number];

export const ContactListRequest = z.strictObject({
  ...PageRequest,
  sort: z.enum(contactSortKeys).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  search: optionalText('Search', 200).default(''),
  /** Only the people of this company. */
  companyId: Id.optional(),
  ...TagFilter,
  ...CustomFilters,
  /** Only the people this saved segment matches now. */
  segmentId: Id.optional(),
  ...LeadSourceFilter,
  /** Only people with any of these consent statuses (none: everyone). */
  consent: z.array(ConsentStatus, { error: 'Must be a list of consent statuses.' }).max(4).default([]),
});
export type ContactListRequest = z.input<typeof ContactListRequest>;

export const ContactPage = PageOf(ContactSummary);
export type ContactPage = z.infer<typeof ContactPage>;

export const ContactRef = z.strictObject({ id: Id });

export const ContactPhotoUpload = z.strictObject({ id: Id, uploadId: UploadId });
