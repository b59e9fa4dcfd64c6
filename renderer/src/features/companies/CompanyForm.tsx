import type { Ref } from 'react';
import { companyLimits } from '../../../../shared/schemas/company';
import { Field } from '../../components/Field';
import type { CompanyField, CompanyValues, FieldErrors } from './companyForm';

interface CompanyFormFieldsProps {
  idPrefix: string;
  values: CompanyValues;
  errors: FieldErrors;
  onChange(field: CompanyField, value: string): void;
  nameRef?: Ref<HTMLInputElement>;
}

const fieldId = (idPrefix: string, field: CompanyField) => `${idPrefix}-${field}`;

const lineFields: ReadonlyArray<{ field: 'name' | 'website' | 'phone' | 'industry'; label: string; type?: 'url' | 'tel'; placeholder: string }> = [
  { field: 'name', label: 'Name', placeholder: 'Company name' },
  { field: 'website', label: 'Website', type: 'url', placeholder: 'example.com' },
  { field: 'phone', label: 'Phone', type: 'tel', placeholder: '+44 20 7946 0958' },
];

/** The editable fields of a company, each labelled, with its error beside it. */
export function CompanyFormFields({ idPrefix, values, errors, onChange, nameRef }: CompanyFormFieldsProps) {
  const common = (field: CompanyField) => ({
    id: fieldId(idPrefix, field),
    error: errors[field],
    value: values[field],
    maxLength: companyLimits[field],
  });
  return (
    <div className="contact-form__fields">
      {lineFields.map(({ field, label, type, placeholder }) => (
        <Field
          key={field}
          {...common(field)}
          label={label}
          type={type}
          inputRef={field === 'name' ? nameRef : undefined}
          autoComplete="off"
          placeholder={placeholder}
          onChange={(event) => onChange(field, event.target.value)}
        />
      ))}
      <Field
        {...common('address')}
        label="Address"
        multiline
        rows={2}
        placeholder="Street, town, postcode"
        onChange={(event) => onChange('address', event.target.value)}
      />
      <Field
        {...common('industry')}
        label="Industry"
        autoComplete="off"
        placeholder="What they do"
        onChange={(event) => onChange('industry', event.target.value)}
      />
      <Field
        {...common('notes')}
        label="Notes"
        multiline
        rows={4}
        placeholder="What they need, who decides, what to do next…"
        onChange={(event) => onChange('notes', event.target.value)}
      />
    </div>
  );
}
