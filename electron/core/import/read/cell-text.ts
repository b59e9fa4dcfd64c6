import { inspect } from 'node:util';
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * A date cell as ISO text: "YYYY-MM-DD", with " HH:MM" (and ":SS") when it
 * has a time. read-excel-file gives the serial number as a UTC date, whose
 * fraction of a day can land a millisecond short of the minute, so it is
 * rounded to the second first.
 */
export function isoDateText(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const [hours, minutes, seconds] = [rounded.getUTCHours(), rounded.getUTCMinutes(), rounded.getUTCSeconds()];
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  return `${day} ${pad(hours)}:${pad(minutes)}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
}

/**
 * A number cell as plain text, as Excel shows it: whole numbers exactly
 * (a phone number stored as a number keeps every digit), fractions to
 * Excel's 15 significant digits, so 0.1+0.2 stored as 0.30000000000000004
 * reads "0.3", then the shortest form that round-trips.
 */
export function plainNumberText(stored: string): string {
  const value = Number(stored);
  if (!Number.isFinite(value)) return stored;
  if (Number.isSafeInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** One workbook cell as text; read with numbers left as the file's own digits (`parseNumber` returning the string). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDateText(value);
  if (typeof value === 'number') return plainNumberText(String(value));
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  // read-excel-file gives no other kind of value; should a later version, the cell shows what it holds.
  return inspect(value);
}
