import { maxValueMinor } from '../../../../shared/schemas/deal';

// Amounts travel as whole minor units (cents) so sums stay exact; only the screen shows decimals.

/** Common ISO 4217 codes for the currency select, the schema's default first. */
export const commonCurrencies = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'NZD', 'JPY', 'CNY', 'INR', 'ZAR'] as const;

export const defaultCurrency = 'EUR';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      // A code Intl does not know still shows, as a plain number with the code after it.
      formatter = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** How many decimals the currency has: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "€5,000.00", "¥120,000". */
export function formatMoney(valueMinor: number, currency: string): string {
  const formatter = formatterFor(currency);
  const text = formatter.format(valueMinor / 10 ** minorDigits(currency));
  return formatter.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

const decimalSeparator = new Intl.NumberFormat(undefined).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

/** The amount as the value field shows it for editing: "5000.00" (no grouping, the locale's decimal mark). */
export function amountText(valueMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = Math.floor(valueMinor / 10 ** digits);
  if (digits === 0) return String(major);
  const minor = String(valueMinor % 10 ** digits).padStart(digits, '0');
  return `${major}${decimalSeparator}${minor}`;
}

export type AmountParse = { ok: true; valueMinor: number } | { ok: false; message: string };

const maxMajorDigits = String(maxValueMinor).length;

/** Splits "1,234.50" / "1.234,50" / "1234,5" into whole and fraction digits, or null when the marks do not make a number. */
function splitNumber(text: string): { whole: string; fraction: string } | null {
  if (/^\d+$/.test(text)) return { whole: text, fraction: '' };
  const marks = [...text.matchAll(/[.,]/g)].map((match) => match[0]);
  if (!/^\d[\d.,]*\d$|^\d+[.,]$|^[.,]\d+$/.test(text) || marks.length === 0) return null;
  const last = marks[marks.length - 1]!;
  const lastAt = text.lastIndexOf(last);
  const digitsAfter = text.length - lastAt - 1;
  // The last mark is the decimal one if the other mark comes before it, or if it appears once and is not
  // followed by exactly three digits, or if it is the locale's decimal mark. Otherwise it only groups thousands.
  const usesBoth = new Set(marks).size === 2;
  const once = marks.filter((mark) => mark === last).length === 1;
  const isDecimal = usesBoth || (once && (digitsAfter !== 3 || last === decimalSeparator));
  const wholePart = isDecimal ? text.slice(0, lastAt) : text;
  const fraction = isDecimal ? text.slice(lastAt + 1) : '';
  if (/[.,]/.test(fraction)) return null;
  const groups = wholePart.split(/[.,]/);
  if (groups.length > 1) {
    const grouping = wholePart.match(/[.,]/)![0];
    const consistent = [...wholePart.matchAll(/[.,]/g)].every((match) => match[0] === grouping);
    const wellGrouped = groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((group) => group.length === 3);
    if (!consistent || !wellGrouped) return null;
  }
  return { whole: groups.join('') || '0', fraction };
}

/**
 * Reads what the user typed as a value in `currency`: "1250", "1,250.50", "1.250,50", "1 250,5".
 * Blank is 0. Anything else (letters, "12,3,4", a minus sign, too many decimals, too large) gets a
 * message that says what to type instead.
 */
export function parseAmount(input: string, currency: string): AmountParse {
  const text = input.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return { ok: true, valueMinor: 0 };
  if (/^[-−]/.test(text)) return { ok: false, message: 'The value cannot be negative.' };
  const parts = splitNumber(text);
  if (!parts) return { ok: false, message: 'Enter an amount in digits, for example 1250.50.' };
  const digits = minorDigits(currency);
  if (parts.fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} amounts have no decimals.` : `${currency} amounts have at most ${digits} decimals.` };
  }
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  const tooLarge = { ok: false, message: `The value is too large (at most ${formatMoney(maxValueMinor, currency)}).` } as const;
  if (whole.length > maxMajorDigits) return tooLarge;
  const valueMinor = Number(whole) * 10 ** digits + Number(parts.fraction.padEnd(digits, '0') || '0');
  return valueMinor > maxValueMinor ? tooLarge : { ok: true, valueMinor };
}
