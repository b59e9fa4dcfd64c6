import Database from 'better-sqlite3';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';

/**
 * Flips bytes in the pages of one table, as a failing disk does, and leaves
 * the file's size and change time as they were (a bad sector changes
 * neither): a clean close's mark still matches. Opening reads only the
 * schema, so only a check that reads every page meets the damage. Returns
 * how many pages were damaged.
 */
export function damageTablePages(file: string, table: string): number {
  const { atimeMs, mtimeMs } = statSync(file);
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const pages = probe
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'")
    .pluck()
    .all(table) as number[];
  probe.close();
  const bytes = readFileSync(file);
  for (const page of pages) {
    const start = (page - 1) * pageSize;
    for (let at = start + 8; at < start + pageSize; at += 97) bytes.writeUInt8(bytes.readUInt8(at) ^ 0xa5, at);
  }
  writeFileSync(file, bytes);
  // In seconds with their fraction (a Date would round to the millisecond).
  utimesSync(file, atimeMs / 1000, mtimeMs / 1000);
  return pages.length;
}
