import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivitySummary } from '../../../../shared/schemas/activity';
import { invoke, toCrmError } from '../../api';
import { useRefreshOnChange } from '../../lib/useRefreshOnChange';
import { nextMidnight, startOfDay, startOfDayAfter } from '../../../../shared/days';

export interface TaskGroup {
  total: number;
  rows: ActivitySummary[];
}

export interface TodayTaskGroups {
  overdue: TaskGroup;
  dueToday: TaskGroup;
  /** Open tasks due in the 7 days after today. */
  comingUp: TaskGroup;
}

const shown = 200;
/** Coming up: the 7 calendar days after today. */
const daysAhead = 7;
/** However the clock jumps, a reload at midnight waits at least this long after the last one: never a loop. */
const minimumWaitMs = 1000;

/**
 * Open tasks: overdue and due today from activities.today; coming up from the
 * open tasks by due time, starting after the ones due by tonight. Days are
 * the window's calendar days (23 or 25 hours when the clocks change).
 */
async function loadTasks(): Promise<TodayTaskGroups> {
  const now = new Date();
  const endOfDay = startOfDayAfter(now, 1);
  const today = await invoke('activities.today', {
    startOfDay: startOfDay(now).toISOString(),
    endOfDay: endOfDay.toISOString(),
    limit: shown,
  });
  const later = await invoke('activities.list', {
    kinds: ['task'],
    status: 'open',
    sort: 'dueAt',
    direction: 'asc',
    offset: today.overdue.total + today.dueToday.total,
    limit: shown,
  });
  const weekEnd = startOfDayAfter(now, 1 + daysAhead).toISOString();
  const comingUp = later.rows.filter(
    (task) => task.dueAt !== null && task.dueAt >= endOfDay.toISOString() && task.dueAt < weekEnd,
  );
  return { ...today, comingUp: { total: comingUp.length, rows: comingUp } };
}

/** The Today screen's tasks, and a reload for after a task is added, ticked or unticked. */
export function useTodayTasks() {
  const [tasks, setTasks] = useState<TodayTaskGroups | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    latest.current += 1;
    const request = latest.current;
    return loadTasks().then(
      (loaded) => {
        if (request !== latest.current) return;
        setTasks(loaded);
        setError(null);
      },
      (thrown: unknown) => {
        if (request === latest.current) setError(toCrmError(thrown).message);
      },
    );
  }, []);

  useEffect(() => {
    void reload();
    // Tasks ticked off elsewhere show when the user comes back to the window.
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      latest.current += 1;
    };
  }, [reload]);

  // Tasks added, changed or removed elsewhere (another screen, an import, removing the sample data) show at once.
  const reloadOnChange = useCallback(() => void reload(), [reload]);
  useRefreshOnChange(['activity'], reloadOnChange);

  // At midnight today's tasks become overdue and tomorrow's today's; set again after every load.
  useEffect(() => {
    const now = new Date();
    const midnight = window.setTimeout(
      () => void reload(),
      Math.max(nextMidnight(now).getTime() - now.getTime(), minimumWaitMs),
    );
    return () => window.clearTimeout(midnight);
  }, [reload, tasks]);

  return { tasks, error, reload };
}
