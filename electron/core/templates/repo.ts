import { z } from 'zod';
import { Template, type TemplateFormat, type TemplateSummary } from '../../../shared/schemas/template';
import { mayBeContacted } from '../campaigns/consent-rule';
import type { Db } from '../db/open';
import type { CustomFieldLabel } from './merge-fields';

const TemplateRow = z.object({
  id: z.int(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  format: z.enum(['text', 'formatted']),
  created_at: z.string(),
  updated_at: z.string(),
});
const toTemplate = (row: unknown): Template => {
  const parsed = TemplateRow.parse(row);
  return Template.parse({
    id: parsed.id,
    name: parsed.name,
    subject: parsed.subject,
    body: parsed.body,
    format: parsed.format,
    createdAt: parsed.created_at,
    updatedAt: parsed.updated_at,
  });
};

export interface TemplateValues {
  name: string;
  subject: string;
  body: string;
  format: TemplateFormat;
}

/** Stored mail-merge templates. */
export function templatesRepo(db: Db) {
  const list = db.prepare('SELECT id, name, format, updated_at FROM templates ORDER BY name, id');
  const byId = db.prepare<[number]>('SELECT * FROM templates WHERE id = ?');
  const nameTaken = db.prepare<[string, number], number>('SELECT 1 FROM templates WHERE name = ? AND id <> ?').pluck();
  const insert = db.prepare<[TemplateValues & { now: string }]>(
    'INSERT INTO templates (name, subject, body, format, created_at, updated_at) VALUES (@name, @subject, @body, @format, @now, @now) RETURNING *',
  );
  const change = db.prepare<[TemplateValues & { id: number; now: string }]>(
    'UPDATE templates SET name = @name, subject = @subject, body = @body, format = @format, updated_at = @now WHERE id = @id RETURNING *',
  );
  const remove = db.prepare<[number]>('DELETE FROM templates WHERE id = ?');
  const campaignsUsing = db.prepare<[number], number>('SELECT count(*) FROM campaigns WHERE template_id = ?').pluck();
  const Summary = z.object({
    id: z.int(),
    name: z.string(),
    format: z.enum(['text', 'formatted']),
    updated_at: z.string(),
  });
  return {
    list: (): TemplateSummary[] =>
      list
        .all()
        .map((row) => Summary.parse(row))
        .map((row) => ({ id: row.id, name: row.name, format: row.format, updatedAt: row.updated_at })),
    get: (id: number): Template | undefined => {
      const row = byId.get(id);
      return row === undefined ? undefined : toTemplate(row);
    },
    nameTaken: (name: string, exceptId = 0) => nameTaken.get(name, exceptId) !== undefined,
    create: (values: TemplateValues, now: string) => toTemplate(insert.get({ ...values, now })),
    update: (id: number, values: TemplateValues, now: string) => {
      const row = change.get({ ...values, id, now });
      return row === undefined ? undefined : toTemplate(row);
    },
    /** How many campaigns have the template as their message: they lose it with a delete. */
    campaignsUsing: (id: number): number => campaignsUsing.get(id)!,
    delete: (id: number) => remove.run(id).changes > 0,
  };
}

const PersonRow = z.object({
  id: z.int(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  lead_source: z.string().nullable(),
  utm_source: z.string().nullable(),
  utm_medium: z.string().nullable(),
  utm_campaign: z.string().nullable(),
  company_id: z.int().nullable(),
  company_name: z.string().nullable(),
  company_industry: z.string().nullable(),
  company_website: z.string().nullable(),
  company_phone: z.string().nullable(),
  company_address: z.string().nullable(),
  company_lead_source: z.string().nullable(),
});
export type PersonRow = z.infer<typeof PersonRow>;
const CustomValue = z.object({ field_id: z.int(), value: z.union([z.string(), z.number()]) });

/** One person as a template sees them: their row, their company's, and both's custom values by field id. */
export interface MergePerson {
  row: PersonRow;
  contactCustom: Map<number, string>;
  companyCustom: Map<number, string>;
}

/** What merging reads: custom field labels, a person and their company, a campaign's members in order. */
export function mergeSourceRepo(db: Db) {
  const customLabels = db.prepare(
    "SELECT id, record_kind AS kind, label FROM custom_fields WHERE record_kind IN ('contact', 'company') ORDER BY record_kind, position, id",
  );
  const person = db.prepare<[number]>(`
    SELECT c.id, c.name, c.email, c.phone, c.company, c.lead_source, c.utm_source, c.utm_medium, c.utm_campaign,
           co.id AS company_id, co.name AS company_name, co.industry AS company_industry, co.website AS company_website,
           co.phone AS company_phone, co.address AS company_address, co.lead_source AS company_lead_source
      FROM contacts c LEFT JOIN companies co ON co.id = c.company_id AND co.deleted_at IS NULL
     WHERE c.id = ? AND c.deleted_at IS NULL`);
  const contactCustom = db.prepare<[number]>('SELECT field_id, value FROM contact_custom_values WHERE contact_id = ?');
  const companyCustom = db.prepare<[number]>('SELECT field_id, value FROM company_custom_values WHERE company_id = ?');
  const customOf = (rows: unknown[]) =>
    new Map(rows.map((row) => CustomValue.parse(row)).map((row) => [row.field_id, String(row.value)]));
  const CustomLabel = z.object({ id: z.int(), kind: z.enum(['contact', 'company']), label: z.string() });
  return {
    customFieldLabels: (): CustomFieldLabel[] => customLabels.all().map((row) => CustomLabel.parse(row)),
    person(contactId: number): MergePerson | undefined {
      const found = person.get(contactId);
      if (found === undefined) return undefined;
      const row = PersonRow.parse(found);
      return {
        row,
        contactCustom: customOf(contactCustom.all(row.id)),
        companyCustom:
          row.company_id === null ? new Map<number, string>() : customOf(companyCustom.all(row.company_id)),
      };
    },
  };
}

const MemberRow = z.object({
  contact_id: z.int(),
  name: z.string(),
  email: z.string().nullable(),
  may_be_contacted: z.union([z.literal(0), z.literal(1)]),
});
export type MemberRow = z.infer<typeof MemberRow>;

/** A campaign's members, as outputs walk them. */
export function campaignMembersRepo(db: Db) {
  const campaign = db.prepare<[number]>('SELECT id, name, template_id FROM campaigns WHERE id = ?');
  const setTemplate = db.prepare<[number | null, string, number]>(
    'UPDATE campaigns SET template_id = ?, updated_at = ? WHERE id = ?',
  );
  const memberColumns = `m.contact_id, c.name, nullif(trim(c.email), '') AS email, ${mayBeContacted('c')} AS may_be_contacted`;
  // The primary key (campaign_id, contact_id) serves both: pages walk it in order.
  const page = db.prepare<[number, number, number]>(
    `SELECT ${memberColumns} FROM campaign_members m JOIN contacts c ON c.id = m.contact_id WHERE m.campaign_id = ? AND m.contact_id > ? ORDER BY m.contact_id LIMIT ?`,
  );
  const member = db.prepare<[number, number]>(
    `SELECT ${memberColumns} FROM campaign_members m JOIN contacts c ON c.id = m.contact_id WHERE m.campaign_id = ? AND m.contact_id = ?`,
  );
  const search = db.prepare<[number, string, string, number]>(
    `SELECT ${memberColumns} FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
      WHERE m.campaign_id = ? AND c.deleted_at IS NULL AND (c.name LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\')
      ORDER BY c.name, c.id LIMIT ?`,
  );
  const total = db
    .prepare<[number], number>(
      'SELECT count(*) FROM campaign_members m JOIN contacts c ON c.id = m.contact_id WHERE m.campaign_id = ? AND c.deleted_at IS NULL',
    )
    .pluck();
  const Campaign = z.object({ id: z.int(), name: z.string(), template_id: z.int().nullable() });
  return {
    campaign: (id: number) => {
      const row = campaign.get(id);
      return row === undefined ? undefined : Campaign.parse(row);
    },
    setTemplate: (campaignId: number, templateId: number | null, now: string) =>
      setTemplate.run(templateId, now, campaignId).changes > 0,
    page: (campaignId: number, afterContactId: number, limit: number): MemberRow[] =>
      page.all(campaignId, afterContactId, limit).map((row) => MemberRow.parse(row)),
    member: (campaignId: number, contactId: number): MemberRow | undefined => {
      const row = member.get(campaignId, contactId);
      return row === undefined ? undefined : MemberRow.parse(row);
    },
    search: (campaignId: number, words: string, limit: number): MemberRow[] => {
      const like = `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      return search.all(campaignId, like, like, limit).map((row) => MemberRow.parse(row));
    },
    total: (campaignId: number) => total.get(campaignId) ?? 0,
  };
}

/** Rows for the sender: one per campaign and person (the UNIQUE constraint makes a second queue a no-op). */
export function outboxRepo(db: Db) {
  const insert = db.prepare<
    [
      {
        campaignId: number;
        contactId: number;
        to: string;
        subject: string;
        text: string;
        html: string | null;
        messageId: string;
        now: string;
      },
    ]
  >(
    `INSERT INTO outbox (campaign_id, contact_id, to_address, subject, text_body, html_body, message_id, state, queued_at)
     VALUES (@campaignId, @contactId, @to, @subject, @text, @html, @messageId, 'queued', @now)
     ON CONFLICT (campaign_id, contact_id) DO NOTHING`,
  );
  const queued = db
    .prepare<[number, number], number>('SELECT 1 FROM outbox WHERE campaign_id = ? AND contact_id = ?')
    .pluck();
  return {
    isQueued: (campaignId: number, contactId: number) => queued.get(campaignId, contactId) !== undefined,
    /** false when this person already has a row for the campaign. */
    add: (message: Parameters<typeof insert.run>[0]) => insert.run(message).changes > 0,
  };
}
