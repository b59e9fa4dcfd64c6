// Activity times in the user's locale, with day words where they read naturally.

import { calendarDaysBetween, dayText, endOfDay, lastMinuteOfDay, momentOnDay } from '../../../../shared/days';

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayThisYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dayOtherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "Today", "Yesterday", "Tomorrow", "Fri, 28 Nov", "3 Mar 2025". */
function dayWords(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const days = calendarDaysBetween(now, date);
  if (days === 0) return 'Today';
  if (days === -1) return 'Yesterday';
  if (days === 1) return 'Tomorrow';
  return date.getFullYear() === now.getFullYear() ? dayThisYear.format(date) : dayOtherYear.format(date);
}

/** "Today 14:05", "Yesterday 9:12 AM", "Fri, 28 Nov 10:00". */
export function dayAndTime(iso: string, now = new Date()): string {
  return `${dayWords(iso, now)} ${timeOfDay.format(new Date(iso))}`;
}

/**
 * A task due "some time that day" is stored at the day's last minute, so it
 * stays due today until the day is over; it reads as the day alone.
 */
export function isAllDay(iso: string): boolean {
  const date = new Date(iso);
  return date.getHours() === 23 && date.getMinutes() === 59;
}

/** A due time in words: "Today", "Tomorrow 10:00". */
export function dueWords(dueAt: string, now = new Date()): string {
  return isAllDay(dueAt) ? dayWords(dueAt, now) : dayAndTime(dueAt, now);
}

/** Past its due time; an all-day task, stored at the day's last minute, only once its day is over (as the core's Today lists it). */
export function isOverdue(dueAt: string, now = new Date()): boolean {
  if (isAllDay(dueAt)) return now.getTime() >= endOfDay(new Date(dueAt)).getTime();
  return Date.parse(dueAt) < now.getTime();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A date input's value ("2026-11-27") for the local day of `date`. */
export const dateInputValue = dayText;

/** A time input's value ("14:05"); '' for an all-day due time. */
export function timeInputValue(date: Date): string {
  return isAllDay(date.toISOString()) ? '' : `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment a date and an optional time input name, in local time; a missing time is the day's last minute. Null when not a real date. */
export function fromInputs(day: string, time: string): Date | null {
  return time === '' ? lastMinuteOfDay(day) : momentOnDay(day, time);
}

/** Day words for the middle of a sentence: "due today 14:00", "due Fri, 28 Nov". */
export const inSentence = (words: string) => words.replace(/^(Today|Yesterday|Tomorrow)/, (word) => word.toLowerCase());
