import type { Ref } from 'react';
import { contactLimits } from '../../../../shared/schemas/contact';
import { Field } from '../../components/Field';
import type { ContactField, ContactValues, FieldErrors } from './contactForm';

interface ContactFormFieldsProps {
  /** Prefix for element ids, unique per panel. */
  idPrefix: string;
  values: ContactValues;
  errors: FieldErrors;
  onChange(field: ContactField, value: string): void;
  nameRef?: Ref<HTMLInputElement>;
}

const fieldId = (idPrefix: string, field: ContactField) => `${idPrefix}-${field}`;

/** The one-line fields, in the order they are shown; Notes, a multi-line field, follows them. */
const lineFields: ReadonlyArray<{ field: Exclude<ContactField, 'notes'>; label: string; type?: 'email' | 'tel'; placeholder: string }> = [
  { field: 'name', label: 'Name', placeholder: 'Full name' },
  { field: 'email', label: 'Email', type: 'email', placeholder: 'name@example.com' },
  { field: 'phone', label: 'Phone', type: 'tel', placeholder: '+44 20 7946 0958' },
  { field: 'company', label: 'Company', placeholder: 'Where they work' },
];

/** The editable fields of a contact, each labelled, with its error beside it. */
export function ContactFormFields({ idPrefix, values, errors, onChange, nameRef }: ContactFormFieldsProps) {
  const common = (field: ContactField) => ({
    id: fieldId(idPrefix, field),
    error: errors[field],
    value: values[field],
    maxLength: contactLimits[field],
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
        {...common('notes')}
        label="Notes"
        multiline
        rows={4}
        placeholder="How you met, what they need, what to do next…"
        onChange={(event) => onChange('notes', event.target.value)}
      />
    </div>
  );
}
