import { useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { toCrmError } from '../api';
import type { CustomValuesDraft } from './customValues';
import { useSubmitOnce } from './useSubmitOnce';

/** A record form's own checks: its fields in order, the schema check, and the core's field problems sorted out. */
export interface FormRules<Values, Field extends string, Input> {
  fields: readonly Field[];
  validate: (values: Values) => { ok: true; input: Input } | { ok: false; errors: Partial<Record<Field, string>> };
  fieldErrorsOf: (issues: readonly FieldIssue[]) => { errors: Partial<Record<Field, string>>; other: string[] };
}

/** The custom fields part of the form (useCustomFieldForm). */
interface CustomPart {
  take: () => CustomValuesDraft | null;
  showServerErrors: (issues: readonly FieldIssue[]) => boolean;
}

interface RecordFormOptions<Values, Field extends string, Input, Saved> {
  rules: FormRules<Values, Field, Input>;
  initial: () => Values;
  /** The form's id prefix: field `f` has id `${idPrefix}-${f}`. */
  idPrefix: string;
  custom: CustomPart;
  /** Creates or updates the record. */
  persist: (input: Input & { custom: CustomValuesDraft }) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
}

/** How a save ended: 'conflict' means the record changed since the form was filled (the caller reviews it). */
export type SaveOutcome = 'saved' | 'invalid' | 'conflict' | 'failed' | 'busy';

/**
 * A record form: values as typed, problems beside their fields (checked as
 * the user types once a save has failed, so they vanish once fixed), and a
 * save that checks with the same schema as the core, sends, and sorts the
 * core's own problems onto the fields or into one message.
 */
export function useRecordForm<Values, Field extends string, Input, Saved>({
  rules,
  initial,
  idPrefix,
  custom,
  persist,
  onSaved,
}: RecordFormOptions<Values, Field, Input, Saved>) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [liveCheck, setLiveCheck] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useSubmitOnce();

  function change(changes: Partial<Values>) {
    const next = { ...values, ...changes };
    setValues(next);
    if (liveCheck) {
      const checked = rules.validate(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  }

  function showFieldErrors(found: Partial<Record<Field, string>>) {
    setErrors(found);
    setLiveCheck(true);
    const first = rules.fields.find((field) => found[field]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  }

  function focusFirstProblem() {
    // Record forms live in a record panel (RecordPanel).
    requestAnimationFrame(() => {
      const control = document.querySelector<HTMLElement>('.record-panel [aria-invalid="true"]');
      control?.focus();
      // Focus brings the box into view; its problem is written under it, so the whole field is scrolled in.
      (control?.closest('.field') ?? control)?.scrollIntoView({ block: 'nearest' });
    });
  }

  /** One save at a time: a second click while one is on its way is ignored ('busy'). */
  async function save(): Promise<SaveOutcome> {
    return (await submit.run(send)) ?? 'busy';
  }

  async function send(): Promise<SaveOutcome> {
    setProblem(null);
    const checked = rules.validate(values);
    const customValues = custom.take();
    if (!checked.ok) {
      showFieldErrors(checked.errors);
      return 'invalid';
    }
    // A custom field in trouble takes the cursor once its problem shows (it may be below the fold).
    if (!customValues) {
      focusFirstProblem();
      return 'invalid';
    }
    try {
      const saved = await persist({ ...checked.input, custom: customValues });
      setErrors({});
      setLiveCheck(false);
      onSaved(saved);
      return 'saved';
    } catch (thrown) {
      const error = toCrmError(thrown);
      if (error.code === 'CONFLICT') return 'conflict';
      const { errors: found, other } =
        error.code === 'VALIDATION' ? rules.fieldErrorsOf(error.fields) : { errors: {}, other: [] };
      if (custom.showServerErrors(error.fields)) {
        setProblem('Please check the fields marked below.');
      } else if (Object.keys(found).length > 0) {
        showFieldErrors(found);
        if (other.length > 0) setProblem(other.join(' '));
      } else {
        setProblem(error.message);
      }
      return 'failed';
    }
  }

  return { values, setValues, errors, problem, setProblem, saving: submit.running, change, save };
}
