import { z } from 'zod';
import type {
  Activity,
  ActivityKind,
  ActivityPage,
  ActivitySortKey,
  ActivitySummary,
  DueReminder,
  TodayTasks,
} from '../../../shared/schemas/activity';
import type { FieldedRef } from '../../../shared/schemas/record';
import { omit } from '../../../shared/omit';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { ownerColumn } from '../records/kinds';
import { listReader, searchCondition, type Conditions } from '../records/list-query';
import { blankToNull, gone, invalid } from '../records/problems';

interface ActivityRow {
  id: number;
  version: number;
  kind: ActivityKind;
  subject: string | null;
  body: string | null;
  preview: string | null;
  occurred_at: string;
  due_at: string | null;
  done_at: string | null;
  contact_id: number | null;
  contact_name: string | null;
  company_id: number | null;
  company_name: string | null;
  deal_id: number | null;
  deal_title: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityValues {
  kind: ActivityKind;
  subject: string;
  body: string;
  occurredAt: string;
  dueAt: string | null;
  /** When a task was done; null while open (and for other kinds). */
  doneAt: string | null;
  contactId: number | null;
  companyId: number | null;
  dealId: number | null;
}

export interface ActivityListQuery {
  offset: number;
  limit: number;
  sort: ActivitySortKey;
  direction: 'asc' | 'desc';
  search: string;
  kinds?: readonly ActivityKind[];
  status?: 'open' | 'done' | undefined;
  record?: FieldedRef | undefined;
}

// Linked records in the trash are not shown as links.
const from = `activities a
  LEFT JOIN contacts ct ON ct.id = a.contact_id AND ct.deleted_at IS NULL
  LEFT JOIN companies co ON co.id = a.company_id AND co.deleted_at IS NULL
  LEFT JOIN deals dl ON dl.id = a.deal_id AND dl.deleted_at IS NULL`;
const columns = `a.id, a.kind, a.subject, substr(a.body, 1, 200) AS preview, a.occurred_at, a.due_at, a.done_at,
  a.contact_id, ct.name AS contact_name, a.company_id, co.name AS company_name, a.deal_id, dl.title AS deal_title, a.updated_at`;

const orderTerms: Record<ActivitySortKey, string[]> = {
  occurredAt: ['a.occurred_at'],
  dueAt: ['a.due_at IS NULL', 'a.due_at'],
  subject: ['a.subject IS NULL', 'a.subject'],
  kind: ['a.kind', 'a.occurred_at'],
  updatedAt: ['a.updated_at'],
};

const maxReminders = 200;
const lastCheckKey = 'reminders.lastCheck';
const dayMs = 24 * 60 * 60 * 1000;

function linked(id: number | null, name: string | null) {
  return id !== null && name !== null ? { id, name } : null;
}

function summaryOf(row: ActivityRow): ActivitySummary {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject ?? '',
    preview: row.preview ?? '',
    occurredAt: row.occurred_at,
    dueAt: row.due_at,
    doneAt: row.done_at,
    contact: linked(row.contact_id, row.contact_name),
    company: linked(row.company_id, row.company_name),
    deal: linked(row.deal_id, row.deal_title),
    updatedAt: row.updated_at,
  };
}

/** SQL for activities, "Today" and reminders. */

