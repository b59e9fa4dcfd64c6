import { useId, useState, type FormEvent } from 'react';
import { customFieldLimits, customFieldTypes, type CustomFieldType } from '../../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { fieldFormErrorsOf, validateNewField, type FieldFormErrors, type FieldFormValues } from '../custom-fields';
import { SelectField } from '../../components/SelectField';
import { customFieldTypeLabels } from './customFieldWords';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { useUnsavedWork } from '../../lib/unsavedContext';

const blank: FieldFormValues = { label: '', type: 'text', choices: '' };
const typeOptions = customFieldTypes.map((type) => ({ value: type, label: customFieldTypeLabels[type] }));

/** Adds a field to one kind of record: a label, a type, and for a choice field its choices. */
export function NewCustomFieldForm({ kind, onAdded }: { kind: FieldedKind; onAdded: () => void }) {
  const showToast = useToast();
  const idPrefix = useId();
  const [values, setValues] = useState<FieldFormValues>(blank);
  const [errors, setErrors] = useState<FieldFormErrors>({});
  const submitting = useSubmitOnce();
  const busy = submitting.running;

  function showErrors(found: FieldFormErrors) {
    setErrors(found);
    const first = found.label ? 'label' : 'choices';
    document.getElementById(`${idPrefix}-${first}`)?.focus();
  }

  async function commit(): Promise<boolean> {
    const checked = validateNewField(kind, values);
    if (!checked.ok) {
      showErrors(checked.errors);
      return false;
    }
    if (!submitting.begin()) return false;
    try {
      const field = await invoke('customFields.create', checked.draft);
      setValues(blank);
      setErrors({});
      showToast(`Field “${field.label}” added`);
      onAdded();
      return true;
    } catch (thrown) {
      showErrors(fieldFormErrorsOf(toCrmError(thrown)));
      return false;
    } finally {
      submitting.end();
    }
  }
  useUnsavedWork(values.label.trim() !== '' || values.choices.trim() !== '', 'the new field', commit);

  function add(event: FormEvent) {
    event.preventDefault();
    void commit();
  }

  return (
    <form className="custom-field-new" noValidate onSubmit={add} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`} className="custom-field-new__title">
        Add a field
      </h3>
      <div className="custom-field-new__row">
        <Field
          id={`${idPrefix}-label`}
          label="Label"
          placeholder="For example Birthday"
          value={values.label}
          error={errors.label}
          limit={customFieldLimits.label}
          onChange={(event) => setValues({ ...values, label: event.target.value })}
        />
        <SelectField
          id={`${idPrefix}-type`}
          label="Type"
          value={values.type}
          options={typeOptions}
          onChange={(type) => setValues({ ...values, type: type as CustomFieldType })}
        />
      </div>
      {values.type === 'choice' && (
        <Field
          id={`${idPrefix}-choices`}
          label="Choices"
          hint="One choice per line."
          multiline
          rows={4}
          placeholder={'Small\nMedium\nLarge'}
          value={values.choices}
          error={errors.choices}
          onChange={(event) => setValues({ ...values, choices: event.target.value })}
        />
      )}
      <Button type="submit" icon="plus" aria-disabled={busy}>
        Add field
      </Button>
    </form>
  );
}
