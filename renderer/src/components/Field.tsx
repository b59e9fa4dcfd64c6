import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { FieldError } from './FieldError';
import { overLimit } from './lengthLimit';
import './Field.css';

interface FieldBase {
  id: string;
  label: string;
  /** A problem with the value, in plain words; shown under the field and read with it. */
  error?: string | undefined;
  /** A short help line under the label's control, read with it. */
  hint?: string;
  /** The most characters the value may have. Longer is never cut: it is said beside the field at once. */
  limit?: number | undefined;
}

type InputFieldProps = FieldBase & { multiline?: false; inputRef?: Ref<HTMLInputElement> } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'id'
  >;
type TextareaFieldProps = FieldBase & { multiline: true; inputRef?: Ref<HTMLTextAreaElement> } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'id'
  >;

/** A labelled input or textarea with its error tied to it by aria-invalid and aria-describedby. */
export function Field(props: InputFieldProps | TextareaFieldProps) {
  const { id, label, hint } = props;
  // Too long is the newest news about the value, so it shows over an older problem.
  const error = overLimit(label, props.value, props.limit) ?? props.error;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  const a11y = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {props.multiline ? <TextareaControl {...props} {...a11y} /> : <InputControl {...props} {...a11y} />}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** What only the Field reads; the rest goes to the input or textarea. */
const fieldOnly = new Set<string>(['label', 'error', 'hint', 'limit', 'multiline']);
type FieldOnly = 'label' | 'error' | 'hint' | 'limit' | 'multiline';

function controlAttributes<Props extends FieldBase>(props: Props): Omit<Props, FieldOnly> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !fieldOnly.has(key))) as Omit<Props, FieldOnly>;
}

function InputControl({ inputRef, ...props }: InputFieldProps) {
  return <input ref={inputRef} className="field__control" {...controlAttributes(props)} />;
}

function TextareaControl({ inputRef, ...props }: TextareaFieldProps) {
  return <textarea ref={inputRef} className="field__control field__control--multiline" {...controlAttributes(props)} />;
}
