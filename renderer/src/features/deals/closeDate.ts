import { dayFromText, startOfDay } from '../../../../shared/days';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "12 Dec 2026". A calendar day read as a local day: as a Date() it would be UTC midnight, the day before in the Americas. */
export function formatCloseDate(iso: string): string {
  const day = dayFromText(iso);
  return day ? dayFormat.format(day) : iso;
}

/** An open deal whose expected close day has passed: worth a second look. */
export function isOverdue(iso: string, now = new Date()): boolean {
  const day = dayFromText(iso);
  return day !== null && day < startOfDay(now);
}
