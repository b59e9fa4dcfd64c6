import { sortKey } from '../../records/sort-key';
import type { Migration } from '../migration';

/** ASCII that is neither a letter nor a digit: what `ltrim` strips to reach a name's first word or first non-ASCII character. */
const asciiSeparators = `' !"#$%&''()*+,-./:;<=>?@[\\]^_\`{|}~' || char(9, 10, 13)`;
/** True for text whose first word may follow a non-ASCII character: only there could the new key differ. */
const mayHaveMoved = (column: string) => `unicode(ltrim(${column}, ${asciiSeparators})) > 127`;

/**
 * A name is now filed from its first word as the search index reads it
 * (records/sort-key.ts): "™ James" under J, not T; a stray accent or a
 * character the index does not know before the name no longer counts.
 * Keys are refiled for the names that begin with a non-ASCII character,
 * the only ones whose key can change (about 3% of 1,000,000 contacts; an
 * index of live names is read rather than the table where it can be).
 */
export const sortKeysByFirstWordMigration: Migration = {
  version: 22,
  name: 'sort-keys-by-first-word',
  up(db) {
    const refile = (table: string, column: string, keyColumn: string) => {
      const update = db.prepare<[string, number]>(`UPDATE ${table} SET ${keyColumn} = ? WHERE id = ?`);
      const rows = db
        .prepare<[], { id: number; text: string; key: string | null }>(
          `SELECT id, ${column} AS text, ${keyColumn} AS key FROM ${table} WHERE ${column} IS NOT NULL AND ${mayHaveMoved(column)}`,
        )
        .all();
      for (const row of rows) {
        const key = sortKey(row.text);
        if (key !== row.key) update.run(key, row.id);
      }
    };
    refile('contacts', 'name', 'name_sort');
    refile('contacts', 'company', 'company_sort');
    refile('companies', 'name', 'name_sort');
  },
};
