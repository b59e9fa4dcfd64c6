import { useCallback } from 'react';
import { invoke, toCrmError } from '../../api';
import { useToast } from '../../components/Toast';

export interface TaskRef {
  id: number;
  title: string;
}

/**
 * Marks a task done or not done, says so with an Undo, and calls `onChanged`
 * (to reload what shows the task) after each change, failed ones included.
 * Resolves whether the change was saved.
 */
export function useTaskDone(onChanged: () => void) {
  const toast = useToast();
  return useCallback(
    async function setDone(task: TaskRef, done: boolean, offerUndo = true): Promise<boolean> {
      try {
        await invoke('activities.setDone', { id: task.id, done });
        if (offerUndo) {
          toast(done ? `Done: ${task.title}` : `Not done: ${task.title}`, 'done', {
            label: 'Undo',
            onAction: () => void setDone(task, !done, false),
          });
        }
        return true;
      } catch (thrown) {
        toast(toCrmError(thrown).message, 'problem');
        return false;
      } finally {
        onChanged();
      }
    },
    [toast, onChanged],
  );
}
