import type { Migration } from '../migration';

/**
 * Custom fields per kind of record (text, number, date, choice), and one
 * value table per kind with real foreign keys. A value column has no type
 * affinity, so text stays text ("007") and numbers stay numbers.
 */
export const customFieldsMigration: Migration = {
  version: 11,
  name: 'custom-fields',
  up(db) {
    db.exec(`
      CREATE TABLE custom_fields (
        id          INTEGER PRIMARY KEY,
        record_kind TEXT NOT NULL CHECK (record_kind IN ('contact', 'company', 'deal')),
        label       TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(label)) > 0),
        type        TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
        choices     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices) AND json_type(choices) = 'array'),
        position    INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (record_kind, label)
      );
      CREATE TABLE contact_custom_values (
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        field_id   INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
        value      NOT NULL,
        PRIMARY KEY (contact_id, field_id)
      ) WITHOUT ROWID;
      CREATE INDEX contact_custom_values_by_field ON contact_custom_values (field_id, value, contact_id);
      CREATE TABLE company_custom_values (
        company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        field_id   INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
        value      NOT NULL,
        PRIMARY KEY (company_id, field_id)
      ) WITHOUT ROWID;
      CREATE INDEX company_custom_values_by_field ON company_custom_values (field_id, value, company_id);
      CREATE TABLE deal_custom_values (
        deal_id  INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,
        field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
        value    NOT NULL,
        PRIMARY KEY (deal_id, field_id)
      ) WITHOUT ROWID;
      CREATE INDEX deal_custom_values_by_field ON deal_custom_values (field_id, value, deal_id);
    `);
  },
};
