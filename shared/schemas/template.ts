import { z } from 'zod';
import { Id, Timestamp, optionalText, refusedLength, requiredText, tooLong } from './common';

/** How long a template's parts may be: a 1 MB body is refused before anything else looks at it. */
export const templateLimits = { name: 100, subject: 500, body: 100_000, search: 200 } as const;

/** Plain text, or "formatted": a small Markdown subset (bold, italic, links, paragraphs, lists) sent as HTML with a plain text part. */
export const templateFormats = ['text', 'formatted'] as const;
export const TemplateFormat = z.enum(templateFormats);
export type TemplateFormat = z.infer<typeof TemplateFormat>;

// Subject and body keep their spaces and line breaks as written: only their length is bounded.
const subject = z.string({ error: 'Subject must be text.' }).max(templateLimits.subject, {
  error: (issue) => tooLong('Subject', refusedLength(issue.input), templateLimits.subject),
});
const body = z
  .string({ error: 'Body must be text.' })
  .max(templateLimits.body, { error: (issue) => tooLong('Body', refusedLength(issue.input), templateLimits.body) });

export const Template = z.strictObject({
  id: Id,
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  format: TemplateFormat,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Template = z.infer<typeof Template>;

export const TemplateSummary = Template.pick({ id: true, name: true, format: true, updatedAt: true });
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateDraft = z.strictObject({
  name: requiredText('Name', templateLimits.name),
  subject: subject.default(''),
  body: body.default(''),
  format: TemplateFormat.default('text'),
});
export const TemplateUpdate = z.strictObject({
  id: Id,
  name: requiredText('Name', templateLimits.name).optional(),
  subject: subject.optional(),
  body: body.optional(),
  format: TemplateFormat.optional(),
});
export const TemplateRef = z.strictObject({ id: Id });

/** The text being written, as the editor holds it (saved or not). */
export const TemplateText = z.strictObject({ subject, body, format: TemplateFormat });
export type TemplateText = z.infer<typeof TemplateText>;

/** One thing wrong with a template, in words, with where it is (line and column count from 1). */
export const TemplateProblem = z.strictObject({
  part: z.enum(['subject', 'body']),
  line: z.int().min(1),
  column: z.int().min(1),
  message: z.string(),
});
export type TemplateProblem = z.infer<typeof TemplateProblem>;

/** A field the editor's "Insert field" menu offers: `key` is what goes between the braces. */
export const MergeField = z.strictObject({
  key: z.string(),
  label: z.string(),
  group: z.enum(['contact', 'company']),
  custom: z.boolean(),
});
export type MergeField = z.infer<typeof MergeField>;

export const TemplatePreviewRequest = z.strictObject({ ...TemplateText.shape, contactId: Id });
export const TemplatePreview = z.strictObject({
  subject: z.string(),
  text: z.string(),
  /** Formatted templates only. */
  html: z.string().nullable(),
  problems: z.array(TemplateProblem),
  /** Field names used but not known (each also a problem). */
  unknownFields: z.array(z.string()),
  /** Fields this person has no value for and no fallback covers: merged as nothing. */
  emptyFields: z.array(z.string()),
});
export type TemplatePreview = z.infer<typeof TemplatePreview>;

export const CampaignRef = z.strictObject({ campaignId: Id });
export const CampaignTemplateChoice = z.strictObject({ campaignId: Id, templateId: Id.nullable() });

export const RecipientsRequest = z.strictObject({
  campaignId: Id,
  search: optionalText('Search', templateLimits.search).default(''),
});
export const Recipient = z.strictObject({
  contactId: Id,
  name: z.string(),
  email: z.string().nullable(),
  /** Not unsubscribed or marked do-not-contact (and not in the trash). */
  mayBeContacted: z.boolean(),
});
export type Recipient = z.infer<typeof Recipient>;
export const RecipientList = z.strictObject({ total: z.int().min(0), recipients: z.array(Recipient).max(50) });
export type RecipientList = z.infer<typeof RecipientList>;

export const CampaignOutput = z.strictObject({ campaignId: Id, templateId: Id });
export const MailtoRequest = z.strictObject({ campaignId: Id, templateId: Id, contactId: Id });

/** Who an output left out: people who must not be contacted, and people without an email address. */
const LeftOut = { leftOutForConsent: z.int().min(0), leftOutNoEmail: z.int().min(0) };
export const CsvExportResult = z.strictObject({ saved: z.boolean(), rows: z.int().min(0), ...LeftOut });
export type CsvExportResult = z.infer<typeof CsvExportResult>;
export const QueueResult = z.strictObject({ queued: z.int().min(0), alreadyQueued: z.int().min(0), ...LeftOut });
export type QueueResult = z.infer<typeof QueueResult>;
