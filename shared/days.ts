import {
  addDays,
  differenceInCalendarDays,
  differenceInCalendarISOWeeks,
  format,
  isValid,
  parse,
  startOfDay as startOfCalendarDay,
} from 'date-fns';

/**
 * Calendar days in the local time zone (the user's: the window's, or the
 * computer's in the core). A day is not 24 hours: on the days the clocks
 * change it is 23 or 25, and where a zone skips midnight it starts at 01:00.
 * So every boundary here is found by the calendar (date-fns), never by
 * adding 24 hours to a moment.
 */

/** The first moment of the day `moment` falls on. */
export function startOfDay(moment: Date): Date {
  return startOfCalendarDay(moment);
}

/** The first moment of the day `days` calendar days after the one `moment` falls on (negative: before). */
export function startOfDayAfter(moment: Date, days = 1): Date {
  // Again at the start: where a zone skips midnight, the day before started at 01:00 and this one at 00:00.
  return startOfCalendarDay(addDays(startOfCalendarDay(moment), days));
}

/** Where the day of `moment` ends (exclusive): the start of the next calendar day. */
export const endOfDay = (moment: Date): Date => startOfDayAfter(moment, 1);

/** The next midnight after `moment`: the moment "today" becomes "yesterday". */
export const nextMidnight = endOfDay;

/** Whole calendar days from the day of `from` to the day of `to`: 1 when `to` is the next day, however long the day. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(to, from);
}

/** Whole calendar weeks (Monday to Sunday) from the week of `from` to the week of `to`. */
export function calendarWeeksBetween(from: Date, to: Date): number {
  return differenceInCalendarISOWeeks(to, from);
}

export const isSameDay = (a: Date, b: Date): boolean => calendarDaysBetween(a, b) === 0;

/** The same wall-clock time `days` calendar days later (earlier when negative). */
export function addCalendarDays(moment: Date, days: number): Date {
  return addDays(moment, days);
}

/** A calendar day as a date input holds it: "2026-10-25". */
export function dayText(moment: Date): string {
  return format(moment, 'yyyy-MM-dd');
}

const strictDay = /^\d{4}-\d{2}-\d{2}$/;
const strictTime = /^\d{2}:\d{2}$/;

/** The first moment of a day written as "2026-10-25"; null when it is no real day (31 Feb). */
export function dayFromText(text: string): Date | null {
  if (!strictDay.test(text)) return null;
  const day = parse(text, 'yyyy-MM-dd', new Date(0));
  return isValid(day) ? startOfDay(day) : null;
}

/**
 * The moment a day ("2026-10-25") and a wall-clock time ("14:05") name;
 * null when either is not real. A time the clocks skip (02:30 on the day
 * they go forward) is the moment it would have been: 03:30.
 */
export function momentOnDay(day: string, time: string): Date | null {
  if (!strictDay.test(day) || !strictTime.test(time)) return null;
  const moment = parse(`${day} ${time}`, 'yyyy-MM-dd HH:mm', new Date(0));
  return isValid(moment) ? moment : null;
}

/** The last minute of a day: when a task due "some time that day" falls due. */
export function lastMinuteOfDay(day: string): Date | null {
  const start = dayFromText(day);
  return start && new Date(endOfDay(start).getTime() - 60_000);
}
