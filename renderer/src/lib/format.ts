// Numbers and times in the user's own locale (undefined = the system's).

const wholeNumber = new Intl.NumberFormat(undefined);

/** "1 contact", "100,000 contacts". */
export function countOf(count: number, one: string, many: string): string {
  return `${wholeNumber.format(count)} ${count === 1 ? one : many}`;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const timeOfDayWithSeconds = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function dayBefore(date: Date): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() - 1);
  return copy;
}

/** Compact, for a table cell: "Today, 14:05", "Yesterday", "3 Mar", "3 Mar 2023". */
export function shortTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (sameDay(date, now)) return `Today, ${timeOfDay.format(date)}`;
  if (sameDay(date, dayBefore(now))) return 'Yesterday';
  if (date.getFullYear() === now.getFullYear()) return dayAndMonth.format(date);
  return fullDate.format(date);
}

/**
 * Complete, for a record: "Today at 14:05:09", "Yesterday at 09:12", "3 Mar 2023, 14:05".
 * Seconds only for today, so a save just made visibly moves the time.
 */
export function longTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (sameDay(date, now)) return `Today at ${timeOfDayWithSeconds.format(date)}`;
  if (sameDay(date, dayBefore(now))) return `Yesterday at ${timeOfDay.format(date)}`;
  return dateAndTime.format(date);
}

/** The exact moment, for a tooltip. */
export function exactTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' }).format(date);
}
