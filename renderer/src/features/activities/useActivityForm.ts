import { useRef, useState } from 'react';
import type { FieldIssue } from '../../../../shared/errors';
import { toCrmError } from '../../api';
import { focusFirstError } from './ActivityFields';
import { checkActivity, type ActivityErrors, type ActivityField, type ActivityValues, type CheckedActivity } from './activityForm';

const fieldOfIssue: Record<string, ActivityField> = { subject: 'subject', body: 'body', occurredAt: 'day', dueAt: 'day' };

/**
 * The state of one activity form (the composer, the edit and new-task dialogs): values, errors beside
 * the fields, a problem for the form as a whole, and the check before anything is sent.
 */
export function useActivityForm(idPrefix: string, initial: () => ActivityValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ActivityErrors>({});
  // After a refused send, errors follow the typing, so they go away once fixed.
  const [liveCheck, setLiveCheck] = useState(false);
  const dayRef = useRef<HTMLInputElement>(null);
  const timeRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const unreadable = () => ({ day: dayRef.current?.validity.badInput ?? false, time: timeRef.current?.validity.badInput ?? false });

  function change(field: keyof ActivityValues, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (liveCheck) {
      const checked = checkActivity(next, unreadable());
      setErrors(checked.ok ? {} : checked.errors);
    }
  }

  /** Field problems the core found that the form did not; returns the rest in words. */
  function showIssues(issues: readonly FieldIssue[]): string[] {
    const found: ActivityErrors = {};
    const other: string[] = [];
    for (const issue of issues) {
      const field = fieldOfIssue[issue.field];
      if (field) found[field] = issue.message;
      else other.push(issue.message);
    }
    setErrors(found);
    return other;
  }

  /**
   * Checks the fields (and `alsoReady`, for fields of the caller's own), then hands them to `send`.
   * On a problem nothing is sent: it shows beside its field, with the cursor moved there, or above the form.
   */
  async function submit(send: (activity: CheckedActivity) => Promise<void>, alsoReady: () => boolean = () => true): Promise<void> {
    if (sending) return;
    setProblem(null);
    const checked = checkActivity(values, unreadable());
    setErrors(checked.ok ? {} : checked.errors);
    setLiveCheck(!checked.ok);
    const ready = alsoReady();
    if (!checked.ok) focusFirstError(idPrefix, checked.errors);
    if (!checked.ok || !ready) return;
    setSending(true);
    try {
      await send(checked.activity);
    } catch (thrown) {
      const error = toCrmError(thrown);
      const other = error.code === 'VALIDATION' ? showIssues(error.fields) : [error.message];
      if (other.length > 0) setProblem(other.join(' '));
    } finally {
      setSending(false);
    }
  }

  function reset(next: ActivityValues) {
    setValues(next);
    setErrors({});
    setLiveCheck(false);
    setProblem(null);
  }

  return { values, errors, problem, sending, change, submit, reset, dayRef, timeRef };
}

export type ActivityForm = ReturnType<typeof useActivityForm>;
