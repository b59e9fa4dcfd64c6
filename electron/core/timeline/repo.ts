import type { FieldedRef } from '../../../shared/schemas/record';
import type { MemberStatus, MemberStatusSource } from '../../../shared/schemas/marketing';
import type {
  FieldChange,
  MemberEvent,
  TimelineCursor,
  TimelineEntry,
  TimelinePage,
} from '../../../shared/schemas/timeline';
import { activitiesRepo } from '../activities/repo';
import { attachmentsRepo } from '../attachments/repo';
import type { Db } from '../db/open';
import type { HistoryAction, HistoryValue } from '../records/history';
import { fieldLabels } from '../records/field-labels';
import { ownerColumn, tableOf } from '../records/kinds';

// Sources, in the order entries of the same instant are listed (newest first: highest first).
const source = { created: 0, attachment: 1, change: 2, activity: 3, campaign: 4 } as const;

interface StreamRow {
  at: string;
  source: number;
  id: number;
}

interface HistoryRow {
  id: number;
  action: HistoryAction;
  field: string;
  old_value: HistoryValue;
  new_value: HistoryValue;
  changed_at: string;
  label: string | null;
}

interface MemberEventRow {
  id: number;
  campaign_id: number;
  campaign_name: string;
  old_status: MemberStatus | null;
  new_status: MemberStatus;
  how: MemberStatusSource;
}

const memberEventOf = (row: MemberEventRow): MemberEvent => ({
  campaignId: row.campaign_id,
  campaignName: row.campaign_name,
  oldStatus: row.old_status,
  newStatus: row.new_status,
  how: row.how,
});

// Later than any time stamp: the first page starts at the newest entry.
const start: TimelineCursor = { at: '9999-12-31T23:59:59.999Z', source: 9, id: 1 };

/**
 * A record's timeline: its activities, its field changes, its
 * attachments, a contact's campaign status changes (and its creation) as
 * one stream, newest first, read a page at a time by keyset on (time,
 * source, id).
 */
export function timelineRepo(db: Db) {
  const activities = activitiesRepo(db);
  const attachments = attachmentsRepo(db);
  const streams = Object.fromEntries(
    (['contact', 'company', 'deal'] as const).map((kind) => {
      const owner = ownerColumn[kind];
      return [
        kind,
        db.prepare<[{ id: number; at: string; source: number; before: number; limit: number }], StreamRow>(`
          SELECT at, source, id FROM (
            SELECT occurred_at AS at, ${source.activity} AS source, id FROM activities WHERE ${owner} = @id AND deleted_at IS NULL
            UNION ALL SELECT changed_at, ${source.change}, id FROM record_history WHERE ${owner} = @id
            UNION ALL SELECT added_at, ${source.attachment}, id FROM attachments WHERE ${owner} = @id
            UNION ALL SELECT created_at, ${source.created}, id FROM ${tableOf[kind]} WHERE id = @id${
              kind === 'contact'
                ? `
            UNION ALL SELECT at, ${source.campaign}, id FROM campaign_member_events WHERE contact_id = @id`
                : ''
            }
          )
          WHERE (at, source, id) < (@at, @source, @before)
          ORDER BY at DESC, source DESC, id DESC
          LIMIT @limit`),
      ];
    }),
  ) as Record<
    'contact' | 'company' | 'deal',
    ReturnType<
      typeof db.prepare<[{ id: number; at: string; source: number; before: number; limit: number }], StreamRow>
    >
  >;
  const history = db.prepare<[string], HistoryRow>(`
    SELECT h.id, h.action, h.field, h.old_value, h.new_value, h.changed_at, f.label
    FROM record_history h LEFT JOIN custom_fields f ON h.field GLOB 'custom.*' AND f.id = CAST(substr(h.field, 8) AS INTEGER)
    WHERE h.id IN (SELECT value FROM json_each(?))`);

  const memberEvents = db.prepare<[string], MemberEventRow>(`
    SELECT e.id, e.campaign_id, k.name AS campaign_name, e.old_status, e.new_status, e.how
    FROM campaign_member_events e JOIN campaigns k ON k.id = e.campaign_id
    WHERE e.id IN (SELECT value FROM json_each(?))`);

  function change(row: HistoryRow): FieldChange {
    const label = row.field.startsWith('custom.')
      ? (row.label ?? 'A deleted field')
      : (fieldLabels[row.field] ?? row.field);
    return { action: row.action, field: row.field, label, oldValue: row.old_value, newValue: row.new_value };
  }

  return {
    page(record: FieldedRef, before: TimelineCursor | undefined, limit: number): TimelinePage {
      const cursor = before ?? start;
      const rows = streams[record.kind].all({
        id: record.id,
        at: cursor.at,
        source: cursor.source,
        before: cursor.id,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const idsOf = (wanted: number) => page.filter((row) => row.source === wanted).map((row) => row.id);
      const activityById = new Map(
        activities.summaries(idsOf(source.activity)).map((activity) => [activity.id, activity]),
      );
      const attachmentById = new Map(
        attachments.many(idsOf(source.attachment)).map((attachment) => [attachment.id, attachment]),
      );
      const changeIds = idsOf(source.change);
      const changeById = new Map(
        changeIds.length === 0 ? [] : history.all(JSON.stringify(changeIds)).map((row) => [row.id, change(row)]),
      );
      const eventIds = idsOf(source.campaign);
      const eventById = new Map(
        eventIds.length === 0
          ? []
          : memberEvents.all(JSON.stringify(eventIds)).map((row) => [row.id, memberEventOf(row)]),
      );
      const entries = page.map((row): TimelineEntry => {
        const at = row.at;
        const cursorOf = { at, source: row.source, id: row.id };
        switch (row.source) {
          case source.activity:
            return { type: 'activity', at, cursor: cursorOf, activity: activityById.get(row.id)! };
          case source.attachment:
            return { type: 'attachment', at, cursor: cursorOf, attachment: attachmentById.get(row.id)! };
          case source.change:
            return { type: 'change', at, cursor: cursorOf, change: changeById.get(row.id)! };
          case source.campaign:
            return { type: 'campaign', at, cursor: cursorOf, memberEvent: eventById.get(row.id)! };
          default:
            return { type: 'created', at, cursor: cursorOf };
        }
      });
      return { entries, next: rows.length > limit ? entries[entries.length - 1]!.cursor : null };
    },
  };
}
