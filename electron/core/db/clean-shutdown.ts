import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { syncFolder, writeFileDurably } from '../durable-files';

/**
 * A mark written beside the database once it is closed cleanly (checkpointed
 * and closed by the app), naming the file as it was left: its size, change
 * time and file id. The next start takes it away before anything is written;
 * a start that finds none (a crash, a kill, a power cut) or a file changed
 * since (copied in, swapped, edited by another program) checks the database
 * before using it.
 */
const Mark = z.strictObject({ size: z.int().min(0), modifiedMs: z.int(), fileId: z.number() });
type Mark = z.infer<typeof Mark>;

/** Where the mark for a database file is kept (beside it). */
export const cleanCloseMarkFile = (databaseFile: string) =>
  join(dirname(databaseFile), `${basename(databaseFile)}-closed-cleanly.json`);

function markOf(databaseFile: string): Mark {
  const stat = statSync(databaseFile);
  // Whole milliseconds: the precision every file system and copy tool keeps.
  return { size: stat.size, modifiedMs: Math.floor(stat.mtimeMs), fileId: stat.ino };
}

/** After the database is closed: says it was closed cleanly, as it is now. */
export async function markClosedCleanly(databaseFile: string): Promise<void> {
  await writeFileDurably(cleanCloseMarkFile(databaseFile), JSON.stringify(markOf(databaseFile)));
}

/**
 * Before the database is opened: whether it was last closed cleanly and is
 * unchanged since. The mark is removed (durably) either way, so a crash from
 * here on leaves no mark behind.
 */
export function takeCleanCloseMark(databaseFile: string): boolean {
  const path = cleanCloseMarkFile(databaseFile);
  if (!existsSync(path)) return false;
  let clean = false;
  try {
    const mark = Mark.parse(JSON.parse(readFileSync(path, 'utf8')));
    const now = markOf(databaseFile);
    clean = mark.size === now.size && mark.modifiedMs === now.modifiedMs && mark.fileId === now.fileId;
  } catch {
    // An unreadable mark, or no database beside it: not clean.
  }
  rmSync(path, { force: true });
  syncFolder(dirname(path));
  return clean;
}
