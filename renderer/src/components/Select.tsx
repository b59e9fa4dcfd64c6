import type { Ref, SelectHTMLAttributes } from 'react';
import { Icon } from './Icon';
import './Select.css';

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  options: ReadonlyArray<{ value: string; label: string }>;
  ref?: Ref<HTMLSelectElement>;
}

/** A select drawn like the text fields, with the app's own chevron (the system arrow ignores our colours). */
export function Select({ options, className, ...rest }: SelectProps) {
  return (
    <span className={['select', className].filter(Boolean).join(' ')}>
      <select className="field__control select__control" {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Icon name="chevronDown" size={15} className="select__chevron" />
    </span>
  );
}
