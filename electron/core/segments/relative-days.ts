import { subMonths } from 'date-fns';
import { startOfDay, startOfDayAfter } from '../../../shared/days';

/**
 * "In the last N days" starts at midnight N calendar days before today, in
 * the local time zone: a day the clocks change is still one day. So "in the
 * last 1 day" is yesterday and today.
 */
export function startOfDaysAgo(now: Date, days: number): Date {
  return startOfDayAfter(now, -days);
}

/** Where "the last 12 months" of the lifecycle starts: midnight of today's date a year ago. */
export function startOfYearAgo(now: Date): Date {
  return subMonths(startOfDay(now), 12);
}
