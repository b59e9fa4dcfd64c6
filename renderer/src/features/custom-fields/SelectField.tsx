import { Icon } from '../../components/Icon';
import '../../components/Field.css';

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string | undefined;
  onChange(value: string): void;
}

/** A labelled select in the same frame as Field, its error tied to it the same way. */
export function SelectField({ id, label, value, options, error, onChange }: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__control" value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field__error">
          <Icon name="alert" size={14} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
