/**
 * Numbers as people type them, kept exactly or refused. A JavaScript number
 * (an IEEE double) holds every whole number up to 9,007,199,254,740,991 and
 * about 15 significant digits; past that "12345678901234567890" quietly
 * becomes 12345678901234567000. Every typed number is read here, and the
 * core refuses what no typing could have meant.
 */

export const largestExactInteger = Number.MAX_SAFE_INTEGER;

/** A number the core can store as it was meant: finite, and not past the whole numbers a double holds exactly. */
export const isStorableNumber = (value: number): boolean =>
  Number.isFinite(value) && Math.abs(value) <= largestExactInteger;

export const tooLargeToStore = (label: string): string =>
  `${label} is too large to store exactly (at most ${largestExactInteger.toLocaleString('en')}).`;
export const tooPreciseToStore = (label: string): string =>
  `${label} has more digits than can be stored exactly (at most 15 significant digits).`;
export const notANumber = (label: string): string =>
  `${label} must be a number. Type it in digits, for example 12 or 3.5.`;

/** A typed decimal as its significant digits (no leading or trailing zeros) and where its point sits: "12.50" is { digits: '125', exponent: 2 }. */
export interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

const plainNumber = /^([-+]?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i;

/** "1234.5", "-3", "1e3", ".5", digits grouped by spaces: exactly as typed, or null when it is no plain number. */
export function readDecimal(typed: string): Decimal | null {
  const match = plainNumber.exec(typed.replace(/[\s_\u00a0\u202f]/g, ''));
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const whole = match[2]!;
  const all = whole + (match[3] ?? '');
  const unpadded = all.replace(/^0+/, '');
  const digits = unpadded.replace(/0+$/, '');
  if (digits === '') return { negative: false, digits: '', exponent: 0 };
  return {
    negative: match[1] === '-',
    digits,
    exponent: whole.length - (all.length - unpadded.length) + Number(match[4] ?? 0),
  };
}

const sameDecimal = (a: Decimal, b: Decimal) =>
  a.negative === b.negative && a.digits === b.digits && a.exponent === b.exponent;

/**
 * The decimal counted in units of 10^-places (cents for places = 2), exactly:
 * 'fraction' when it has digits past `places`, 'tooLarge' past a safe integer.
 */
export function toUnits(decimal: Decimal, places: number): number | 'fraction' | 'tooLarge' {
  if (decimal.digits === '') return 0;
  const zeros = decimal.exponent - decimal.digits.length + places;
  if (zeros < 0) return 'fraction';
  if (decimal.digits.length + zeros > 16) return 'tooLarge';
  const units = Number(decimal.digits + '0'.repeat(zeros));
  if (!Number.isSafeInteger(units)) return 'tooLarge';
  return decimal.negative ? -units : units;
}

export type NumberReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * What the user typed as an exact number, or why not in words naming
 * `label`: text that is no number, whole numbers past 9,007,199,254,740,991,
 * and decimals with more digits than a double keeps (they would read back changed).
 */
export function readExactNumber(typed: string, label: string): NumberReading {
  const decimal = readDecimal(typed);
  if (!decimal) return { ok: false, message: notANumber(label) };
  const value = Number(`${decimal.negative ? '-' : ''}0.${decimal.digits || '0'}e${decimal.exponent}`);
  if (!isStorableNumber(value)) return { ok: false, message: tooLargeToStore(label) };
  // A double reads back as the shortest decimal that identifies it; any other digits were lost on the way in.
  if (sameDecimal(readDecimal(String(value))!, decimal)) return { ok: true, value };
  return {
    ok: false,
    message: Number.isInteger(value) && Math.abs(value) >= 1e15 ? tooLargeToStore(label) : tooPreciseToStore(label),
  };
}
