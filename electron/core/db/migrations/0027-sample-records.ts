import type { Migration } from '../migration';

/**
 * Marks the records "Explore with sample data" added, so one click removes
 * exactly them. A table of its own rather than a column: the record tables,
 * their indexes and every query on them stay as they are, and tags are marked
 * the same way. A record deleted by any other path takes its mark with it
 * (the triggers), so a reused id never makes a real record look like sample.
 */
export const sampleRecordsMigration: Migration = {
  version: 27,
  name: 'sample-records',
  up(db) {
    const kinds: Array<[kind: string, table: string]> = [
      ['contact', 'contacts'],
      ['company', 'companies'],
      ['deal', 'deals'],
      ['activity', 'activities'],
      ['tag', 'tags'],
    ];
    db.exec(`
      CREATE TABLE sample_records (
        kind TEXT NOT NULL CHECK (kind IN (${kinds.map(([kind]) => `'${kind}'`).join(', ')})),
        id   INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
      ${kinds
        .map(
          ([kind, table]) => `CREATE TRIGGER sample_records_${table}_delete AFTER DELETE ON ${table} BEGIN
        DELETE FROM sample_records WHERE kind = '${kind}' AND id = old.id;
      END;`,
        )
        .join('\n')}
    `);
  },
};
