import type { ActivityKind } from '../../../../shared/schemas/activity';
import type { IconName } from '../../components/Icon';

interface KindWords {
  /** "Call", for a label or a badge. */
  name: string;
  icon: IconName;
  /** The composer's button: "Log call", "Add task". */
  action: string;
  /** The toast after it: "Call logged". */
  done: string;
}

export const kindWords: Record<ActivityKind, KindWords> = {
  note: { name: 'Note', icon: 'note', action: 'Log note', done: 'Note logged' },
  call: { name: 'Call', icon: 'phone', action: 'Log call', done: 'Call logged' },
  meeting: { name: 'Meeting', icon: 'users', action: 'Log meeting', done: 'Meeting logged' },
  email: { name: 'Email', icon: 'mail', action: 'Log email', done: 'Email logged' },
  task: { name: 'Task', icon: 'task', action: 'Add task', done: 'Task added' },
};

/** What a list shows for an activity: its subject, else the start of its text. */
export function activityTitle(activity: { subject: string; preview: string }): string {
  return activity.subject || activity.preview.split('\n')[0] || 'No subject';
}
