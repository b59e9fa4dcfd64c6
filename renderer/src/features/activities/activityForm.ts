import { activityLimits, type ActivityKind } from '../../../../shared/schemas/activity';
import { dateInputValue, fromInputs, timeInputValue } from './activityTime';

/** What the activity form holds, as typed. `day` and `time` are a date and a time input's values. */
export interface ActivityValues {
  kind: ActivityKind;
  subject: string;
  body: string;
  day: string;
  time: string;
}

export type ActivityField = 'subject' | 'body' | 'day' | 'time';
export type ActivityErrors = Partial<Record<ActivityField, string>>;

/** A date or time input part-typed ("11/__/2026") has the value '' and says so only through validity.badInput. */
interface Unreadable {
  day: boolean;
  time: boolean;
}

/** The fields of a draft or an update, checked. */
export interface CheckedActivity {
  subject: string;
  body: string;
  occurredAt?: string;
  dueAt: string | null;
}

type ActivityCheck = { ok: true; activity: CheckedActivity } | { ok: false; errors: ActivityErrors };

const isLogged = (kind: ActivityKind) => kind === 'call' || kind === 'meeting' || kind === 'email';

/** New values for a kind: a logged call happened now, a task is due some time today. */
export function freshValues(kind: ActivityKind, now = new Date()): ActivityValues {
  return { kind, subject: '', body: '', day: dateInputValue(now), time: isLogged(kind) ? timeInputValue(now) : '' };
}

/** An existing activity's values, for editing. */
export function valuesOfActivity(activity: {
  kind: ActivityKind;
  subject: string;
  body: string;
  occurredAt: string;
  dueAt: string | null;
}): ActivityValues {
  const moment = new Date(activity.kind === 'task' ? (activity.dueAt ?? activity.occurredAt) : activity.occurredAt);
  return {
    kind: activity.kind,
    subject: activity.subject,
    body: activity.body,
    day: dateInputValue(moment),
    time: timeInputValue(moment),
  };
}

const count = (value: number) => value.toLocaleString();
const exampleDay = () => new Date().toLocaleDateString();

function tooLong(what: string, text: string, max: number): string | undefined {
  return text.length > max
    ? `${what} can be at most ${count(max)} characters; this has ${count(text.length)}.`
    : undefined;
}

function whenError(values: ActivityValues, unreadable: Unreadable): Pick<ActivityErrors, 'day' | 'time'> {
  const task = values.kind === 'task';
  if (unreadable.day || (values.day !== '' && fromInputs(values.day, '') === null))
    return { day: `That is not a date. Pick a day, like ${exampleDay()}.` };
  if (values.day === '') return { day: task ? 'Choose the day it is due.' : 'Choose the day it happened.' };
  if (unreadable.time)
    return {
      time: task
        ? 'That is not a time. Enter one like 14:30, or leave it empty.'
        : 'That is not a time. Enter one like 14:30.',
    };
  if (values.time === '' && !task) return { time: 'Enter the time it happened, like 14:30.' };
  return {};
}

/** Checks the form the way the core will, in words for the field they are about. Nothing is sent while anything is wrong. */
export function checkActivity(values: ActivityValues, unreadable: Unreadable, now = new Date()): ActivityCheck {
  const subject = values.subject.trim();
  const body = values.body.trim();
  const errors: ActivityErrors = {
    subject: tooLong('A subject', subject, activityLimits.subject),
    body: tooLong('The text', body, activityLimits.body),
    ...(values.kind === 'note' ? {} : whenError(values, unreadable)),
  };
  if (values.kind === 'note' && body === '') errors.body = 'Write the note first.';
  if (values.kind !== 'note' && subject === '' && body === '')
    errors.subject = values.kind === 'task' ? 'Say what needs doing.' : 'Enter a subject or some details.';
  const found = Object.fromEntries(
    Object.entries(errors).filter(([, message]) => message !== undefined),
  ) as ActivityErrors;
  if (Object.keys(found).length > 0) return { ok: false, errors: found };

  if (values.kind === 'note') return { ok: true, activity: { subject, body, dueAt: null } };
  // The inputs hold minutes; "this very minute" means now, so what was just logged sorts after what came before it.
  const thisMinute = values.day === dateInputValue(now) && values.time === timeInputValue(now);
  const moment = (thisMinute ? now : fromInputs(values.day, values.time)!).toISOString();
  return {
    ok: true,
    activity:
      values.kind === 'task' ? { subject, body, dueAt: moment } : { subject, body, occurredAt: moment, dueAt: null },
  };
}
