import type { Migration } from '../migration';

/**
 * The pipeline: editable stages (each open, won or lost, in board order) and
 * deals with their value in minor units and an ISO currency code. A deal's
 * `position` orders the cards of its stage (fractions, so a move touches one row).
 */
export const dealsMigration: Migration = {
  version: 7,
  name: 'deals',
  up(db) {
    db.exec(`
      CREATE TABLE pipeline_stages (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        kind     TEXT NOT NULL CHECK (kind IN ('open', 'won', 'lost')),
        position INTEGER NOT NULL UNIQUE
      );
      INSERT INTO pipeline_stages (name, kind, position) VALUES
        ('Lead', 'open', 0), ('Qualified', 'open', 1), ('Proposal', 'open', 2),
        ('Negotiation', 'open', 3), ('Won', 'won', 4), ('Lost', 'lost', 5);

      CREATE TABLE deals (
        id             INTEGER PRIMARY KEY,
        title          TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(title)) > 0),
        company_id     INTEGER REFERENCES companies (id) ON DELETE SET NULL,
        contact_id     INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
        value_minor    INTEGER NOT NULL DEFAULT 0 CHECK (typeof(value_minor) = 'integer' AND value_minor >= 0),
        currency       TEXT NOT NULL CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
        stage_id       INTEGER NOT NULL REFERENCES pipeline_stages (id),
        position       REAL NOT NULL,
        expected_close TEXT CHECK (expected_close IS NULL OR expected_close GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        owner          TEXT COLLATE NOCASE,
        probability    INTEGER CHECK (probability IS NULL OR probability BETWEEN 0 AND 100),
        notes          TEXT,
        closed_at      TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT,
        trash_id       INTEGER REFERENCES trash (id),
        CHECK ((deleted_at IS NULL) = (trash_id IS NULL))
      );
      -- One index per sortable column, rows in the trash left out; (x IS NULL) first so blanks sort last.
      CREATE INDEX deals_by_title       ON deals (title, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_value       ON deals (value_minor, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_close       ON deals (expected_close IS NULL, expected_close, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_probability ON deals (probability IS NULL, probability, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_owner       ON deals (owner IS NULL, owner, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_updated     ON deals (updated_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_by_created     ON deals (created_at, id) WHERE deleted_at IS NULL;
      -- The board: cards of a stage in order, and per-stage totals read from the index alone.
      CREATE INDEX deals_by_stage       ON deals (stage_id, position, id) WHERE deleted_at IS NULL;
      CREATE INDEX deals_stage_totals   ON deals (stage_id, currency, value_minor) WHERE deleted_at IS NULL;
      -- Foreign keys: a stage's deals (trashed ones too), a company's, a contact's.
      CREATE INDEX deals_in_stage       ON deals (stage_id);
      CREATE INDEX deals_by_company     ON deals (company_id, updated_at) WHERE company_id IS NOT NULL;
      CREATE INDEX deals_by_contact     ON deals (contact_id, updated_at) WHERE contact_id IS NOT NULL;
      CREATE INDEX deals_in_trash       ON deals (trash_id); -- whole-table: also what a count(*) reads (see migration 5)
    `);
  },
};
