import type { Ref } from 'react';
import { Field } from './Field';

/** One text field of a record form. `rows` makes it multi-line. */
export interface TextFieldSpec<F extends string> {
  field: F;
  label: string;
  placeholder: string;
  type?: 'email' | 'tel' | 'url';
  rows?: number;
}

interface TextFieldsProps<F extends string> {
  /** Field `f` gets the id `${idPrefix}-${f}` (a failed save focuses it by that id). */
  idPrefix: string;
  specs: readonly TextFieldSpec<F>[];
  values: Readonly<Record<F, string>>;
  errors: Partial<Record<F, string>>;
  /** The schema's length limit per field. */
  limits: Readonly<Record<F, number>>;
  onChange: (field: F, value: string) => void;
  /** The first field, for the cursor when the form opens. */
  firstRef?: Ref<HTMLInputElement>;
}

/** A record form's text fields in order, each labelled, with its problem beside it. */
export function TextFields<F extends string>({
  idPrefix,
  specs,
  values,
  errors,
  limits,
  onChange,
  firstRef,
}: TextFieldsProps<F>) {
  return (
    <div className="record-form__fields">
      {specs.map(({ field, label, placeholder, type, rows }, index) => {
        const common = {
          id: `${idPrefix}-${field}`,
          label,
          placeholder,
          error: errors[field],
          value: values[field],
          limit: limits[field],
        };
        return rows ? (
          <Field
            key={field}
            {...common}
            multiline
            rows={rows}
            onChange={(event) => onChange(field, event.target.value)}
          />
        ) : (
          <Field
            key={field}
            {...common}
            type={type}
            autoComplete="off"
            inputRef={index === 0 ? firstRef : undefined}
            onChange={(event) => onChange(field, event.target.value)}
          />
        );
      })}
    </div>
  );
}
