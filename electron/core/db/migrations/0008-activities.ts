import type { Migration } from '../migration';

/**
 * Activities: notes, calls, meetings and emails logged, and tasks with a due
 * time. Each belongs to at least one contact, company or deal (one real
 * foreign key per kind). `notified_at` marks a task whose reminder was shown.
 */
export const activitiesMigration: Migration = {
  version: 8,
  name: 'activities',
  up(db) {
    db.exec(`
      CREATE TABLE activities (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('note', 'call', 'meeting', 'email', 'task')),
        subject     TEXT COLLATE NOCASE,
        body        TEXT,
        occurred_at TEXT NOT NULL,
        due_at      TEXT,
        done_at     TEXT,
        notified_at TEXT,
        contact_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
        company_id  INTEGER REFERENCES companies (id) ON DELETE SET NULL,
        deal_id     INTEGER REFERENCES deals (id) ON DELETE SET NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT,
        trash_id    INTEGER REFERENCES trash (id),
        CHECK (contact_id IS NOT NULL OR company_id IS NOT NULL OR deal_id IS NOT NULL),
        CHECK (kind = 'task' OR (due_at IS NULL AND done_at IS NULL)),
        CHECK (subject IS NOT NULL OR body IS NOT NULL),
        CHECK ((deleted_at IS NULL) = (trash_id IS NULL))
      );
      CREATE INDEX activities_by_occurred ON activities (occurred_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX activities_by_due      ON activities (due_at IS NULL, due_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX activities_by_subject  ON activities (subject IS NULL, subject, id) WHERE deleted_at IS NULL;
      CREATE INDEX activities_by_kind     ON activities (kind, occurred_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX activities_by_updated  ON activities (updated_at, id) WHERE deleted_at IS NULL;
      -- Open tasks by due time: "Today" and reminders.
      CREATE INDEX activities_open_tasks  ON activities (due_at, id) WHERE kind = 'task' AND done_at IS NULL AND deleted_at IS NULL;
      -- A record's activities, newest first (timelines), and its foreign keys.
      CREATE INDEX activities_by_contact  ON activities (contact_id, occurred_at, id) WHERE contact_id IS NOT NULL;
      CREATE INDEX activities_by_company  ON activities (company_id, occurred_at, id) WHERE company_id IS NOT NULL;
      CREATE INDEX activities_by_deal     ON activities (deal_id, occurred_at, id) WHERE deal_id IS NOT NULL;
      CREATE INDEX activities_in_trash    ON activities (trash_id); -- whole-table: also what a count(*) reads (see migration 5)
    `);
  },
};
