import { useId } from 'react';
import { countOf } from '../../lib/format';
import type { TaskRef } from '../activities';
import { TaskRow } from './TaskRow';
import type { TaskGroup } from './useTodayTasks';

interface TaskSectionProps {
  title: string;
  hint?: string;
  /** late: overdue tasks, in the warning colour. */
  tone?: 'late';
  group: TaskGroup;
  sameDay: boolean;
  onSetDone: (task: TaskRef, done: boolean) => Promise<boolean>;
}

/** One group of tasks under its heading and count; nothing at all when the group is empty. */
export function TaskSection({ title, hint, tone, group, sameDay, onSetDone }: TaskSectionProps) {
  const headingId = useId();
  if (group.total === 0) return null;
  const hidden = group.total - group.rows.length;
  return (
    <section className={tone ? `today-section today-section--${tone}` : 'today-section'} aria-labelledby={headingId}>
      <h2 id={headingId} className="today-section__title">
        {title}
        <span className="today-section__count">{countOf(group.total, 'task', 'tasks')}</span>
        {hint && <span className="today-section__hint">{hint}</span>}
      </h2>
      <ul className="today-section__tasks">
        {group.rows.map((task) => (
          <TaskRow key={task.id} task={task} sameDay={sameDay} onSetDone={onSetDone} />
        ))}
      </ul>
      {hidden > 0 && (
        <p className="today-section__more">and {countOf(hidden, 'more task', 'more tasks')}, oldest shown first</p>
      )}
    </section>
  );
}
