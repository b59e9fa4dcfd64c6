import { useEffect, useState } from 'react';
import type { TaskRef } from './useTaskDone';
import './TaskCheckbox.css';

interface TaskCheckboxProps {
  task: TaskRef;
  done: boolean;
  onChange(task: TaskRef, done: boolean): void;
}

/** A round tick box named by the task's subject; it ticks at once, before the save comes back. */
export function TaskCheckbox({ task, done, onChange }: TaskCheckboxProps) {
  const [shown, setShown] = useState(done);
  useEffect(() => setShown(done), [done]);
  return (
    <input
      type="checkbox"
      className="task-checkbox"
      checked={shown}
      aria-label={task.title}
      title={shown ? 'Mark as not done' : 'Mark as done'}
      onChange={(event) => {
        setShown(event.target.checked);
        onChange(task, event.target.checked);
      }}
    />
  );
}
