import { activityLimits } from '../../../../shared/schemas/activity';
import { Field } from '../../components/Field';
import { activityFieldId } from './activityFocus';
import type { ActivityField } from './activityForm';
import type { ActivityForm } from './useActivityForm';
import './ActivityFields.css';

interface ActivityFieldsProps {
  idPrefix: string;
  form: ActivityForm;
}

const nearLimit = activityLimits.body * 0.9;

/** A logged call happened at a day and time; a task is due on a day, at a time if it has one. */
const whenInputs = [
  { field: 'day', type: 'date', ref: 'dayRef' },
  { field: 'time', type: 'time', ref: 'timeRef' },
] as const;
const whenLabels = { day: { task: 'Due', logged: 'When' }, time: { task: 'Time (optional)', logged: 'Time' } };

/** The fields of a note, call, meeting, email or task: what the kind needs, no more. */
export function ActivityFields({ idPrefix, form }: ActivityFieldsProps) {
  const { values, errors, change } = form;
  const task = values.kind === 'task';
  const note = values.kind === 'note';
  const id = (field: ActivityField) => activityFieldId(idPrefix, field);
  const bodyHint =
    values.body.length > nearLimit
      ? `${values.body.length.toLocaleString()} of ${activityLimits.body.toLocaleString()} characters`
      : undefined;

  return (
    <div className="activity-fields">
      {!note && (
        <Field
          id={id('subject')}
          label={task ? 'Task' : 'Subject'}
          value={values.subject}
          error={errors.subject}
          placeholder={task ? 'Send the quote' : 'What it was about'}
          autoComplete="off"
          onChange={(event) => change('subject', event.target.value)}
        />
      )}
      <Field
        multiline
        id={id('body')}
        label={note ? 'Note' : 'Details'}
        value={values.body}
        error={errors.body}
        {...(bodyHint ? { hint: bodyHint } : {})}
        rows={note ? 3 : 2}
        placeholder={note ? 'Write a note…' : 'Optional'}
        onChange={(event) => change('body', event.target.value)}
      />
      {!note && (
        <div className="activity-fields__when">
          {whenInputs.map(({ field, type, ref }) => (
            <Field
              key={field}
              id={id(field)}
              type={type}
              label={whenLabels[field][task ? 'task' : 'logged']}
              value={values[field]}
              error={errors[field]}
              inputRef={form[ref]}
              onChange={(event) => change(field, event.target.value)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
