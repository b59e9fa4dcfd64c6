import type { Migration } from '../migration';

/** Changes to these tables belong to the record they point at (a tag on it, a custom value of it). */
const partsOf = [
  ['contacts', 'contact_tags', 'contact_id'],
  ['contacts', 'contact_custom_values', 'contact_id'],
  ['companies', 'company_tags', 'company_id'],
  ['companies', 'company_custom_values', 'company_id'],
  ['deals', 'deal_tags', 'deal_id'],
  ['deals', 'deal_custom_values', 'deal_id'],
] as const;

/**
 * Every contact, company, deal and activity carries a version that any change to it raises, so an
 * update can say which version it started from and a stale one is refused instead of overwriting
 * newer data. Triggers raise it, so no write path (bulk edits, moves, merges, the trash, restores)
 * can forget to. An activity's reminder mark is bookkeeping, not a change to it.
 */
export const recordVersionsMigration: Migration = {
  version: 17,
  name: 'record versions',
  up(db) {
    const sql: string[] = [];
    for (const table of ['contacts', 'companies', 'deals', 'activities']) {
      sql.push(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1;`);
    }
    for (const table of ['contacts', 'companies', 'deals']) {
      sql.push(`CREATE TRIGGER ${table}_version AFTER UPDATE ON ${table} WHEN new.version = old.version BEGIN
        UPDATE ${table} SET version = old.version + 1 WHERE id = new.id;
      END;`);
    }
    sql.push(`CREATE TRIGGER activities_version
      AFTER UPDATE OF kind, subject, body, occurred_at, due_at, done_at, contact_id, company_id, deal_id, updated_at, deleted_at, trash_id ON activities
      WHEN new.version = old.version BEGIN
        UPDATE activities SET version = old.version + 1 WHERE id = new.id;
      END;`);
    for (const [owner, table, column] of partsOf) {
      for (const [event, row] of [
        ['INSERT', 'new'],
        ['UPDATE', 'new'],
        ['DELETE', 'old'],
      ] as const) {
        sql.push(`CREATE TRIGGER ${table}_${event.toLowerCase()}_version AFTER ${event} ON ${table} BEGIN
          UPDATE ${owner} SET version = version + 1 WHERE id = ${row}.${column};
        END;`);
      }
    }
    db.exec(sql.join('\n'));
  },
};
