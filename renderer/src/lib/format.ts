// Numbers and times in the user's own locale (undefined = the system's).

import { calendarDaysBetween } from '../../../shared/days';

const wholeNumber = new Intl.NumberFormat(undefined);

/** "1 contact", "100,000 contacts"; with `more`, at least that many: "1,000+ matches". */
export function countOf(count: number, one: string, many: string, more = false): string {
  return more ? `${wholeNumber.format(count)}+ ${many}` : `${wholeNumber.format(count)} ${count === 1 ? one : many}`;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const timeOfDayWithSeconds = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** 0 for today, 1 for yesterday, by the calendar. */
const daysAgo = (date: Date, now: Date) => calendarDaysBetween(date, now);

/** Compact, for a table cell: "Today, 14:05", "Yesterday", "3 Mar", "3 Mar 2023". */
export function shortTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (daysAgo(date, now) === 0) return `Today, ${timeOfDay.format(date)}`;
  if (daysAgo(date, now) === 1) return 'Yesterday';
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
  if (daysAgo(date, now) === 0) return `Today at ${timeOfDayWithSeconds.format(date)}`;
  if (daysAgo(date, now) === 1) return `Yesterday at ${timeOfDay.format(date)}`;
  return dateAndTime.format(date);
}

/** The exact moment, for a tooltip. */
export function exactTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' }).format(date);
}

const kilobyte = 1024;
const megabyte = 1024 * kilobyte;
const gigabyte = 1024 * megabyte;
const upToOneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** One decimal for small numbers ("1.5 MB"), none once they are big enough not to need it ("12 MB"). */
function amount(value: number): string {
  return value < 10 ? upToOneDecimal.format(value) : wholeNumber.format(Math.round(value));
}

/** A file's size the way file managers say it: "67 bytes", "1.5 KB", "8 MB". */
export function fileSize(bytes: number): string {
  if (bytes < kilobyte) return countOf(bytes, 'byte', 'bytes');
  if (bytes < megabyte) return `${amount(bytes / kilobyte)} KB`;
  if (bytes < gigabyte) return `${amount(bytes / megabyte)} MB`;
  return `${amount(bytes / gigabyte)} GB`;
}

/**
 * For the middle of a sentence ("Last verified backup: today at 2:31 PM",
 * "restored from the backup of yesterday at 9:12 AM"): lower-case day words, no seconds.
 */
export function timeInSentence(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (daysAgo(date, now) === 0) return `today at ${timeOfDay.format(date)}`;
  if (daysAgo(date, now) === 1) return `yesterday at ${timeOfDay.format(date)}`;
  return dateAndTime.format(date);
}
