import { useRef, useState } from 'react';
import type { FieldIssue } from '../../../../shared/errors';
import { checkActivity, type ActivityCheck, type ActivityErrors, type ActivityField, type ActivityValues } from './activityForm';

const fieldOfIssue: Record<string, ActivityField> = { subject: 'subject', body: 'body', occurredAt: 'day', dueAt: 'day' };

/** The state of one activity form (the composer, the edit dialog): values, errors beside the fields, and the check before sending. */
export function useActivityForm(initial: () => ActivityValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ActivityErrors>({});
  // After a refused send, errors follow the typing, so they go away once fixed.
  const [liveCheck, setLiveCheck] = useState(false);
  const dayRef = useRef<HTMLInputElement>(null);
  const timeRef = useRef<HTMLInputElement>(null);

  const unreadable = () => ({ day: dayRef.current?.validity.badInput ?? false, time: timeRef.current?.validity.badInput ?? false });

  function change(field: keyof ActivityValues, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (liveCheck) {
      const checked = checkActivity(next, unreadable());
      setErrors(checked.ok ? {} : checked.errors);
    }
  }

  /** Checks before sending; on a problem, shows it and moves the cursor to the first field with one. */
  function check(): ActivityCheck {
    const checked = checkActivity(values, unreadable());
    setErrors(checked.ok ? {} : checked.errors);
    setLiveCheck(!checked.ok);
    return checked;
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

  function reset(next: ActivityValues) {
    setValues(next);
    setErrors({});
    setLiveCheck(false);
  }

  return { values, errors, change, check, showIssues, reset, dayRef, timeRef };
}

export type ActivityForm = ReturnType<typeof useActivityForm>;
