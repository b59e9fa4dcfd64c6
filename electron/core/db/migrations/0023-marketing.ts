import type { Migration } from '../migration';

/**
 * Marketing: where each contact and company came from (a lead source from an
 * editable list, and the UTM fields a web form fills), whether a person may
 * be contacted (consent, with when and how it last changed), saved segments,
 * mail-merge templates, campaigns with their members and each member's status
 * changes (the contact's timeline shows them), and the outbox messages are
 * sent from: one row per campaign and person, so a message is never queued twice.
 */
export const marketingMigration: Migration = {
  version: 23,
  name: 'marketing',
  up(db) {
    db.exec(`
      CREATE TABLE lead_sources (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        position INTEGER NOT NULL
      );
      INSERT INTO lead_sources (name, position) VALUES
        ('Website', 0), ('Referral', 1), ('Event', 2), ('Cold call', 3), ('Import', 4), ('Other', 5);

      ALTER TABLE contacts ADD COLUMN lead_source TEXT COLLATE NOCASE;
      ALTER TABLE contacts ADD COLUMN utm_source TEXT COLLATE NOCASE;
      ALTER TABLE contacts ADD COLUMN utm_medium TEXT COLLATE NOCASE;
      ALTER TABLE contacts ADD COLUMN utm_campaign TEXT COLLATE NOCASE;
      ALTER TABLE contacts ADD COLUMN consent TEXT NOT NULL DEFAULT 'not_asked'
        CHECK (consent IN ('subscribed', 'not_asked', 'unsubscribed', 'do_not_contact'));
      ALTER TABLE contacts ADD COLUMN consent_changed_at TEXT;
      ALTER TABLE contacts ADD COLUMN consent_source TEXT
        CHECK (consent_source IS NULL OR consent_source IN ('form', 'email', 'phone', 'import', 'by_hand'));
      CREATE INDEX contacts_by_lead_source ON contacts (lead_source IS NULL, lead_source, id) WHERE deleted_at IS NULL;
      CREATE INDEX contacts_by_consent     ON contacts (consent, id) WHERE deleted_at IS NULL;

      ALTER TABLE companies ADD COLUMN lead_source TEXT COLLATE NOCASE;
      ALTER TABLE companies ADD COLUMN utm_source TEXT COLLATE NOCASE;
      ALTER TABLE companies ADD COLUMN utm_medium TEXT COLLATE NOCASE;
      ALTER TABLE companies ADD COLUMN utm_campaign TEXT COLLATE NOCASE;
      CREATE INDEX companies_by_lead_source ON companies (lead_source IS NULL, lead_source, id) WHERE deleted_at IS NULL;

      CREATE TABLE segments (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        definition TEXT NOT NULL CHECK (json_valid(definition) AND json_type(definition) = 'object'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE templates (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        subject    TEXT NOT NULL DEFAULT '',
        body       TEXT NOT NULL DEFAULT '',
        format     TEXT NOT NULL DEFAULT 'text' CHECK (format IN ('text', 'formatted')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE campaigns (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
        goal         TEXT,
        channel      TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'event', 'letter')),
        starts_on    TEXT CHECK (starts_on IS NULL OR starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        ends_on      TEXT CHECK (ends_on IS NULL OR ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        owner        TEXT COLLATE NOCASE,
        budget_minor INTEGER CHECK (budget_minor IS NULL OR (typeof(budget_minor) = 'integer' AND budget_minor >= 0)),
        currency     TEXT NOT NULL CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
        segment_id   INTEGER REFERENCES segments (id) ON DELETE SET NULL,
        template_id  INTEGER REFERENCES templates (id) ON DELETE SET NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX campaigns_by_created ON campaigns (created_at, id);

      CREATE TABLE campaign_members (
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        status      TEXT NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'sent', 'opened', 'replied', 'converted', 'bounced', 'unsubscribed')),
        status_at   TEXT NOT NULL,
        added_at    TEXT NOT NULL,
        PRIMARY KEY (campaign_id, contact_id)
      ) WITHOUT ROWID;
      CREATE INDEX campaign_members_by_contact ON campaign_members (contact_id, campaign_id);
      CREATE INDEX campaign_members_by_status  ON campaign_members (campaign_id, status, contact_id);

      CREATE TABLE campaign_member_events (
        id          INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        old_status  TEXT,
        new_status  TEXT NOT NULL,
        how         TEXT NOT NULL CHECK (how IN ('added', 'by_hand', 'bulk', 'report', 'sending')),
        at          TEXT NOT NULL
      );
      CREATE INDEX campaign_member_events_by_contact ON campaign_member_events (contact_id, at, id);

      CREATE TABLE outbox (
        id            INTEGER PRIMARY KEY,
        campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        to_address    TEXT NOT NULL,
        subject       TEXT NOT NULL,
        text_body     TEXT NOT NULL,
        html_body     TEXT,
        message_id    TEXT NOT NULL UNIQUE,
        state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped', 'uncertain')),
        server_answer TEXT,
        queued_at     TEXT NOT NULL,
        attempted_at  TEXT,
        finished_at   TEXT,
        UNIQUE (campaign_id, contact_id)
      );
      CREATE INDEX outbox_by_state ON outbox (state, id);
    `);
  },
};
