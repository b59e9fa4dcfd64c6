import { stringify } from 'csv-stringify/sync';
import { open, rename, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/open';
import { parseStoredJson } from '../db/stored-json';
import { CrmError } from '../errors';

const StoredTexts = z.array(z.string());
const damagedRejects = () =>
  new CrmError(
    'NOT_FOUND',
    'What Rolodesk kept about the rows this import skipped is damaged, so they cannot be saved.',
  );

const pageSize = 1000;

/**
 * The rows an import rejected, as they were in the file, with a "Problem"
 * column saying why: a CSV (UTF-8 with a byte-order mark, so Excel shows
 * accents) the user can fix and import again. Written beside the chosen
 * name and renamed into place, a page of rows at a time.
 */
export async function writeRejectedCsv(
  db: Db,
  runId: number,
  headers: readonly string[],
  destination: string,
): Promise<number> {
  const page = db.prepare<[number, number], { line: number; cells: string; reasons: string }>(
    'SELECT line, cells, reasons FROM import_rejected WHERE import_id = ? AND line > ? ORDER BY line LIMIT ' + pageSize,
  );
  const partial = `${destination}.part`;
  const file = await open(partial, 'w');
  let written = 0;
  try {
    await file.write('\ufeff' + stringify([[...headers, 'Problem']], { record_delimiter: 'windows' }));
    let after = 0;
    for (;;) {
      const rows = page.all(runId, after);
      if (rows.length === 0) break;
      const records = rows.map((row) => {
        const cells = parseStoredJson(StoredTexts, row.cells, damagedRejects);
        const padded = headers.map((_, column) => cells[column] ?? '');
        return [...padded, `Line ${row.line}: ${parseStoredJson(StoredTexts, row.reasons, damagedRejects).join(' ')}`];
      });
      await file.write(stringify(records, { record_delimiter: 'windows' }));
      written += rows.length;
      after = rows[rows.length - 1]!.line;
    }
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  await file.close();
  await rename(partial, destination);
  return written;
}
