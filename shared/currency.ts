/**
 * What a currency's amounts look like, from Intl (CLDR): how many decimals
 * (the minor-unit exponent) and how an amount reads. Core and window both
 * use these, so a deal's worth means the same on both sides.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}/${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // A code Intl does not know still shows, as a plain number with the code after it.
      formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many decimals the currency has: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return formatterFor(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

/** "€5,000.00", "¥120,000"; `locale` undefined is the user's own. */
export function formatMinor(valueMinor: number, currency: string, locale?: string): string {
  const formatter = formatterFor(currency, locale);
  const text = formatter.format(valueMinor / 10 ** minorDigits(currency));
  return formatter.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/** "no decimals", "2 decimals". */
export function decimalsWords(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? 'no decimals' : digits === 1 ? '1 decimal' : `${digits} decimals`;
}

export type Conversion = { ok: true; valueMinor: number } | { ok: false; reason: 'inexact' | 'tooLarge' };

/**
 * The same amount in another currency's minor units: 500000 (€5,000.00) is
 * 5000 in JPY (¥5,000), and back. Inexact when the amount has decimals the
 * new currency lacks (€5,000.50 has no yen form); tooLarge past `max`.
 */
export function convertMinor(valueMinor: number, from: string, to: string, max: number): Conversion {
  const shift = minorDigits(to) - minorDigits(from);
  if (shift < 0 && valueMinor % 10 ** -shift !== 0) return { ok: false, reason: 'inexact' };
  const converted = shift >= 0 ? valueMinor * 10 ** shift : valueMinor / 10 ** -shift;
  return converted > max || !Number.isSafeInteger(converted)
    ? { ok: false, reason: 'tooLarge' }
    : { ok: true, valueMinor: converted };
}
