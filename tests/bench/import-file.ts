import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { SeedContact } from './seed';
import { seededRandom } from './random';

/**
 * Every tenth row repeats an existing contact's email: the import's duplicate check has real work (those are
 * skipped). Every other row is a new person, with an email and phone of its own (matching compares a phone's
 * last 9 digits, so the row number fills them).
 */
const repeatEvery = 10;

/**
 * A CSV as an office exports it from a spreadsheet: a header row, first and
 * last name apart, one person per row; new people, with some already in
 * Rolodesk. Written in chunks, so a large file never sits in memory whole.
 */
export function writeImportCsv(file: string, rows: number, existing: readonly SeedContact[], seed: number): void {
  const random = seededRandom(seed);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, stringify([['First Name', 'Last Name', 'Email', 'Phone', 'Company', 'Notes']]));
    const chunk: string[][] = [];
    for (let row = 0; row < rows; row++) {
      const known = row % repeatEvery === 0 ? random.pick(existing) : undefined;
      const [first = 'Ana', ...rest] = (known?.name ?? random.pick(existing)!.name).split(' ');
      const email = known?.email || `${first.toLowerCase()}.${row}@import.example.com`;
      chunk.push([first, rest.join(' ') || 'Import', email, `+44 20 ${String(row).padStart(8, '0')}`, known?.company ?? '', row % 3 === 0 ? `Imported from the old list, row ${row}.` : '']);
      if (chunk.length === 5000) writeSync(fd, stringify(chunk.splice(0)));
    }
    if (chunk.length > 0) writeSync(fd, stringify(chunk));
  } finally {
    closeSync(fd);
  }
}
