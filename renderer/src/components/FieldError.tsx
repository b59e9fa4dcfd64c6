import { Icon } from './Icon';

/** A field's problem in plain words, under it; the control points at `id` with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      <Icon name="alert" size={14} />
      <span>{message}</span>
    </p>
  );
}
