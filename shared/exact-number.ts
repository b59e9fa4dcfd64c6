/**
 * Numbers as people type them, kept exactly or refused. A JavaScript number
 * (an IEEE double) holds every whole number up to 9,007,199,254,740,991 and
 * about 15 significant digits; past that "12345678901234567890" quietly
 * becomes 12345678901234567000. Everything that reads a typed number goes
 * through here, and the core refuses what no typing could have meant.
 */

export const largestExactInteger = Number.MAX_SAFE_INTEGER;

/** A number the core can store as it was meant: finite, and not past the whole numbers a double holds exactly. */
export const isStorableNumber = (value: number): boolean => Number.isFinite(value) && Math.abs(value) <= largestExactInteger;

export const tooLargeToStore = (label: string): string => `${label} is too large to store exactly (at most ${largestExactInteger.toLocaleString('en')}).`;
export const tooPreciseToStore = (label: string): string => `${label} has more digits than can be stored exactly (at most 15 significant digits).`;

/** A typed decimal as its significant digits (no leading or trailing zeros) and where its point sits: 1.25e3 is { digits: '125', exponent: 4 }. */
interface Significant {
  negative: boolean;
  digits: string;
  exponent: number;
}

const plainNumber = /^([-+]?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i;

function significantOf(text: string): Significant | null {
  const match = plainNumber.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const whole = match[2]!;
  const fraction = match[3] ?? '';
  const all = whole + fraction;
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.replace(/^0+/, '').replace(/0+$/, '');
  const exponent = whole.length - leading + Number(match[4] ?? 0);
  return { negative: match[1] === '-' && digits !== '', digits, exponent: digits === '' ? 0 : exponent };
}

export type NumberReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * What the user typed as an exact number: "1234.5", "-3", "1e3", digits
 * grouped by spaces ("1 000 000"). Refused, in words naming `label`: text
 * that is no number, whole numbers past 9,007,199,254,740,991, and decimals
 * with more digits than a double keeps (they would read back changed).
 */
export function readExactNumber(typed: string, label: string): NumberReading {
  const text = typed.replace(/[\s_\u00a0\u202f]/g, '');
  const typedDigits = significantOf(text);
  if (!typedDigits) return { ok: false, message: `${label} must be a number (for example 12 or 3.5).` };
  const value = Number(text);
  if (!isStorableNumber(value)) return { ok: false, message: tooLargeToStore(label) };
  // The double reads back as the shortest decimal that identifies it; any other digits were lost on the way.
  const stored = significantOf(String(value))!;
  const same = stored.digits === typedDigits.digits && stored.exponent === typedDigits.exponent;
  return same ? { ok: true, value: Object.is(value, -0) ? 0 : value } : { ok: false, message: Number.isInteger(value) && Math.abs(value) >= 1e15 ? tooLargeToStore(label) : tooPreciseToStore(label) };
}
