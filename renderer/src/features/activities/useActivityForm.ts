import { useRef, useState } from 'react';
import type { FieldIssue } from '../../../../shared/errors';
import { toCrmError } from '../../api';
import type { SaveOutcome } from '../../lib/useRecordForm';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { focusFirstError } from './activityFocus';
import {
  checkActivity,
  type ActivityErrors,
  type ActivityField,
  type ActivityValues,
  type CheckedActivity,
} from './activityForm';

const fieldOfIssue: Record<string, ActivityField> = {
  subject: 'subject',
  body: 'body',
  occurredAt: 'day',
  dueAt: 'day',
};

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
  const submitOnce = useSubmitOnce();

  const unreadable = () => ({
    day: dayRef.current?.validity.badInput ?? false,
    time: timeRef.current?.validity.badInput ?? false,
  });

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
   * One send at a time: a second submit while one is on its way is ignored ('busy'). A send refused
   * because the activity changed meanwhile is the caller's to review ('conflict').
   */
  async function submit(
    send: (activity: CheckedActivity) => Promise<void>,
    alsoReady: () => boolean = () => true,
  ): Promise<SaveOutcome> {
    const outcome = await submitOnce.run(async (): Promise<SaveOutcome> => {
      setProblem(null);
      const checked = checkActivity(values, unreadable());
      setErrors(checked.ok ? {} : checked.errors);
      setLiveCheck(!checked.ok);
      const ready = alsoReady();
      if (!checked.ok) focusFirstError(idPrefix, checked.errors);
      if (!checked.ok || !ready) return 'invalid';
      try {
        await send(checked.activity);
        return 'saved';
      } catch (thrown) {
        const error = toCrmError(thrown);
        if (error.code === 'CONFLICT') return 'conflict';
        const other = error.code === 'VALIDATION' ? showIssues(error.fields) : [error.message];
        if (other.length > 0) setProblem(other.join(' '));
        return 'failed';
      }
    });
    return outcome ?? 'busy';
  }

  function reset(next: ActivityValues) {
    setValues(next);
    setErrors({});
    setLiveCheck(false);
    setProblem(null);
  }

  return { values, errors, problem, sending: submitOnce.running, change, submit, reset, dayRef, timeRef };
}

export type ActivityForm = ReturnType<typeof useActivityForm>;
