import type { Db } from '../db/open';
import { fieldLabels } from '../records/field-labels';
import { personGone } from './erase-plan';

/** One cell as stored: text, a number, or nothing. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** One table of what Rolodesk holds about the person: its column names (kept when it is empty) and rows. */
export interface Section {
  columns: string[];
  rows: Row[];
}

/** A file the person's records hold, with the name it has in Rolodesk. */
export interface PersonFile {
  sha256: string;
  fileName: string;
  mimeType: string;
  /** The record it is attached to, in words ("Contact", "Activity 12"). */
  on: string;
}

export interface PersonData {
  contact: Row & { name: string };
  customFields: Row;
  tags: string[];
  sections: Record<SectionName, Section>;
  files: PersonFile[];
}

/** Each section's query: @id is the contact. Column aliases are what the archive calls them. */
const sectionQueries = {
  company: `SELECT co.id, co.name, co.website, co.phone, co.address, co.industry FROM companies co JOIN contacts c ON c.company_id = co.id WHERE c.id = @id`,
  consentHistory: `SELECT changed_at AS changedAt, old_value AS oldValue, new_value AS newValue FROM record_history
    WHERE contact_id = @id AND field = 'consent' ORDER BY changed_at, id`,
  deals: `SELECT d.id, d.title, co.name AS company, d.value_minor / 100.0 AS value, d.currency, s.name AS stage, d.expected_close AS expectedClose,
      d.owner, d.probability, d.notes, d.closed_at AS closedAt, d.created_at AS createdAt, d.updated_at AS updatedAt, d.deleted_at AS inTrashSince
    FROM deals d JOIN pipeline_stages s ON s.id = d.stage_id LEFT JOIN companies co ON co.id = d.company_id WHERE d.contact_id = @id ORDER BY d.id`,
  activities: `SELECT a.id, a.kind, a.subject, a.body, a.occurred_at AS occurredAt, a.due_at AS dueAt, a.done_at AS doneAt, co.name AS company, d.title AS deal,
      a.created_at AS createdAt, a.updated_at AS updatedAt, a.deleted_at AS inTrashSince
    FROM activities a LEFT JOIN companies co ON co.id = a.company_id LEFT JOIN deals d ON d.id = a.deal_id WHERE a.contact_id = @id ORDER BY a.occurred_at, a.id`,
  history: `SELECT h.changed_at AS changedAt, h.action, h.field, h.old_value AS oldValue, h.new_value AS newValue
    FROM record_history h WHERE h.contact_id = @id ORDER BY h.changed_at, h.id`,
  campaignMemberships: `SELECT k.name AS campaign, k.channel, m.status, m.status_at AS statusAt, m.added_at AS addedAt
    FROM campaign_members m JOIN campaigns k ON k.id = m.campaign_id WHERE m.contact_id = @id ORDER BY m.added_at, k.id`,
  campaignEvents: `SELECT e.at, k.name AS campaign, e.old_status AS oldStatus, e.new_status AS newStatus, e.how
    FROM campaign_member_events e JOIN campaigns k ON k.id = e.campaign_id WHERE e.contact_id = @id ORDER BY e.at, e.id`,
  messages: `SELECT k.name AS campaign, o.to_address AS toAddress, o.subject, o.text_body AS textBody, o.html_body AS htmlBody, o.state,
      o.queued_at AS queuedAt, o.attempted_at AS attemptedAt, o.finished_at AS finishedAt, o.server_answer AS serverAnswer
    FROM outbox o JOIN campaigns k ON k.id = o.campaign_id WHERE o.contact_id = @id ORDER BY o.queued_at, o.id`,
} as const;
export type SectionName = keyof typeof sectionQueries | 'files';

/**
 * Everything Rolodesk holds about one person, read in one transaction so the
 * parts agree with each other: the contact with custom fields, tags, consent
 * and its history, lead source and UTM; their company; deals, activities,
 * timeline history; campaign memberships and their events; messages to them;
 * their files (on the contact and on their activities).
 */
export function personReader(db: Db) {
  const contact = db.prepare<[{ id: number }], Row & { name: string }>(`
    SELECT c.id, c.name, c.email, c.phone, coalesce(co.name, c.company) AS company, c.notes, c.lead_source AS leadSource,
      c.utm_source AS utmSource, c.utm_medium AS utmMedium, c.utm_campaign AS utmCampaign, c.consent, c.consent_changed_at AS consentChangedAt,
      c.consent_source AS consentSource, c.created_at AS createdAt, c.updated_at AS updatedAt, c.deleted_at AS inTrashSince
    FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = @id`);
  const custom = db.prepare<[{ id: number }], { label: string; value: Cell }>(`
    SELECT f.label, v.value FROM contact_custom_values v JOIN custom_fields f ON f.id = v.field_id WHERE v.contact_id = @id ORDER BY f.position, f.id`);
  const tags = db
    .prepare<[{ id: number }], string>(
      'SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = @id ORDER BY t.name',
    )
    .pluck();
  const sections = Object.fromEntries(
    Object.entries(sectionQueries).map(([name, sql]) => [name, db.prepare<[{ id: number }], Row>(sql)]),
  ) as Record<keyof typeof sectionQueries, ReturnType<typeof db.prepare<[{ id: number }], Row>>>;
  const files = db.prepare<[{ id: number }], PersonFile & { addedAt: string }>(`
    SELECT a.sha256, a.file_name AS fileName, b.mime_type AS mimeType, a.added_at AS addedAt,
      CASE WHEN a.contact_id IS NOT NULL THEN 'Contact' ELSE 'Activity ' || a.activity_id END AS "on"
    FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
    WHERE a.contact_id = @id OR a.activity_id IN (SELECT id FROM activities WHERE contact_id = @id)
    UNION ALL SELECT c.photo_sha256, 'Profile photo', b.mime_type, c.updated_at, 'Contact (photo)'
    FROM contacts c JOIN blobs b ON b.sha256 = c.photo_sha256 WHERE c.id = @id
    ORDER BY addedAt, fileName`);

  const read = db.transaction((id: number): PersonData => {
    const key = { id };
    const found = contact.get(key);
    if (!found) throw personGone();
    const historyRows: Row[] = sections.history
      .all(key)
      .map((row) => ({ ...row, field: fieldLabels[String(row.field)] ?? row.field ?? null }));
    const section = (name: keyof typeof sectionQueries): Section => {
      const statement = sections[name];
      return {
        columns: statement.columns().map((column) => column.name),
        rows: name === 'history' ? historyRows : statement.all(key),
      };
    };
    const listed = files.all(key);
    return {
      contact: found,
      customFields: Object.fromEntries(custom.all(key).map(({ label, value }) => [label, value])),
      tags: tags.all(key),
      sections: {
        ...(Object.fromEntries(
          (Object.keys(sectionQueries) as Array<keyof typeof sectionQueries>).map((name) => [name, section(name)]),
        ) as Record<keyof typeof sectionQueries, Section>),
        files: {
          columns: ['fileName', 'on', 'addedAt', 'mimeType'],
          rows: listed.map(({ fileName, on, addedAt, mimeType }) => ({ fileName, on, addedAt, mimeType })),
        },
      },
      files: listed.map(({ sha256, fileName, mimeType, on }) => ({ sha256, fileName, mimeType, on })),
    };
  });
  return { read };
}
