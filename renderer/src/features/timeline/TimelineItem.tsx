import type { ActivitySummary } from '../../../../shared/schemas/activity';
import type { FieldedKind } from '../../../../shared/schemas/record';
import type { FieldChange, TimelineEntry } from '../../../../shared/schemas/timeline';
import { IconButton } from '../../components/Button';
import { Icon, type IconName } from '../../components/Icon';
import { exactTime } from '../../lib/format';
import {
  activityTitle,
  kindWords,
  dayAndTime,
  dueWords,
  inSentence,
  isOverdue,
  TaskCheckbox,
  type TaskRef,
} from '../activities';
import { ClampedBody } from './ClampedBody';
import { createdWords, describeChange, describeMemberEvent } from './describeEntry';

export interface ActivityActions {
  onEdit: (activity: ActivitySummary) => void;
  onDelete: (activity: ActivitySummary) => void;
  onSetDone: (task: TaskRef, done: boolean) => Promise<boolean>;
}

interface TimelineItemProps extends ActivityActions {
  entry: TimelineEntry;
  recordKind: FieldedKind;
}

const changeIcons: Record<FieldChange['action'], IconName> = {
  changed: 'edit',
  trashed: 'trash',
  restored: 'restore',
  merged: 'merge',
  tagged: 'tag',
  untagged: 'tag',
};

function When({ at }: { at: string }) {
  return (
    <time className="timeline-item__time" dateTime={at} title={exactTime(at)}>
      {dayAndTime(at)}
    </time>
  );
}

/** A quiet one-line entry: a field changed, a file attached, the record created. */
function EventItem({ icon, text, at }: { icon: IconName; text: string; at: string }) {
  return (
    <li className="timeline-item timeline-item--event">
      <span className="timeline-item__marker">
        <Icon name={icon} size={14} />
      </span>
      <p className="timeline-item__event">
        <span className="timeline-item__event-text">{text}</span>
        <When at={at} />
      </p>
    </li>
  );
}

/** One entry of a record's timeline. Activities get their text, their task box, and edit and trash buttons. */
export function TimelineItem({ entry, recordKind, onEdit, onDelete, onSetDone }: TimelineItemProps) {
  if (entry.type === 'created') return <EventItem icon="plus" text={createdWords(recordKind)} at={entry.at} />;
  if (entry.type === 'attachment')
    return <EventItem icon="paperclip" text={`${entry.attachment.fileName} attached`} at={entry.at} />;
  if (entry.type === 'change')
    return <EventItem icon={changeIcons[entry.change.action]} text={describeChange(entry.change)} at={entry.at} />;
  if (entry.type === 'campaign')
    return <EventItem icon="campaigns" text={describeMemberEvent(entry.memberEvent)} at={entry.at} />;

  const { activity } = entry;
  const words = kindWords[activity.kind];
  const title = activityTitle(activity);
  const done = activity.doneAt !== null;
  const overdue = activity.kind === 'task' && !done && activity.dueAt !== null && isOverdue(activity.dueAt);
  return (
    <li
      className={
        done ? 'timeline-item timeline-item--activity timeline-item--done' : 'timeline-item timeline-item--activity'
      }
    >
      <span className={`timeline-item__marker timeline-item__marker--${activity.kind}`}>
        {activity.kind === 'task' ? (
          <TaskCheckbox task={{ id: activity.id, title }} done={done} onChange={onSetDone} />
        ) : (
          <Icon name={words.icon} size={16} />
        )}
      </span>
      <div className="timeline-item__main">
        {activity.subject && <p className="timeline-item__subject">{activity.subject}</p>}
        {activity.preview && <ClampedBody activityId={activity.id} preview={activity.preview} />}
        <p className="timeline-item__meta">
          <span>{words.name}</span>
          {/* A task's time is when it is due; when it was written down matters little. */}
          {activity.kind !== 'task' && <When at={activity.occurredAt} />}
          {activity.dueAt && (
            <span
              className={overdue ? 'timeline-item__due timeline-item__due--overdue' : 'timeline-item__due'}
              title={`Due ${exactTime(activity.dueAt)}`}
            >
              {overdue && <Icon name="alert" size={13} />}
              {activity.doneAt
                ? `Done ${inSentence(dayAndTime(activity.doneAt))}`
                : overdue
                  ? `Overdue, was due ${inSentence(dueWords(activity.dueAt))}`
                  : `Due ${inSentence(dueWords(activity.dueAt))}`}
            </span>
          )}
        </p>
      </div>
      <div className="timeline-item__actions">
        <IconButton icon="edit" label={`Edit “${title}”`} onClick={() => onEdit(activity)} />
        <IconButton icon="trash" label={`Move “${title}” to the trash`} onClick={() => onDelete(activity)} />
      </div>
    </li>
  );
}
