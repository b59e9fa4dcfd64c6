import { useCallback, useRef, useState } from 'react';
import { type TaskRef, useTaskDone } from '../activities';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { NewTaskDialog } from './NewTaskDialog';
import { TaskSection } from './TaskSection';
import { useFocusAfterRemoval } from './useFocusAfterRemoval';
import { useTodayTasks } from './useTodayTasks';
import './TodayScreen.css';

const todayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** What needs doing: overdue tasks, today's, and the week ahead, each ticked off in place. */
export function TodayScreen() {
  const toast = useToast();
  const { tasks, error, reload } = useTodayTasks();
  const setDone = useTaskDone(useCallback(() => void reload(), [reload]));
  const [adding, setAdding] = useState(false);
  const sectionsRef = useRef<HTMLDivElement>(null);
  const newTaskRef = useRef<HTMLButtonElement>(null);
  const rememberFocus = useFocusAfterRemoval(sectionsRef, tasks, newTaskRef);
  const tick = (task: TaskRef, done: boolean) => {
    rememberFocus();
    return setDone(task, done);
  };
  const nothingDue = tasks !== null && tasks.overdue.total === 0 && tasks.dueToday.total === 0;

  return (
    <Screen className="today" titleId="today-title">
      <ScreenHeader titleId="today-title" title="Today">
        <Button ref={newTaskRef} variant="primary" icon="plus" onClick={() => setAdding(true)}>
          New task
        </Button>
      </ScreenHeader>
      <p className="today__date">{todayLong.format(new Date())}</p>
      {error && (
        <ErrorBanner
          title="Your tasks could not be loaded"
          action={<Button onClick={() => void reload()}>Try again</Button>}
        >
          {error}
        </ErrorBanner>
      )}
      {tasks === null && !error && <p className="today__quiet">Loading…</p>}
      {tasks && (
        <div className="today__sections" ref={sectionsRef}>
          {nothingDue ? (
            <EmptyState
              className="today-clear"
              icon="check"
              title="Nothing due today"
              text={
                tasks.comingUp.total > 0
                  ? 'You are all caught up. Here is what the week ahead holds.'
                  : 'You are all caught up. Add a task when something needs doing.'
              }
            />
          ) : (
            <>
              <TaskSection title="Overdue" tone="late" group={tasks.overdue} sameDay={false} onSetDone={tick} />
              <TaskSection title="Due today" group={tasks.dueToday} sameDay onSetDone={tick} />
            </>
          )}
          <TaskSection
            title="Coming up"
            hint="The next 7 days"
            group={tasks.comingUp}
            sameDay={false}
            onSetDone={tick}
          />
        </div>
      )}
      {adding && (
        <NewTaskDialog
          onCancel={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            toast('Task added');
            void reload();
          }}
        />
      )}
    </Screen>
  );
}