/** The last reminder check time as stored; a damaged value reads as none, so the check looks back one day. */
function storedCheckTime(stored: string): string | undefined {
  try {
    const parsed = z.iso.datetime().safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function activitiesRepo(db: Db) {
  const write = writer(db);
  const byId = db.prepare<[number], ActivityRow>(
    `SELECT a.*, ${columns} FROM ${from} WHERE a.id = ? AND a.deleted_at IS NULL`,
  );
  const byIds = db.prepare<[string], ActivityRow>(
    `SELECT ${columns} FROM ${from} WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const insert = db.prepare<[Record<string, string | number | null>], { id: number }>(
    `INSERT INTO activities (kind, subject, body, occurred_at, due_at, done_at, contact_id, company_id, deal_id, created_at, updated_at)
     VALUES (@kind, @subject, @body, @occurredAt, @dueAt, @doneAt, @contactId, @companyId, @dealId, @now, @now) RETURNING id`,
  );
  // A new due time is a new reminder.
  const update = db.prepare<[Record<string, string | number | null>]>(
    `UPDATE activities SET kind = @kind, subject = @subject, body = @body, occurred_at = @occurredAt, due_at = @dueAt, done_at = @doneAt,
       contact_id = @contactId, company_id = @companyId, deal_id = @dealId, updated_at = @now,
       notified_at = CASE WHEN due_at IS @dueAt THEN notified_at ELSE NULL END
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const contactOf = db.prepare<[number], { company_id: number | null }>(
    'SELECT company_id FROM contacts WHERE id = ? AND deleted_at IS NULL',
  );
  const companyLive = db
    .prepare<[number], number>('SELECT 1 FROM companies WHERE id = ? AND deleted_at IS NULL')
    .pluck();
  const dealOf = db.prepare<[number], { company_id: number | null; contact_id: number | null }>(
    'SELECT company_id, contact_id FROM deals WHERE id = ? AND deleted_at IS NULL',
  );
  const companyIfLive = (id: number | null) => (id !== null && companyLive.get(id) !== undefined ? id : null);
  const contactIfLive = (id: number | null) => (id !== null && contactOf.get(id) !== undefined ? id : null);
  const openTasks = `FROM ${from} WHERE a.kind = 'task' AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_at >= @from AND a.due_at < @until`;
  const tasksDue = db.prepare<[{ from: string; until: string; limit: number }], ActivityRow>(
    `SELECT ${columns} ${openTasks} ORDER BY a.due_at, a.id LIMIT @limit`,
  );
  const tasksDueCount = db
    .prepare<[{ from: string; until: string }], number>(
      `SELECT count(*) FROM activities a WHERE a.kind = 'task' AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_at >= @from AND a.due_at < @until`,
    )
    .pluck();
  const fellDue = db.prepare<[{ since: string; now: string }], ActivityRow>(
    `SELECT ${columns} FROM ${from}
     WHERE a.kind = 'task' AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.notified_at IS NULL AND a.due_at > @since AND a.due_at <= @now
     ORDER BY a.due_at, a.id`,
  );
  const markNotified = db.prepare<[{ id: number; now: string }]>(
    'UPDATE activities SET notified_at = @now WHERE id = @id',
  );
  const readSetting = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const writeSetting = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const reader = listReader<ActivitySortKey, ActivityRow>(db, {
    kind: 'activity',
    from,
    alias: 'a',
    columns,
    order: orderTerms,
  });

  /**
   * Checks the records an activity belongs to, and files it under the
   * contact's or deal's company (and the deal's contact) when not given.
   */
  function owners(values: ActivityValues, fill: boolean): Pick<ActivityValues, 'contactId' | 'companyId' | 'dealId'> {
    let { contactId, companyId } = values;
    const { dealId } = values;
    const contact = contactId === null ? null : contactOf.get(contactId);
    if (contact === undefined) throw gone('contactId', 'That contact no longer exists. It may have been deleted.');
    if (companyId !== null && companyLive.get(companyId) === undefined)
      throw gone('companyId', 'That company no longer exists. It may have been deleted.');
    const deal = dealId === null ? null : dealOf.get(dealId);
    if (deal === undefined) throw gone('dealId', 'That deal no longer exists. It may have been deleted.');
    if (fill) {
      companyId ??= companyIfLive(contact?.company_id ?? null) ?? companyIfLive(deal?.company_id ?? null);
      contactId ??= contactIfLive(deal?.contact_id ?? null);
    }
    if (contactId === null && companyId === null && dealId === null) {
      throw invalid('contactId', 'An activity belongs to a contact, a company or a deal: choose at least one.');
    }
    return { contactId, companyId, dealId };
  }

  function rowValues(values: ActivityValues) {
    if (values.kind !== 'task' && (values.dueAt !== null || values.doneAt !== null))
      throw invalid('dueAt', 'Only a task has a due time or can be done.');
    if (values.subject === '' && values.body === '') throw invalid('subject', 'Please enter a subject or some text.');
    return {
      kind: values.kind,
      subject: blankToNull(values.subject),
      body: blankToNull(values.body),
      occurredAt: values.occurredAt,
      dueAt: values.dueAt,
      doneAt: values.doneAt,
      contactId: values.contactId,
      companyId: values.companyId,
      dealId: values.dealId,
    };
  }

  function valuesOf(row: ActivityRow): ActivityValues {
    return {
      kind: row.kind,
      subject: row.subject ?? '',
      body: row.body ?? '',
      occurredAt: row.occurred_at,
      dueAt: row.due_at,
      doneAt: row.done_at,
      contactId: row.contact_id,
      companyId: row.company_id,
      dealId: row.deal_id,
    };
  }

  function get(id: number): Activity | undefined {
    const row = byId.get(id);
    if (!row) return undefined;
    const summary = omit(summaryOf(row), 'preview');
    return { ...summary, body: row.body ?? '', createdAt: row.created_at, version: row.version };
  }

  function tasks(from: string, until: string, limit: number) {
    return { total: tasksDueCount.get({ from, until })!, rows: tasksDue.all({ from, until, limit }).map(summaryOf) };
  }

  return {
    create: write((values: ActivityValues, now: string): Activity => {
      const { id } = insert.get({ ...rowValues({ ...values, ...owners(values, true) }), now })!;
      return get(id)!;
    }),
    /** Sets the fields given (others keep their value). */
    update: write((id: number, changes: Partial<ActivityValues>, now: string): Activity | undefined => {
      const row = byId.get(id);
      if (!row) return undefined;
      const values: ActivityValues = { ...valuesOf(row) };
      for (const key of Object.keys(values) as Array<keyof ActivityValues>) {
        if (changes[key] !== undefined) (values as unknown as Record<string, unknown>)[key] = changes[key];
      }
      if (values.kind !== 'task') {
        values.dueAt = changes.dueAt ?? null;
        values.doneAt = null;
      }
      update.run({ ...rowValues({ ...values, ...owners(values, false) }), now, id });
      return get(id);
    }),
    get,
    values(id: number): ActivityValues | undefined {
      const row = byId.get(id);
      return row && valuesOf(row);
    },
    list(query: ActivityListQuery): ActivityPage {
      const conditions: Conditions = { where: [], params: {} };
      searchCondition(query.search, conditions);
      if (query.kinds && query.kinds.length > 0) {
        conditions.where.push('a.kind IN (SELECT value FROM json_each(@kinds))');
        conditions.params.kinds = JSON.stringify(query.kinds);
      }
      if (query.status)
        conditions.where.push(`a.kind = 'task' AND a.done_at IS ${query.status === 'open' ? '' : 'NOT '}NULL`);
      if (query.record) {
        conditions.where.push(`a.${ownerColumn[query.record.kind]} = @recordId`);
        conditions.params.recordId = query.record.id;
      }
      const { rows, total, more } = reader.page(query, conditions);
      return { total, more, offset: query.offset, rows: rows.map(summaryOf) };
    },
    /** Summaries by id (timelines), in no particular order. */
    summaries(ids: readonly number[]): ActivitySummary[] {
      return ids.length === 0 ? [] : byIds.all(JSON.stringify(ids)).map(summaryOf);
    },
    /** Open tasks due before the day (overdue) and during it. */
    today(startOfDay: string, endOfDay: string, limit: number): TodayTasks {
      return { overdue: tasks('', startOfDay, limit), dueToday: tasks(startOfDay, endOfDay, limit) };
    },
    /**
     * Tasks that fell due since the last check and were not yet notified:
     * marked notified, and the check time saved, in one transaction, so each
     * reminder is handed out once. The first check looks back one day.
     */
    dueReminders: write((now: Date): DueReminder[] => {
      const nowText = now.toISOString();
      const stored = readSetting.get(lastCheckKey);
      const dayBefore = new Date(now.getTime() - dayMs).toISOString();
      const last = (stored === undefined ? undefined : storedCheckTime(stored)) ?? dayBefore;
      // A clock set back: look back one day rather than over everything.
      const since = last <= nowText ? last : dayBefore;
      const due = fellDue.all({ since, now: nowText });
      for (const row of due) markNotified.run({ id: row.id, now: nowText });
      writeSetting.run(lastCheckKey, JSON.stringify(nowText));
      return due.slice(0, maxReminders).map((row) => ({
        id: row.id,
        subject: row.subject ?? row.preview ?? '',
        dueAt: row.due_at!,
        about: row.contact_name ?? row.company_name ?? row.deal_title ?? '',
      }));
    }),
    pageSql: reader.pageSql.bind(reader),
  };
}

export type ActivitiesRepo = ReturnType<typeof activitiesRepo>;
