import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from '../db/open';

const versionOf = (db: Db) => z.string().parse(db.prepare('SELECT sqlite_version()').pluck().get());

/** SQLite's version as the app's database connection reports it; a throwaway in-memory one when none is open. */
export function sqliteVersionOf(db: Db | undefined): string {
  if (db) return versionOf(db);
  const memory = new Database(':memory:');
  try {
    return versionOf(memory);
  } finally {
    memory.close();
  }
}
