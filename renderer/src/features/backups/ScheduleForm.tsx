import { useId, useState, type FormEvent } from 'react';
import type { BackupSettings } from '../../../../shared/schemas/backup';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useBackups } from './backupsContext';
import {
  scheduleFields,
  validateSchedule,
  valuesOf,
  type ScheduleErrors,
  type ScheduleField,
  type ScheduleValues,
} from './scheduleForm';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import '../../styles/card.css';
import './ScheduleForm.css';

const labels: Record<ScheduleField, { label: string; hint: string }> = {
  intervalMinutes: { label: 'Back up every (minutes)', hint: 'Only while something has changed.' },
  keepNewest: { label: 'Newest backups to keep', hint: 'However old they are.' },
  keepDaily: { label: 'Daily backups to keep', hint: 'One a day, for this many days.' },
  keepWeekly: { label: 'Weekly backups to keep', hint: 'One a week, for this many weeks.' },
};

/** How often Rolodesk backs up on its own, and how many backups it keeps. Read once: later status updates never overwrite typing. */
export function ScheduleForm({ settings }: { settings: BackupSettings }) {
  const idPrefix = useId();
  const showToast = useToast();
  const { replaceStatus } = useBackups();
  const [values, setValues] = useState<ScheduleValues>(() => valuesOf(settings));
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const submitting = useSubmitOnce();
  const saving = submitting.running;
  const fieldId = (field: ScheduleField) => `${idPrefix}-${field}`;

  function showErrors(found: ScheduleErrors) {
    setErrors(found);
    const first = scheduleFields.find((field) => found[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = validateSchedule(values);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    if (!submitting.begin()) return;
    try {
      const status = await invoke('backups.updateSettings', checked.settings);
      replaceStatus(status);
      setValues(valuesOf(status.settings));
      showToast('Schedule saved');
    } catch (thrown) {
      const error = toCrmError(thrown);
      // "No" in Rolodesk's own "keep fewer backups?" question: nothing changed, the typing stays to adjust.
      if (error.code === 'CANCELLED') return showToast(error.message);
      const found: ScheduleErrors = {};
      for (const issue of error.fields)
        if ((scheduleFields as readonly string[]).includes(issue.field))
          found[issue.field as ScheduleField] = issue.message;
      if (Object.keys(found).length > 0) showErrors(found);
      else setProblem(error.message);
    } finally {
      submitting.end();
    }
  }

  return (
    <form
      className="card schedule-form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby={`${idPrefix}-title`}
    >
      <div>
        <h2 id={`${idPrefix}-title`} className="card__title">
          Schedule
        </h2>
        <p className="card__text">
          Rolodesk also backs up when it starts and before every restore. Older backups are thinned out so the folder
          does not fill up; the newest verified backup is never removed.
        </p>
      </div>
      {problem && <ErrorBanner title="The schedule was not saved">{problem}</ErrorBanner>}
      <div className="schedule-form__fields">
        {scheduleFields.map((field) => (
          <Field
            key={field}
            id={fieldId(field)}
            label={labels[field].label}
            hint={labels[field].hint}
            error={errors[field]}
            type="number"
            inputMode="numeric"
            step={1}
            value={values[field]}
            onChange={(event) => {
              const next = { ...values, [field]: event.target.value };
              setValues(next);
              // Once shown, an error goes away as soon as the value is right.
              if (errors[field]) {
                const recheck = validateSchedule(next);
                setErrors((current) => ({ ...current, [field]: recheck.ok ? undefined : recheck.errors[field] }));
              }
            }}
          />
        ))}
      </div>
      <div className="card__actions">
        {/* aria-disabled, not disabled, while saving: a disabled button drops keyboard focus. */}
        <Button type="submit" variant="primary" aria-disabled={saving}>
          Save schedule
        </Button>
      </div>
    </form>
  );
}
