import { useState } from 'react';
import type { TaskRef } from './useTaskDone';
import './TaskCheckbox.css';

interface TaskCheckboxProps {
  task: TaskRef;
  done: boolean;
  /** Resolves false when the change was not saved: the box goes back. */
  onChange: (task: TaskRef, done: boolean) => Promise<boolean>;
}

/** A round tick box named by the task's subject; it ticks at once, before the save comes back, and unticks if the save fails. */
export function TaskCheckbox({ task, done, onChange }: TaskCheckboxProps) {
  const [shown, setShown] = useState(done);
  // A new answer from the caller replaces whatever the box showed meanwhile.
  const [answered, setAnswered] = useState(done);
  if (done !== answered) {
    setAnswered(done);
    setShown(done);
  }
  return (
    <input
      type="checkbox"
      className="task-checkbox"
      checked={shown}
      aria-label={task.title}
      title={shown ? 'Mark as not done' : 'Mark as done'}
      onChange={(event) => {
        const checked = event.target.checked;
        setShown(checked);
        void onChange(task, checked).then((saved) => saved || setShown(!checked));
      }}
    />
  );
}
