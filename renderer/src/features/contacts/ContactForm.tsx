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

export const fieldId = (idPrefix: string, field: ContactField) => `${idPrefix}-${field}`;

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
      <Field
        {...common('name')}
        label="Name"
        inputRef={nameRef}
        autoComplete="off"
        placeholder="Full name"
        onChange={(event) => onChange('name', event.target.value)}
      />
      <Field
        {...common('email')}
        label="Email"
        type="email"
        autoComplete="off"
        placeholder="name@example.com"
        onChange={(event) => onChange('email', event.target.value)}
      />
      <Field
        {...common('phone')}
        label="Phone"
        type="tel"
        autoComplete="off"
        placeholder="+44 20 7946 0958"
        onChange={(event) => onChange('phone', event.target.value)}
      />
      <Field
        {...common('company')}
        label="Company"
        autoComplete="off"
        placeholder="Where they work"
        onChange={(event) => onChange('company', event.target.value)}
      />
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
