import { convertMinor, decimalsWords, formatMinor, minorDigits } from '../../../shared/currency';
import { readDecimal, toUnits } from '../../../shared/exact-number';
import { maxValueMinor } from '../../../shared/schemas/deal';

// Amounts travel as whole minor units (cents) so sums stay exact; only the screen shows decimals.

/** Common ISO 4217 codes for the currency select, the schema's default first. */
export const commonCurrencies = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CNY',
  'INR',
  'ZAR',
] as const;

export const defaultCurrency = 'EUR';

export { minorDigits };

/** "€5,000.00", "¥120,000", in the user's own locale. */
export const formatMoney = (valueMinor: number, currency: string): string => formatMinor(valueMinor, currency);

const decimalSeparator =
  new Intl.NumberFormat(undefined).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

/** The amount as the value field shows it for editing: "5000.00" (no grouping, the locale's decimal mark). */
export function amountText(valueMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const major = Math.floor(valueMinor / 10 ** digits);
  if (digits === 0) return String(major);
  const minor = String(valueMinor % 10 ** digits).padStart(digits, '0');
  return `${major}${decimalSeparator}${minor}`;
}

export type AmountParse = { ok: true; valueMinor: number } | { ok: false; message: string };

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
    const wellGrouped =
      groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((group) => group.length === 3);
    if (!consistent || !wellGrouped) return null;
  }
  return { whole: groups.join('') || '0', fraction };
}

/**
 * Reads what the user typed as a value in `currency`: "1250", "1,250.50", "1.250,50", "1 250,5".
 * Blank is 0. The amount is read exactly (shared/exact-number.ts) into whole minor units;
 * anything else (letters, "12,3,4", a minus sign, too many decimals, too large) gets a
 * message that says what to type instead.
 */
export function parseAmount(input: string, currency: string): AmountParse {
  const text = input.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return { ok: true, valueMinor: 0 };
  if (/^[-−]/.test(text)) return { ok: false, message: 'The value cannot be negative.' };
  const parts = splitNumber(text);
  const decimal = parts && readDecimal(`${parts.whole}.${parts.fraction}`);
  if (!decimal) return { ok: false, message: 'Enter an amount in digits, for example 1250.50.' };
  const valueMinor = toUnits(decimal, minorDigits(currency));
  if (valueMinor === 'fraction') {
    const digits = minorDigits(currency);
    return {
      ok: false,
      message:
        digits === 0
          ? `${currency} amounts have no decimals.`
          : `${currency} amounts have at most ${decimalsWords(currency)}.`,
    };
  }
  if (valueMinor === 'tooLarge' || valueMinor > maxValueMinor)
    return { ok: false, message: `The value is too large (at most ${formatMoney(maxValueMinor, currency)}).` };
  return { ok: true, valueMinor };
}

/**
 * The value field after a currency change: the same amount in the new
 * currency ("5000.00" in EUR is "5000" in JPY), never the same minor units
 * reread; or the text as it was, with why it has no exact amount there.
 */
export function amountInCurrency(amount: string, from: string, to: string): { amount: string; problem?: string } {
  const read = parseAmount(amount, from);
  if (!read.ok || amount.trim() === '') return { amount };
  const converted = convertMinor(read.valueMinor, from, to, maxValueMinor);
  if (converted.ok) return { amount: amountText(converted.valueMinor, to) };
  const worth = formatMoney(read.valueMinor, from);
  return {
    amount,
    problem:
      converted.reason === 'inexact'
        ? `${worth} has no exact amount in ${to} (${to} has ${decimalsWords(to)}).`
        : `${worth} is more than a deal can hold in ${to}.`,
  };
}
