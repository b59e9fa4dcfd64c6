import { minorDigits } from '../../../../shared/currency';
import type { FunnelStep } from '../../../../shared/schemas/dashboard';

/** Words and numbers as the dashboard shows them, in the user's own locale. */

/** An amount in whole currency units, for a chart's bars (they need numbers, not cents). */
export const inUnits = (valueMinor: number, currency: string): number => valueMinor / 10 ** minorDigits(currency);

const compactFormats = new Map<string, Intl.NumberFormat>();
/** "€12K", "$1.2M": an axis tick. */
export function compactMoney(units: number, currency: string): string {
  let format = compactFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      });
    } catch {
      format = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactFormats.set(currency, format);
  }
  return format.format(units);
}

const counts = new Intl.NumberFormat(undefined);
export const countText = (count: number): string => counts.format(count);

const percents = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
export const percentText = (share: number): string => percents.format(share);

/** A local calendar day from "2026-12-07". */
function localDay(text: string): Date {
  const [year, month, day] = text.split('-').map(Number);
  return new Date(year!, (month ?? 1) - 1, day ?? 1);
}

const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short' });
const monthLong = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
/** "Dec" on an axis (the caption names the years), "December 2026" in a table. */
export const monthAxis = (month: string): string => monthShort.format(localDay(`${month}-01`));
export const monthName = (month: string): string => monthLong.format(localDay(`${month}-01`));

const dayShort = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayLong = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
/** "7 Dec": the Monday a week starts on. */
export const weekAxis = (startsOn: string): string => dayShort.format(localDay(startsOn));
export const dayName = (moment: Date): string => dayLong.format(moment);
export const weekName = (startsOn: string): string => dayLong.format(localDay(startsOn));

export const funnelStepLabels: Record<FunnelStep, string> = {
  members: 'In the campaign',
  sent: 'Sent',
  opened: 'Opened',
  replied: 'Replied',
  converted: 'Converted',
};

/** "1 deal", "3 deals". */
export const plural = (count: number, one: string, many: string): string =>
  `${countText(count)} ${count === 1 ? one : many}`;

/** Every other label on a crowded axis, counted from the end so the newest bar keeps its label. */
export const everyOtherFromEnd =
  (count: number) =>
  (label: string, index: number): string =>
    (count - 1 - index) % 2 === 0 ? label : '';
