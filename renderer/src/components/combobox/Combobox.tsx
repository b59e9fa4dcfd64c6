import type { FocusEventHandler, KeyboardEvent, MouseEventHandler, ReactNode, Ref } from 'react';
import { FieldError } from '../FieldError';
import { useCombobox } from './useCombobox';
import '../Field.css';
import './Combobox.css';

interface ComboboxProps<T> {
  id: string;
  label: string;
  text: string;
  onTextChange: (text: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  onChoose: (option: T) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Escape closed the list. */
  onDismiss?: () => void;
  /** Said (and announced) in place of the options when there are none: searching, no match, a problem. */
  status?: string | null | undefined;
  placeholder?: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Shown inside the box before the input (chosen tags) and after it (a clear button). */
  before?: ReactNode;
  after?: ReactNode;
  /** Classes for a different look of the box and the input (the tag picker's chips box). */
  boxClassName?: string;
  inputClassName?: string;
  busy?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Runs before the combobox's own keys; preventDefault there skips them. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  onFocus?: FocusEventHandler<HTMLInputElement>;
  onBlur?: FocusEventHandler<HTMLInputElement>;
  onClick?: MouseEventHandler<HTMLInputElement>;
}

/**
 * A labelled text field with suggestions under it (the WAI-ARIA combobox
 * with a listbox popup): type to narrow, arrows, Home and End to move,
 * Enter or a click to choose, Escape to close the list.
 */
export function Combobox<T>({ inputRef, ...props }: ComboboxProps<T>) {
  const { id, label, text, options, open, status, hint, error, busy } = props;
  // Open with nothing to show is closed: Escape then belongs to the dialog.
  const shown = open && (options.length > 0 || Boolean(status));
  const combobox = useCombobox({
    id,
    options,
    open: shown,
    onOpenChange: props.onOpenChange,
    onChoose: props.onChoose,
    onDismiss: props.onDismiss,
  });
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  const saying = shown && options.length === 0 && status ? status : '';
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');

  return (
    <div className={error ? 'field field--invalid combobox' : 'field combobox'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="combobox__anchor">
        <div className={props.boxClassName ?? 'combobox__box'} aria-busy={busy}>
          {props.before}
          <input
            ref={inputRef}
            className={props.inputClassName ?? 'field__control combobox__input'}
            {...combobox.inputProps}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy || undefined}
            placeholder={props.placeholder}
            value={text}
            onChange={(event) => {
              props.onTextChange(event.target.value);
              combobox.highlightFirst();
              props.onOpenChange(true);
            }}
            onKeyDown={(event) => {
              props.onKeyDown?.(event);
              if (!event.defaultPrevented) combobox.inputProps.onKeyDown(event);
            }}
            onFocus={props.onFocus}
            onBlur={props.onBlur}
            onClick={props.onClick}
          />
          {props.after}
        </div>
        <ul {...combobox.listboxProps} className="combobox__options" aria-label={label} hidden={!combobox.expanded}>
          {options.map((option, index) => (
            <li key={props.optionKey(option)} className="combobox__option" {...combobox.optionProps(index)}>
              {props.renderOption(option)}
            </li>
          ))}
        </ul>
        {/* Always in the page, so a screen reader hears each new message. A live region, not role=status:
            the window's one status region is its notifications. */}
        <p id={statusId} className="combobox__status" aria-live="polite" aria-atomic="true">
          {saying}
        </p>
      </div>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
