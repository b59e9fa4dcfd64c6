import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { recordCounts } from './database-checks';

describe('checks of a database from outside', () => {
  const tempDir = useTempDirs();

  it('counts a table whose name holds quotes and SQL as a name, never as SQL', () => {
    const db = new Database(join(tempDir(), 'crafted.db'));
    try {
      db.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY); INSERT INTO contacts VALUES (1), (2);`);
      const hostile = 'x" UNION SELECT 999 FROM contacts --';
      db.exec(
        `CREATE TABLE "${hostile.replaceAll('"', '""')}" (id INTEGER); INSERT INTO "${hostile.replaceAll('"', '""')}" VALUES (1), (2), (3);`,
      );
      expect(recordCounts(db)).toEqual({ contacts: 2, [hostile]: 3 });
    } finally {
      db.close();
    }
  });
});
