import type { ActivitySummary } from '../../../../shared/schemas/activity';
import { Icon } from '../../components/Icon';
import { exactTime } from '../../lib/format';
import { placeOfKind, useNavigation } from '../../navigation';
import { activityTitle, dueWords, isAllDay, isOverdue, TaskCheckbox, TextButton, type TaskRef } from '../activities';
import { recordKindLooks } from './recordKinds';
import { SampleBadge } from '../welcome';

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The records a task belongs to, as links that open them: its contact, its deal, its company. */
function RecordLinks({ task }: { task: ActivitySummary }) {
  const { go } = useNavigation();
  const links = [
    task.contact && { kind: 'contact' as const, ...task.contact },
    task.deal && { kind: 'deal' as const, ...task.deal },
    task.company && { kind: 'company' as const, ...task.company },
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <span className="today-task__records">
      {links.map((link) => (
        <TextButton
          key={link.kind}
          className="today-task__record"
          onClick={() => void go(placeOfKind[link.kind], { type: 'open', id: link.id })}
        >
          <Icon name={recordKindLooks[link.kind].icon} size={13} />
          {link.name}
        </TextButton>
      ))}
    </span>
  );
}

/** When it is due, as short as the section allows: today's tasks need only the time. */
function DueTime({ dueAt, sameDay }: { dueAt: string; sameDay: boolean }) {
  const late = isOverdue(dueAt);
  const words = sameDay ? (isAllDay(dueAt) ? 'Any time' : timeOfDay.format(new Date(dueAt))) : dueWords(dueAt);
  return (
    <time
      className={late ? 'today-task__due today-task__due--late' : 'today-task__due'}
      dateTime={dueAt}
      title={exactTime(dueAt)}
    >
      {late && <Icon name="clock" size={13} />}
      {words}
    </time>
  );
}

interface TaskRowProps {
  task: ActivitySummary;
  /** In "Due today", where the day goes without saying. */
  sameDay: boolean;
  onSetDone: (task: TaskRef, done: boolean) => Promise<boolean>;
}

/** A task on the Today screen: its tick box, what to do, who it is for, when it is due. */
export function TaskRow({ task, sameDay, onSetDone }: TaskRowProps) {
  const title = activityTitle(task);
  return (
    <li className="today-task">
      <TaskCheckbox task={{ id: task.id, title }} done={task.doneAt !== null} onChange={onSetDone} />
      <div className="today-task__main">
        <span className="today-task__subject">
          {title}
          <SampleBadge kind="activity" id={task.id} />
        </span>
        <RecordLinks task={task} />
      </div>
      {task.dueAt && <DueTime dueAt={task.dueAt} sameDay={sameDay} />}
    </li>
  );
}
