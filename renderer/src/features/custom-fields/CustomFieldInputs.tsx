import { useId } from 'react';
import { customTextLimit } from '../../../../shared/schemas/common';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import type { CustomFieldForm } from '../../lib/useCustomFieldForm';

interface CustomFieldInputsProps {
  /** The form's custom fields (useCustomFieldForm): which fields, their text and their problems. */
  form: CustomFieldForm;
}

/** The custom fields of one kind of record, each with the input its type needs, in the order set in Settings. */
export function CustomFieldInputs({ form }: CustomFieldInputsProps) {
  const idPrefix = useId();
  const { fields, fieldsProblem, values, errors, setValues } = form;
  if (fieldsProblem) return <p className="field__error">{fieldsProblem}</p>;
  if (!fields || fields.length === 0) return null;
  return (
    <>
      {fields.map((field) => (
        <CustomFieldInput
          key={field.id}
          id={`${idPrefix}-custom-${field.id}`}
          field={field}
          value={values[String(field.id)] ?? ''}
          error={errors[String(field.id)]}
          onChange={(value) => setValues({ ...values, [String(field.id)]: value })}
        />
      ))}
    </>
  );
}

interface CustomFieldInputProps {
  id: string;
  field: CustomField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function CustomFieldInput({ id, field, value, error, onChange }: CustomFieldInputProps) {
  if (field.type === 'choice')
    return <ChoiceInput id={id} field={field} value={value} error={error} onChange={onChange} />;
  const byType = {
    text: { type: 'text', inputMode: undefined },
    number: { type: 'text', inputMode: 'decimal' },
    date: { type: 'date', inputMode: undefined },
  } as const;
  const { type, inputMode } = byType[field.type];
  const limit = field.type === 'text' ? customTextLimit : undefined;
  return (
    <Field
      id={id}
      label={field.label}
      error={error}
      limit={limit}
      type={type}
      inputMode={inputMode}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** A choice field as a select, with a blank first option so a value can be cleared. */
function ChoiceInput({ id, field, value, error, onChange }: CustomFieldInputProps) {
  const options = [{ value: '', label: '—' }, ...field.choices.map((choice) => ({ value: choice, label: choice }))];
  return <SelectField id={id} label={field.label} value={value} options={options} error={error} onChange={onChange} />;
}
