import type { Db } from '../../electron/core/db/open';

// Connection settings that change speed. Read from the app's own connection,
// not written down here, so the shell keeps matching it: the Debian shell's
// build defaults differ (cache_size -2000 vs better-sqlite3's -16000,
// secure_delete on vs off).
const mirrored = [
  'journal_mode',
  'synchronous',
  'foreign_keys',
  'cache_size',
  'secure_delete',
  'temp_store',
  'mmap_size',
] as const;

/** PRAGMA lines that set up a shell connection the way Rolodesk sets up its own. */
export function shellSetupLike(db: Db): string[] {
  return mirrored.map((name) => `PRAGMA ${name} = ${String(db.pragma(name, { simple: true }))};`);
}
