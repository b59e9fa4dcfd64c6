import { z } from 'zod';
import { Id } from '../schemas/common';
import {
  CampaignOutput,
  CampaignRef,
  CampaignTemplateChoice,
  CsvExportResult,
  MailtoRequest,
  MergeField,
  QueueResult,
  RecipientList,
  RecipientsRequest,
  Template,
  TemplateDraft,
  TemplatePreview,
  TemplatePreviewRequest,
  TemplateProblem,
  TemplateRef,
  TemplateSummary,
  TemplateText,
  TemplateUpdate,
} from '../schemas/template';
import type { ChannelTable } from './table';

/** Mail-merge templates, previews and their output (CSV, mailto, the outbox). */
export const templateChannels = {
  'templates.list': { input: z.strictObject({}), output: z.strictObject({ templates: z.array(TemplateSummary) }) },
  'templates.get': { input: TemplateRef, output: Template },
  'templates.create': { input: TemplateDraft, output: Template },
  'templates.update': { input: TemplateUpdate, output: Template },
  'templates.delete': { input: TemplateRef, output: z.strictObject({ id: Id }) },
  /** The fields a template may name: contact and company fields, and custom fields by a slug of their label. */
  'templates.fields': { input: z.strictObject({}), output: z.strictObject({ fields: z.array(MergeField) }) },
  /** What is wrong with a template as written (unbalanced braces, unknown fields), each with its line. */
  'templates.check': { input: TemplateText, output: z.strictObject({ problems: z.array(TemplateProblem) }) },
  /** The message one person would get, with unknown fields flagged and the fields empty for them named. */
  'templates.preview': { input: TemplatePreviewRequest, output: TemplatePreview },
  /** The template a campaign uses (null: none chosen yet). */
  'templates.ofCampaign': { input: CampaignRef, output: z.strictObject({ templateId: Id.nullable() }) },
  'templates.choose': { input: CampaignTemplateChoice, output: z.strictObject({ templateId: Id.nullable() }) },
  /** A campaign's members for the preview picker (first 50 matching), each with whether they may be contacted. */
  'templates.recipients': { input: RecipientsRequest, output: RecipientList },
  /** Save dialog → a CSV for a mail tool, one row per member who may be contacted and has an email. */
  'templates.exportCsv': { input: CampaignOutput, output: CsvExportResult },
  /** Opens one member's message in the user's mail app (a mailto: link, the only way a message leaves from here). */
  'templates.mailto': { input: MailtoRequest, output: z.strictObject({ opened: z.literal(true) }) },
  /** Renders every member's message into the outbox for sending; a second queue adds only those not there yet. */
  'templates.queue': { input: CampaignOutput, output: QueueResult },
} as const satisfies ChannelTable;
