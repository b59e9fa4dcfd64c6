import { FieldError } from './FieldError';
import { Select } from './Select';

interface SelectFieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  value: string | number;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

/** A labelled select in the look of Field, with its error beside it. */
export function SelectField({ id, label, error, value, options, onChange }: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <Select
        id={id}
        value={value}
        options={options}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
