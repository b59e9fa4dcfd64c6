import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { SeedContact } from './seed';
import { seededRandom } from './random';

/**
 * Every tenth row repeats a record Rolodesk has already: the import's duplicate check has real work (those are
 * skipped). Every other row is a new record with keys of its own (matching compares a phone's last 9 digits, so
 * the row number fills them).
 */
const repeatEvery = 10;

/** A header row, then `rows` rows as `rowAt` gives them, written in chunks: a large file never sits in memory whole. */
function writeCsv(file: string, header: readonly string[], rows: number, rowAt: (row: number) => string[]): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, stringify([header]));
    const chunk: string[][] = [];
    for (let row = 0; row < rows; row++) {
      chunk.push(rowAt(row));
      if (chunk.length === 5000) writeSync(fd, stringify(chunk.splice(0)));
    }
    if (chunk.length > 0) writeSync(fd, stringify(chunk));
  } finally {
    closeSync(fd);
  }
}

/**
 * A CSV as an office exports it from a spreadsheet: a header row, first and
 * last name apart, one person per row; new people, with some already in
 * Rolodesk (by email).
 */
export function writeImportCsv(file: string, rows: number, existing: readonly SeedContact[], seed: number): void {
  const random = seededRandom(seed);
  writeCsv(file, ['First Name', 'Last Name', 'Email', 'Phone', 'Company', 'Notes'], rows, (row) => {
    const known = row % repeatEvery === 0 ? random.pick(existing) : undefined;
    const [first = 'Ana', ...rest] = (known?.name ?? random.pick(existing).name).split(' ');
    const email = known?.email || `${first.toLowerCase()}.${row}@import.example.com`;
    return [
      first,
      rest.join(' ') || 'Import',
      email,
      `+44 20 ${String(row).padStart(8, '0')}`,
      known?.company ?? '',
      row % 3 === 0 ? `Imported from the old list, row ${row}.` : '',
    ];
  });
}

const industries = ['Consulting', 'Logistics', 'Health', 'Software', 'Retail', 'Education'];

/** A company list as an office exports it: one company per row; new companies, with some already in Rolodesk (by name). */
export function writeCompanyImportCsv(
  file: string,
  rows: number,
  existing: readonly SeedContact[],
  seed: number,
): void {
  const random = seededRandom(seed);
  const known = existing.map((contact) => contact.company).filter((name) => name !== '');
  writeCsv(file, ['Name', 'Website', 'Phone', 'Industry', 'Address', 'Notes'], rows, (row) => {
    const repeat = row % repeatEvery === 0 && known.length > 0;
    const name = repeat ? random.pick(known) : `Import Trading ${row} ${random.pick(['Ltd', 'GmbH', 'AB', 'Inc.'])}`;
    const website = repeat ? '' : `trading${row}.example.com`;
    const address = `${random.int(1, 200)} High Street, Leeds`;
    return [
      name,
      website,
      `+44 113 ${String(row).padStart(8, '0')}`,
      random.pick(industries),
      address,
      row % 3 === 0 ? `From the old supplier list, row ${row}.` : '',
    ];
  });
}
