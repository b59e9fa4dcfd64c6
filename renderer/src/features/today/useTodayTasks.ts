import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivitySummary } from '../../../../shared/schemas/activity';
import { invoke, toCrmError } from '../../api';
import { endOfToday } from '../activities/activityTime';

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
const week = 7 * 24 * 60 * 60 * 1000;

/**
 * Open tasks: overdue and due today from activities.today; coming up from the
 * open tasks by due time, starting after the ones due by tonight.
 */
async function loadTasks(): Promise<TodayTaskGroups> {
  const endOfDay = endOfToday();
  const today = await invoke('activities.today', { endOfDay: endOfDay.toISOString(), limit: shown });
  const later = await invoke('activities.list', {
    kinds: ['task'],
    status: 'open',
    sort: 'dueAt',
    direction: 'asc',
    offset: today.overdue.total + today.dueToday.total,
    limit: shown,
  });
  const weekEnd = new Date(endOfDay.getTime() + week).toISOString();
  const comingUp = later.rows.filter((task) => task.dueAt !== null && task.dueAt >= endOfDay.toISOString() && task.dueAt < weekEnd);
  return { ...today, comingUp: { total: comingUp.length, rows: comingUp } };
}

/** The Today screen's tasks, and a reload for after a task is added, ticked or unticked. */
export function useTodayTasks() {
  const [tasks, setTasks] = useState<TodayTaskGroups | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const loaded = await loadTasks();
      if (request !== latest.current) return;
      setTasks(loaded);
      setError(null);
    } catch (thrown) {
      if (request === latest.current) setError(toCrmError(thrown).message);
    }
  }, []);

  useEffect(() => {
    void reload();
    // Tasks ticked off elsewhere show when the user comes back to the window.
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      latest.current++;
    };
  }, [reload]);

  // At midnight today's tasks become overdue and tomorrow's today's; set again after every load.
  useEffect(() => {
    const midnight = window.setTimeout(() => void reload(), endOfToday().getTime() - Date.now() + 1000);
    return () => window.clearTimeout(midnight);
  }, [reload, tasks]);

  return { tasks, error, reload };
}
