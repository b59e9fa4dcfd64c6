import { addMonths, addWeeks, format, startOfMonth, startOfWeek, subMonths } from 'date-fns';
import { dayText, startOfDay } from '../../../shared/days';

/** One week of the activity chart: [starts, ends) as stored time stamps, and its Monday as a local day. */
export interface WeekRange {
  startsOn: string;
  starts: string;
  ends: string;
}

/**
 * The stretches of time the dashboard adds up over, from the core's clock in
 * the computer's local time zone: weeks start on Monday at local midnight (a
 * week the clocks change in is 167 or 169 hours), months are calendar months.
 */
export interface DashboardPeriods {
  now: string;
  /** The last 12 weeks, oldest first; the last is the week `now` falls in. */
  weeks: WeekRange[];
  /** "2026-12" for this month and the 11 after it. */
  months: string[];
  /** The first day of the month after the last one shown: later close dates fall outside. */
  endOfMonths: string;
  /** The start of the local day 12 months ago: deals closed since then count for the win rate. */
  winRateSince: string;
}

const weekCount = 12;
const monthCount = 12;

export function dashboardPeriods(now: Date): DashboardPeriods {
  // Again at the start of the day: where a zone skips midnight, a day starts at 01:00.
  const thisWeek = startOfDay(startOfWeek(now, { weekStartsOn: 1 }));
  const weekStart = (offset: number) => startOfDay(addWeeks(thisWeek, offset));
  const weeks = Array.from({ length: weekCount }, (_, index) => {
    const starts = weekStart(index - weekCount + 1);
    return {
      startsOn: dayText(starts),
      starts: starts.toISOString(),
      ends: weekStart(index - weekCount + 2).toISOString(),
    };
  });
  const thisMonth = startOfMonth(now);
  return {
    now: now.toISOString(),
    weeks,
    months: Array.from({ length: monthCount }, (_, index) => format(addMonths(thisMonth, index), 'yyyy-MM')),
    endOfMonths: dayText(addMonths(thisMonth, monthCount)),
    winRateSince: startOfDay(subMonths(now, 12)).toISOString(),
  };
}
