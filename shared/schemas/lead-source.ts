import { z } from 'zod';
import { Id, optionalText, requiredText } from './common';

/** How long a lead source's name and a UTM value may be. */
export const leadSourceLimits = { name: 100, utm: 200 } as const;

/** A lead source on a record: '' for none, else a name from the lead-source list (the core checks it is there). */
export const LeadSourceValue = optionalText('Lead source', leadSourceLimits.name);

/** The UTM fields a web form fills: free text, bounded. */
export const utmFieldSchemas = {
  utmSource: optionalText('UTM source', leadSourceLimits.utm),
  utmMedium: optionalText('UTM medium', leadSourceLimits.utm),
  utmCampaign: optionalText('UTM campaign', leadSourceLimits.utm),
};

/** Filter a list by lead source: any of these names; '' stands for "no lead source". */
export const LeadSourceFilter = {
  leadSources: z
    .array(optionalText('Lead source', leadSourceLimits.name), { error: 'Must be a list of lead sources.' })
    .max(50, { error: 'Filter by at most 50 lead sources.' })
    .default([]),
};

export const LeadSource = z.strictObject({
  id: Id,
  name: z.string(),
  position: z.int().min(0),
  /** Records with this lead source (not in the trash), per kind: Settings says them before a delete. */
  counts: z.strictObject({ contact: z.int().min(0), company: z.int().min(0) }),
});
export type LeadSource = z.infer<typeof LeadSource>;

export const LeadSourceList = z.strictObject({ leadSources: z.array(LeadSource) });
export type LeadSourceList = z.infer<typeof LeadSourceList>;

export const LeadSourceDraft = z.strictObject({ name: requiredText('Name', leadSourceLimits.name) });
export const LeadSourceRename = z.strictObject({ id: Id, name: requiredText('Name', leadSourceLimits.name) });

/** Every lead source, in the new order. */
export const LeadSourceReorder = z.strictObject({
  ids: z
    .array(Id)
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'The same lead source is listed twice.' }),
});

/**
 * Deleting a lead source that records still carry needs `clearOnRecords`:
 * without it the delete is refused (VALIDATION on `clearOnRecords`, saying how
 * many), so the window can ask; with it the records are left without one.
 */
export const LeadSourceDelete = z.strictObject({ id: Id, clearOnRecords: z.boolean().optional() });
export const LeadSourceRemoved = z.strictObject({
  id: Id,
  clearedContacts: z.int().min(0),
  clearedCompanies: z.int().min(0),
});
